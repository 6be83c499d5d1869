import type { MiddlewareHandler } from 'hono';
import { Invalid } from '../errors';
import { QUERY } from '../limits';
import type { AppEnv } from '../types';

/** Printable ASCII only: no control characters (tab, CR, LF, NUL…), no DEL, nothing beyond U+007E. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A parameter name as it may appear inside an error message, header or card. */
function shown(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
}

/**
 * The query rules every public route shares, as a plain object (or an Invalid that says what is wrong):
 * - a parameter given twice is an error rather than a guess about which one wins;
 * - names and values must be printable ASCII after decoding (every option we take is ASCII, and
 *   look-alike characters are refused rather than mapped);
 * - lengths and the number of parameters are capped;
 * - an empty value (`?as_of=`, as CMSs produce from blank fields) is an absent option.
 * Unknown parameters pass these checks and are then ignored by the route's schema.
 */
export function queryRules(search: string, maxValue: number = QUERY.valueLength): Record<string, string> {
  if (search.length > QUERY.rawLength)
    throw new Invalid('Query too long', `The query string is longer than ${QUERY.rawLength} characters.`);
  // A Map, so a parameter named `__proto__` is data like any other.
  const out = new Map<string, string>();
  const seen = new Set<string>();
  let count = 0;
  for (const [k, v] of new URLSearchParams(search)) {
    if (++count > QUERY.params)
      throw new Invalid('Too many parameters', `At most ${QUERY.params} query parameters are accepted.`);
    if (k.length > QUERY.nameLength)
      throw new Invalid('Parameter name too long', `"${shown(k)}…" is longer than ${QUERY.nameLength} characters.`);
    if (!PRINTABLE_ASCII.test(k))
      throw new Invalid('Invalid parameter name', `"${shown(k)}" contains control or non-ASCII characters.`);
    if (seen.has(k)) throw new Invalid('Duplicate parameter', `"${shown(k)}" is given more than once.`);
    seen.add(k);
    if (v.length > maxValue)
      throw new Invalid('Parameter too long', `"${shown(k)}" is longer than ${maxValue} characters.`);
    if (!PRINTABLE_ASCII.test(v))
      throw new Invalid('Invalid parameter value', `"${shown(k)}" contains control or non-ASCII characters.`);
    if (v !== '') out.set(k, v);
  }
  return Object.fromEntries(out);
}

/**
 * Applies the query rules once per request and leaves the result in `c.var.query`; routes read
 * options from there, never from the raw URL. Routes with a URL-valued parameter pass a larger cap.
 */
export const query =
  (maxValue: number = QUERY.valueLength): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set('query', queryRules(new URL(c.req.url).search, maxValue));
    await next();
  };
