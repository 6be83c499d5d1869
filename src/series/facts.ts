import type { Point } from './schema';

/**
 * What the data say about their latest month, computed once and used by every card, the API and
 * every sentence we generate. Pure: points in, facts out. A claim that is not here is not made.
 */
export interface Change {
  from: Point;
  abs: number;
  /** null when `from.value` is 0 (a percentage would be meaningless). */
  pct: number | null;
}

interface Extreme {
  point: Point;
  /** True when no other month in the span has the same value. */
  unique: boolean;
}

export interface Facts {
  latest: Point;
  /** The span the facts cover: first and last period. */
  span: { first: string; last: string; months: number };
  vsPrevMonth: Change | null;
  vsYearAgo: Change | null;
  fiscalYear: { fy: number; months: number; total: number; prior: number | null; change: number | null };
  low: Extreme;
  high: Extreme;
  /** Latest is at or below every earlier month back to (not including) `since`; null if a neighbour is lower. */
  lowestSince: { since: Point | null; monthsBack: number } | null;
  highestSince: { since: Point | null; monthsBack: number } | null;
  /** Rank of the latest month among the same calendar month in every year of the span (1 = lowest). */
  sameMonth: { years: number; rankLow: number; rankHigh: number };
}

/** `2025-11` + 3 → `2026-02`; negative `n` goes back. */
export function addMonths(period: string, n: number): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}

/** U.S. federal fiscal year: FY N runs Oct N−1 – Sep N. */
export function fiscalYearOf(period: string): number {
  const y = Number(period.slice(0, 4));
  return Number(period.slice(5, 7)) >= 10 ? y + 1 : y;
}

export function change(from: Point | undefined, to: Point): Change | null {
  if (!from) return null;
  return { from, abs: to.value - from.value, pct: from.value === 0 ? null : (to.value - from.value) / from.value };
}

function extreme(points: readonly Point[], better: (a: number, b: number) => boolean): Extreme {
  let best = points[0]!;
  for (const p of points) if (better(p.value, best.value)) best = p;
  return { point: best, unique: points.filter((p) => p.value === best.value).length === 1 };
}

/** Walk back from the latest month while earlier months are strictly beyond it. */
function since(points: readonly Point[], beyond: (earlier: number, latest: number) => boolean): Facts['lowestSince'] {
  const n = points.length;
  const latest = points[n - 1]!;
  let j = n - 2;
  while (j >= 0 && beyond(points[j]!.value, latest.value)) j--;
  const monthsBack = n - 2 - j;
  if (monthsBack === 0) return null;
  return { since: j >= 0 ? points[j]! : null, monthsBack };
}

/** Facts for a non-empty, strictly increasing monthly series (the schema guarantees both). */
export function computeFacts(points: readonly Point[]): Facts {
  const latest = points.at(-1)!;
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const fy = fiscalYearOf(latest.period);
  const fyStart = `${fy - 1}-10`;
  const inFy = points.filter((p) => p.period >= fyStart && p.period <= latest.period);
  const priorPeriods = inFy.map((p) => addMonths(p.period, -12));
  const prior = priorPeriods.every((p) => byPeriod.has(p))
    ? priorPeriods.reduce((s, p) => s + byPeriod.get(p)!.value, 0)
    : null;
  const total = inFy.reduce((s, p) => s + p.value, 0);
  const month = latest.period.slice(5);
  const same = points.filter((p) => p.period.slice(5) === month);

  return {
    latest,
    span: { first: points[0]!.period, last: latest.period, months: points.length },
    vsPrevMonth: change(byPeriod.get(addMonths(latest.period, -1)), latest),
    vsYearAgo: change(byPeriod.get(addMonths(latest.period, -12)), latest),
    fiscalYear: { fy, months: inFy.length, total, prior, change: prior ? (total - prior) / prior : null },
    low: extreme(points, (a, b) => a < b),
    high: extreme(points, (a, b) => a > b),
    lowestSince: since(points, (earlier, l) => earlier > l),
    highestSince: since(points, (earlier, l) => earlier < l),
    sameMonth: {
      years: same.length,
      rankLow: same.filter((p) => p.value < latest.value).length + 1,
      rankHigh: same.filter((p) => p.value > latest.value).length + 1,
    },
  };
}

/** The series as it stood at `asOf` (inclusive); null when nothing is that old. */
export function cutAt<T extends { period: string }>(points: readonly T[], asOf: string | undefined): T[] {
  return asOf ? points.filter((p) => p.period <= asOf) : [...points];
}
