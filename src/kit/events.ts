import { copy, fmt, type Lang } from '../copy';
import { lineHeight } from './layout';
import { textWidth } from './measure';
import type { CardEvent } from './widget';

/**
 * Policy events on a monthly chart: a marker line at a date's month, a band over a range's months,
 * and a short label. Labels go in up to two rows above the plot when they all fit without touching;
 * otherwise (and always on compact cards) each marker gets a number and the card lists the numbered
 * events under the chart. Events on the same date (or month) share one marker.
 */

interface EventMark {
  /** The number shown in numbered mode, and in the list under the chart. */
  n: number;
  /** Marker x, or the band's left edge, in chart coordinates. */
  x: number;
  /** A range's band right edge. */
  x2?: number;
  events: CardEvent[];
  /** The inline label, and where it sits (row 0 is the top row). */
  label: string;
  /** Numbered mode: where its badge sits (a band's is inside the band, clear of the markers'). */
  badgeX?: number;
  box?: { left: number; row: number; width: number };
}

export interface EventLayer {
  marks: EventMark[];
  mode: 'inline' | 'numbered';
  /** Label rows above the plot (inline), or one row for the numbers (numbered); 0 without events. */
  rows: number;
  /** Height those rows take at the top of the chart. */
  height: number;
  size: number;
  /** Numbered mode: one line per mark for the list under the chart ("1. Label (Jun 2024)"). */
  list: string[];
}

const NONE: EventLayer = { marks: [], mode: 'inline', rows: 0, height: 0, size: 0, list: [] };

/** What a marker for these events says: one event's label, or how many share the date. */
function groupLabel(lang: Lang, events: CardEvent[]): string {
  if (events.length === 1) return events[0]!.label;
  const t = copy[lang];
  return t.eventsGroup(
    events.length,
    events.every((e) => e.kind === 'policy'),
  );
}

/** "Jun 2024" or "Mar 2020 – May 2023". */
function when(lang: Lang, e: CardEvent): string {
  return e.endMonth && e.endMonth !== e.month
    ? `${fmt.month(lang, e.month)}\u00a0– ${fmt.month(lang, e.endMonth)}`
    : fmt.month(lang, e.month);
}

/**
 * Lays out the events whose months fall in the window [first, last]. `xOf` gives a month's x
 * (chart coordinates) and `step` the width of one month, for bands; labels stay within
 * [plotLeft, right].
 */
export function eventLayer(
  lang: Lang,
  events: readonly CardEvent[],
  window: { first: string; last: string },
  xOf: (period: string) => number,
  step: number,
  area: { plotLeft: number; right: number; size: number; compact: boolean },
): EventLayer {
  const shown = events.filter((e) => e.month <= window.last && (e.endMonth ?? e.month) >= window.first);
  if (!shown.length) return NONE;
  const clampMonth = (p: string) => (p < window.first ? window.first : p > window.last ? window.last : p);
  const marks: EventMark[] = [];
  // Ranges: a band each. Dates: one marker per month.
  for (const e of shown.filter((e) => e.endMonth && e.endMonth !== e.month)) {
    const x = Math.max(area.plotLeft, xOf(clampMonth(e.month)) - step / 2);
    const x2 = Math.min(area.right, xOf(clampMonth(e.endMonth!)) + step / 2);
    marks.push({ n: 0, x, x2, events: [e], label: e.label });
  }
  const byMonth = new Map<string, CardEvent[]>();
  for (const e of shown.filter((e) => !e.endMonth || e.endMonth === e.month))
    byMonth.set(e.month, [...(byMonth.get(e.month) ?? []), e]);
  for (const [month, es] of byMonth) marks.push({ n: 0, x: xOf(month), events: es, label: groupLabel(lang, es) });
  marks.sort((a, b) => a.x - b.x || (a.x2 === undefined ? 1 : -1));
  marks.forEach((m, i) => (m.n = i + 1));

  const size = area.size;
  const lh = lineHeight(size);
  if (!area.compact) {
    // Inline: greedy rows, left to right; a label that would run past the right edge sits left of its marker.
    const rows: Array<Array<[number, number]>> = [[], []];
    let fits = true;
    for (const m of marks) {
      const w = Math.ceil(textWidth(m.label, size)) + 2;
      let left = m.x + 4;
      if (left + w > area.right) left = (m.x2 ?? m.x) - 4 - w;
      if (left < area.plotLeft) {
        fits = false;
        break;
      }
      const row = rows.findIndex((r) => r.every(([a, b]) => left + w + 8 <= a || left >= b + 8));
      if (row < 0) {
        fits = false;
        break;
      }
      rows[row]!.push([left, left + w]);
      m.box = { left, row, width: w };
    }
    if (fits) {
      const used = rows.filter((r) => r.length).length;
      return { marks, mode: 'inline', rows: used, height: used * lh + 2, size, list: [] };
    }
    for (const m of marks) delete m.box;
  }
  // Numbered: a small numbered badge on each marker (a band's at its middle); markers whose badges
  // would touch share one; a band's badge moves along its band until it is clear of the others.
  const badge = Math.ceil(size * 1.35);
  const merged: EventMark[] = [];
  for (const m of marks.filter((m) => m.x2 === undefined)) {
    const prev = merged.at(-1);
    if (prev && m.x - prev.x < badge + 2) {
      prev.events.push(...m.events);
      continue;
    }
    merged.push({ ...m, events: [...m.events], badgeX: m.x });
  }
  for (const band of marks.filter((m) => m.x2 !== undefined)) {
    const clear = (x: number) => merged.every((o) => Math.abs((o.badgeX ?? o.x) - x) >= badge + 2);
    const lo = band.x + badge / 2 + 1;
    const hi = band.x2! - badge / 2 - 1;
    const mid = (band.x + band.x2!) / 2;
    let at = mid;
    for (let d = 0; d <= hi - lo && !clear(at); d += 2) {
      if (mid + d <= hi && clear(mid + d)) at = mid + d;
      else if (mid - d >= lo && clear(mid - d)) at = mid - d;
    }
    merged.push({ ...band, badgeX: at });
  }
  merged.sort((a, b) => a.badgeX! - b.badgeX!);
  merged.forEach((m, i) => (m.n = i + 1));
  return {
    marks: merged,
    mode: 'numbered',
    rows: 1,
    height: badge + 4,
    size,
    list: merged.map((m) => `${m.n}. ${m.events.map((e) => `${e.label} (${when(lang, e)})`).join('; ')}`),
  };
}
