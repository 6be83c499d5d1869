import { copy, fmt, type Copy, type Lang } from '../copy';
import type { Change, Facts } from '../series/facts';
import { claims, type Claim } from '../series/headlines';
import type { Point, StoredSeries } from '../series/schema';
import type { CardSeries } from './widget';

type Direction = 'up' | 'down' | 'flat';

export interface DeltaText {
  label: string;
  value: string;
  dir: Direction;
}

function delta(lang: Lang, label: string, c: Change | null, t: Copy): DeltaText | null {
  if (!c) return null;
  if (c.abs === 0) return { label, value: t.noChange, dir: 'flat' };
  const value = c.pct === null ? fmt.number(lang, c.abs) : fmt.pct(lang, c.pct);
  return { label, value, dir: c.abs > 0 ? 'up' : 'down' };
}

export function deltas(lang: Lang, f: Facts, t: Copy): DeltaText[] {
  return [delta(lang, t.vsPrevMonth, f.vsPrevMonth, t), delta(lang, t.vsYearAgo, f.vsYearAgo, t)].filter(
    (d): d is DeltaText => d !== null,
  );
}

function sourceLine(stored: StoredSeries, t: Copy): string {
  return `${t.source}: ${stored.series.source.name}, ${stored.vintage}`;
}

/** The source line for a card footer: the release is glued so a wrap keeps "Aug 2026 update" whole. */
export function footerSource(stored: StoredSeries, t: Copy): string {
  return `${t.source}: ${stored.series.source.name}, ${stored.vintage.replace(/ /g, '\u00a0')}`;
}

/** "Monthly, Sep 2023 – Aug 2026": the window a chart shows. */
export function windowText(lang: Lang, t: Copy, first: string, last: string): string {
  return `${t.monthly}, ${fmt.month(lang, first)}\u00a0– ${fmt.month(lang, last)}`;
}

export function claimText(lang: Lang, c: Claim): string {
  const t = copy[lang];
  switch (c.kind) {
    case 'record':
      return t.record(c.dir, fmt.month(lang, c.first));
    case 'sameMonth':
      return t.sameMonth(c.dir, fmt.monthName(lang, c.month), c.firstYear);
    case 'since':
      return t.since(c.dir, fmt.month(lang, c.since));
    case 'yearAgo': {
      const rounded = Number(fmt.pctAbs('en', c.pct).replace(/[^\d.]/g, ''));
      return t.yearAgo(fmt.pctAbs(lang, c.pct), rounded === 0 ? 'flat' : c.pct > 0 ? 'up' : 'down');
    }
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every claim the data prove, joined; empty when they prove none. */
export function headline(lang: Lang, points: readonly Point[], f: Facts): string {
  const cs = claims(points, f);
  return cs.length ? cap(cs.map((c) => claimText(lang, c)).join('; ')) : '';
}

/**
 * The deck of a card that also shows its deltas: the rank claim when the data prove one (the
 * change from a year earlier is already on the card), otherwise the window the chart covers.
 */
export function deckText(lang: Lang, t: Copy, points: readonly Point[], f: Facts, windowFirst: string): string {
  const rank = claims(points, f).find((c) => c.kind !== 'yearAgo');
  return rank ? cap(claimText(lang, rank)) : windowText(lang, t, windowFirst, f.latest.period);
}

/** The `<desc>` sentence: what, latest value and month, changes, claims, source. Numbers only, no adjectives. */
export function describe(lang: Lang, s: CardSeries, t: Copy): string {
  const f = s.facts;
  const parts = [`${s.title}: ${fmt.number(lang, f.latest.value)} (${fmt.monthLong(lang, f.latest.period)})`];
  for (const d of deltas(lang, f, t)) parts.push(`${d.value} ${d.label}`);
  const rank = claims(s.points, f).find((c) => c.kind !== 'yearAgo');
  const claim = rank ? ` ${cap(claimText(lang, rank))}.` : '';
  return `${parts.join('; ')}.${claim} ${t.eventsNote} ${sourceLine(s.stored, t)}.`;
}

/** The months a card plots, as a table: month | value. */
export function monthTable(lang: Lang, s: CardSeries, t: Copy, months: readonly Point[]) {
  return {
    columns: [t.month, s.unit],
    rows: months.map((p) => ({ head: fmt.monthLong(lang, p.period), cells: [fmt.number(lang, p.value)] })),
  };
}
