import type { History } from './schema';

/** One month a later version changed, from the value a pinned version showed to today's. */
interface SinceRevision {
  period: string;
  from: number;
  to: number;
  /** The release that made the latest change to this month. */
  vintage: string;
}

/** What a pinned version's readers should be told: the months revised since, and newer months. */
export interface SincePin {
  revised: SinceRevision[];
  newer: { last: string; vintage: string } | null;
  current: string;
}

/**
 * What the versions after `pinned` changed to the months it showed (up to `upTo`, the card's
 * as_of, when given), netted per month, and whether newer months exist. Read from the history
 * alone: each version's changes were computed when it was written. Null when the pin is current,
 * unknown, or nothing it showed has changed.
 */
export function sincePin(history: History, pinned: string, upTo?: string): SincePin | null {
  const at = history.versions.findIndex((v) => v.version === pinned);
  const cur = history.versions.findIndex((v) => v.version === history.current);
  if (at < 0 || cur <= at) return null;
  const base = history.versions[at]!;
  const shownLast = upTo && upTo < base.last ? upTo : base.last;
  const byMonth = new Map<string, SinceRevision>();
  for (const v of history.versions.slice(at + 1, cur + 1)) {
    for (const r of v.changes?.revised ?? []) {
      if (r.period > shownLast) continue;
      const seen = byMonth.get(r.period);
      byMonth.set(r.period, { period: r.period, from: seen?.from ?? r.from, to: r.to, vintage: v.vintage });
    }
  }
  const revised = [...byMonth.values()].filter((r) => r.from !== r.to).sort((a, b) => (a.period < b.period ? -1 : 1));
  const current = history.versions[cur]!;
  const newer = current.last > shownLast ? { last: current.last, vintage: current.vintage } : null;
  if (!revised.length && !newer) return null;
  return { revised, newer, current: current.version };
}
