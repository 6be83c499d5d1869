import { HttpError } from './errors';

/** Caps that hold before any route schema runs; they bound the work one URL can cause. */
export const QUERY_LIMITS = {
  /** Query string length in bytes (as sent, still percent-encoded). */
  rawLength: 4000,
  /** Number of parameters, known or not (tracking parameters included). */
  params: 30,
  /** Length of a parameter name. */
  nameLength: 64,
  /** Default length of a decoded value; routes with a URL-valued parameter pass a larger one. */
  valueLength: 200,
} as const;

/** Printable ASCII only: no control characters (tab, CR, LF, NUL…), no DEL, nothing beyond U+007E. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A parameter name as it may appear inside an error message, header or card. */
function shown(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
}

/**
 * The query string as a plain object, or a 400 that says what is wrong. Every public route reads
 * its query through here, so the same rules hold everywhere:
 * - a parameter given twice is an error rather than a guess about which one wins;
 * - names and values must be printable ASCII after decoding (no control characters, no non-ASCII:
 *   every option we take is ASCII, and look-alike characters are refused rather than mapped);
 * - lengths and the number of parameters are capped.
 * Unknown parameters pass these checks and are then ignored by the route's zod schema.
 */
export function queryObject(url: URL, maxLen: number = QUERY_LIMITS.valueLength): Record<string, string> {
  if (url.search.length > QUERY_LIMITS.rawLength)
    throw new HttpError(400, 'Query too long', `The query string is longer than ${QUERY_LIMITS.rawLength} characters.`);
  // A Map, so a parameter named `__proto__` is data like any other.
  const out = new Map<string, string>();
  let count = 0;
  for (const [k, v] of url.searchParams) {
    if (++count > QUERY_LIMITS.params)
      throw new HttpError(400, 'Too many parameters', `At most ${QUERY_LIMITS.params} query parameters are accepted.`);
    if (k.length > QUERY_LIMITS.nameLength)
      throw new HttpError(
        400,
        'Parameter name too long',
        `"${shown(k)}…" is longer than ${QUERY_LIMITS.nameLength} characters.`,
      );
    if (!PRINTABLE_ASCII.test(k))
      throw new HttpError(400, 'Invalid parameter name', `"${shown(k)}" contains control or non-ASCII characters.`);
    if (out.has(k)) throw new HttpError(400, 'Duplicate parameter', `"${shown(k)}" is given more than once.`);
    if (v.length > maxLen)
      throw new HttpError(400, 'Parameter too long', `"${shown(k)}" is longer than ${maxLen} characters.`);
    if (!PRINTABLE_ASCII.test(v))
      throw new HttpError(400, 'Invalid parameter value', `"${shown(k)}" contains control or non-ASCII characters.`);
    out.set(k, v);
  }
  return Object.fromEntries(out);
}
