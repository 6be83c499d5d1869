import { computeFacts } from './facts';
import { type Claim, rankClaim } from './headlines';
import type { Point, Series } from './schema';

/**
 * What one version changed, computed when it is written (src/writer/) and kept in the series'
 * history, so the revision ledger and the change feed read one document and never walk versions.
 *
 * - `added`: months the previous version did not have, with their values (a first version adds all);
 * - `revised`: months it had whose value changed (`from` → `to`); a month only added is not a
 *   revision, and a month an older release's import kept as it was is not changed at all;
 * - `claims`: months whose headline claim (the rank a card would state with `as_of` that month:
 *   record, lowest/highest of that calendar month, lowest/highest since) is not what it was.
 */
export interface VersionChanges {
  added: Array<{ period: string; value: number }>;
  revised: Array<{ period: string; from: number; to: number }>;
  claims: Array<{ period: string; before: Claim | null; after: Claim | null }>;
}

/** The rank claim of every month from `from` on (a month's claim depends only on the months up to it). */
function claimsFrom(points: readonly Point[], from: string): Map<string, Claim | null> {
  const out = new Map<string, Claim | null>();
  points.forEach((p, i) => {
    if (p.period < from) return;
    const upTo = points.slice(0, i + 1);
    out.set(p.period, rankClaim(upTo, computeFacts(upTo)));
  });
  return out;
}

const same = (a: Claim | null, b: Claim | null): boolean => JSON.stringify(a) === JSON.stringify(b);

export function changesBetween(prev: Series | null, next: Series): VersionChanges {
  const before = new Map((prev?.points ?? []).map((p) => [p.period, p.value]));
  const added: VersionChanges['added'] = [];
  const revised: VersionChanges['revised'] = [];
  for (const p of next.points) {
    const old = before.get(p.period);
    if (old === undefined) added.push({ period: p.period, value: p.value });
    else if (old !== p.value) revised.push({ period: p.period, from: old, to: p.value });
  }
  const claims: VersionChanges['claims'] = [];
  // Months the new version dropped also move every later month's claims.
  const dropped = [...before.keys()].filter((period) => !next.points.some((p) => p.period === period));
  const touched = [...added.map((a) => a.period), ...revised.map((r) => r.period), ...dropped].sort();
  if (prev && touched.length) {
    const first = touched[0]!;
    const was = claimsFrom(prev.points, first);
    const now = claimsFrom(next.points, first);
    for (const period of [...new Set([...was.keys(), ...now.keys()])].sort()) {
      const b = was.get(period) ?? null;
      const a = now.get(period) ?? null;
      if (!same(b, a)) claims.push({ period, before: b, after: a });
    }
  }
  return { added, revised, claims };
}
