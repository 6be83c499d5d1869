import type { Facts } from './facts';
import type { Point } from './schema';

/**
 * What a card may claim about its latest month, as data (words live in src/lib/i18n.ts). Every
 * claim is proved by the points given — the span the card covers, up to `as_of` — and names
 * that span, so "on record" always means "in these data, since <first month>".
 */
export type Claim =
  | { kind: 'record'; dir: 'low' | 'high'; first: string }
  | { kind: 'sameMonth'; dir: 'low' | 'high'; month: number; firstYear: number; years: number }
  | { kind: 'since'; dir: 'low' | 'high'; since: string; monthsBack: number }
  | { kind: 'yearAgo'; pct: number; from: string };

/** Below these a rank says little: a "record" over a few months or a "lowest since" last quarter. */
export const RULES = {
  /** Months of data before "highest/lowest on record" is said. */
  recordMinMonths: 24,
  /** Years of the same calendar month before "lowest November in the series" is said. */
  sameMonthMinYears: 3,
  /** How far back "lowest since <month>" must reach to be worth a headline. */
  sinceMinMonths: 12,
} as const;

function isUnique(points: readonly Point[], p: Point): boolean {
  return points.filter((q) => q.value === p.value).length === 1;
}

/** The one rank claim the latest month supports, strongest first: record, same month, since. */
export function rankClaim(points: readonly Point[], f: Facts): Claim | null {
  const latest = f.latest;
  for (const dir of ['low', 'high'] as const) {
    const ex = dir === 'low' ? f.low : f.high;
    if (
      f.span.months >= RULES.recordMinMonths &&
      ex.point.period === latest.period &&
      ex.unique &&
      isUnique(points, latest)
    )
      return { kind: 'record', dir, first: f.span.first };
  }
  const month = Number(latest.period.slice(5, 7));
  const same = points.filter((p) => Number(p.period.slice(5, 7)) === month);
  if (same.length >= RULES.sameMonthMinYears && isUnique(same, latest)) {
    const firstYear = Number(same[0]!.period.slice(0, 4));
    if (f.sameMonth.rankLow === 1) return { kind: 'sameMonth', dir: 'low', month, firstYear, years: same.length };
    if (f.sameMonth.rankHigh === 1) return { kind: 'sameMonth', dir: 'high', month, firstYear, years: same.length };
  }
  for (const dir of ['low', 'high'] as const) {
    const s = dir === 'low' ? f.lowestSince : f.highestSince;
    // `since` null means no earlier month is lower: that case is a record, handled (or refused) above.
    if (s?.since && s.monthsBack >= RULES.sinceMinMonths)
      return { kind: 'since', dir, since: s.since.period, monthsBack: s.monthsBack };
  }
  return null;
}

/** The change from the same month a year earlier, when that month is in the data and non-zero. */
function yearAgoClaim(f: Facts): Claim | null {
  const c = f.vsYearAgo;
  if (!c || c.pct === null) return null;
  return { kind: 'yearAgo', pct: c.pct, from: c.from.period };
}

/** Claims in the order a deck states them: the rank (if any), then the change from a year earlier. */
export function claims(points: readonly Point[], f: Facts): Claim[] {
  return [rankClaim(points, f), yearAgoClaim(f)].filter((c): c is Claim => c !== null);
}
