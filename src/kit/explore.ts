import { fmt, type Copy, type Lang } from '../copy';
import { addMonths, change, type Change } from '../series/facts';
import type { Point } from '../series/schema';
import type { CardSeries } from './widget';

/**
 * What a reader can point at on a card: one stop per plotted period, at its x in card pixels, with
 * the readout the embed page shows for it (already in the card's language, so the page's script only
 * picks strings). The cursor spans `top`…`bottom`, also in card pixels.
 */
export interface Explore {
  top: number;
  bottom: number;
  stops: ExploreStop[];
}

export interface ExploreStop {
  x: number;
  /** "March 2025" / "FY2024". */
  head: string;
  /** The value as the card writes it: "7,181". */
  value: string;
  /** Its changes: "−12.5% vs. previous month · −94.8% vs. a year earlier" (empty when none is known). */
  detail: string;
}

/** "−12.5% vs. previous month", "+1,200 vs. …" when the earlier value is 0, "no change vs. …". */
function changeText(lang: Lang, t: Copy, c: Change | null, label: string): string | null {
  if (!c) return null;
  const v =
    c.abs === 0
      ? t.noChange
      : c.pct === null
        ? `${c.abs > 0 ? '+' : '\u2212'}${fmt.number(lang, Math.abs(c.abs))}`
        : fmt.pct(lang, c.pct);
  return `${v} ${label}`;
}

/**
 * One stop per month of `win`, each with its changes from the month before and a year earlier,
 * found in every month the card knows (so the window's first month has them too).
 */
export function monthStops(
  lang: Lang,
  t: Copy,
  s: CardSeries,
  win: readonly Point[],
  xOf: (i: number) => number,
): ExploreStop[] {
  const by = new Map(s.points.map((p) => [p.period, p]));
  return win.map((p, i) => ({
    x: Math.round(xOf(i) * 10) / 10,
    head: fmt.monthLong(lang, p.period),
    value: s.per === 'day' ? `${s.value(p.value)} ${t.perDay}` : s.value(p.value),
    detail: [
      changeText(lang, t, change(by.get(addMonths(p.period, -1)), p), t.vsPrevMonth),
      changeText(lang, t, change(by.get(addMonths(p.period, -12)), p), t.vsYearAgo),
    ]
      .filter((x): x is string => x !== null)
      .join(' · '),
  }));
}
