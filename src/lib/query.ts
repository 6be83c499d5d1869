import { HttpError } from './errors';

/**
 * The query string as a plain object. A parameter given twice is an error rather than a guess
 * about which one wins; values are capped in length before any schema sees them.
 */
export function queryObject(url: URL, maxLen = 200): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) {
    if (Object.hasOwn(out, k))
      throw new HttpError(400, 'Duplicate parameter', `"${k.slice(0, 40)}" is given more than once.`);
    if (v.length > maxLen)
      throw new HttpError(400, 'Parameter too long', `"${k.slice(0, 40)}" is longer than ${maxLen} characters.`);
    out[k] = v;
  }
  return out;
}
