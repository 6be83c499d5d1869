import { Invalid } from '../errors';

/**
 * Conditional writes (RFC 9110 §13.1): `If-Match` and `If-None-Match`, each `*` or a list of
 * entity tags. A write's current version is its strong entity tag, `"000012-0123456789ab"`.
 */
type TagList = '*' | Array<{ weak: boolean; tag: string }>;
export interface Conditions {
  ifMatch?: TagList;
  ifNoneMatch?: TagList;
}

const ETAG = /^\s*(W\/)?"([\x21\x23-\x7e]*)"\s*$/;
/** A bare version id is taken as the strong tag it names (older clients sent it unquoted). */
const BARE = /^\s*(\d{6}-[0-9a-f]{12})\s*$/;

function parseList(name: string, header: string | undefined): TagList | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return '*';
  const tags = header.split(',').map((part) => {
    const m = ETAG.exec(part) ?? BARE.exec(part);
    if (!m)
      throw new Invalid(`Invalid ${name}`, `${name} must be * or a list of entity tags such as "000012-0123456789ab".`);
    return m.length === 3 ? { weak: m[1] !== undefined, tag: m[2]! } : { weak: false, tag: m[1]! };
  });
  return tags;
}

export function parseConditions(headers: { ifMatch?: string; ifNoneMatch?: string }): Conditions {
  const ifMatch = parseList('If-Match', headers.ifMatch);
  const ifNoneMatch = parseList('If-None-Match', headers.ifNoneMatch);
  return { ...(ifMatch ? { ifMatch } : {}), ...(ifNoneMatch ? { ifNoneMatch } : {}) };
}

/**
 * Whether a write may go ahead against `current` (null: the series does not exist), in RFC 9110's
 * order: If-Match first, by strong comparison (a weak tag never matches; `*` needs a current
 * version), then If-None-Match, by weak comparison (`*` needs no current version).
 */
export function failedCondition(c: Conditions, current: string | null): string | null {
  if (c.ifMatch !== undefined) {
    const ok =
      c.ifMatch === '*' ? current !== null : current !== null && c.ifMatch.some((t) => !t.weak && t.tag === current);
    if (!ok)
      return c.ifMatch === '*'
        ? 'If-Match: * needs an existing series; there is none.'
        : `If-Match does not name the current version (${current ?? 'none'}); weak tags never match.`;
  }
  if (c.ifNoneMatch !== undefined) {
    const hit = c.ifNoneMatch === '*' ? current !== null : c.ifNoneMatch.some((t) => t.tag === current);
    if (hit) return `If-None-Match: the series exists (version ${current}).`;
  }
  return null;
}
