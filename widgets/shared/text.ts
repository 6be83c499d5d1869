import { fmt, type Lang, type Strings } from '../../src/lib/i18n';
import type { Change, Facts } from '../../src/series/facts';
import type { StoredSeries } from '../../src/series/schema';

export type Direction = 'up' | 'down' | 'flat';

export interface DeltaText {
  label: string;
  value: string;
  dir: Direction;
}

export function delta(lang: Lang, label: string, c: Change | null, t: Strings): DeltaText | null {
  if (!c) return null;
  if (c.abs === 0) return { label, value: t.noChange, dir: 'flat' };
  const value = c.pct === null ? fmt.number(lang, c.abs) : fmt.pct(lang, c.pct);
  return { label, value, dir: c.abs > 0 ? 'up' : 'down' };
}

export function deltas(lang: Lang, f: Facts, t: Strings): DeltaText[] {
  return [delta(lang, t.vsPrevMonth, f.vsPrevMonth, t), delta(lang, t.vsYearAgo, f.vsYearAgo, t)].filter(
    (d): d is DeltaText => d !== null,
  );
}

export function sourceLine(stored: StoredSeries, t: Strings): string {
  return `${t.source}: ${stored.series.source.name}, ${stored.vintage}`;
}

/** The `<desc>` sentence: what, latest value and month, changes, source. Numbers only, no adjectives. */
export function describe(lang: Lang, stored: StoredSeries, f: Facts, t: Strings): string {
  const s = stored.series;
  const parts = [`${s.title}: ${fmt.number(lang, f.latest.value)} (${fmt.monthLong(lang, f.latest.period)})`];
  for (const d of deltas(lang, f, t)) parts.push(`${d.value} ${d.label}`);
  return `${parts.join('; ')}. ${t.eventsNote} ${sourceLine(stored, t)}.`;
}
