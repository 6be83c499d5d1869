import { copy, fmt, type Copy, type Lang } from '../copy';
import type { Change, Facts } from '../series/facts';
import { claims, rankClaim, type Claim } from '../series/headlines';
import type { Point, StoredSeries } from '../series/schema';
import type { CardEvent, CardSeries } from './widget';

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

/** How every breakdown card's `<desc>` ends: its caveats, what encounters count, its source. */
export function descEnd(t: Copy, stored: StoredSeries, notes: readonly string[]): string {
  return `${notes.join(' ')}${notes.length ? ' ' : ''}${t.eventsNote} ${sourceLine(stored, t)}.`;
}

/**
 * The source line for a card footer: a short release is glued so a wrap keeps "Aug 2026 update"
 * whole; a long one (a breakdown file's "CBP Nationwide Encounters by state, data through …") may
 * wrap, or it would run past a narrow card's edge.
 */
export function footerSource(stored: StoredSeries, t: Copy): string {
  const v = stored.vintage;
  return `${t.source}: ${stored.series.source.name}, ${v.length <= 24 ? v.replace(/ /g, '\u00a0') : v}`;
}

/** "Monthly, Sep 2023 – Aug 2026" (per day: "Daily average by month, …"): the window a chart shows. */
export function windowText(lang: Lang, t: Copy, first: string, last: string, per: 'month' | 'day' = 'month'): string {
  return `${per === 'day' ? t.monthlyPerDay : t.monthly}, ${fmt.month(lang, first)}\u00a0– ${fmt.month(lang, last)}`;
}

/** The month beside a card's latest value; a per-day card says "per day" there too. */
export function valueMonth(lang: Lang, s: CardSeries): string {
  const month = fmt.month(lang, s.facts.latest.period);
  return s.per === 'day' ? `${month}, ${copy[lang].perDay}` : month;
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

const sameClaim = (a: Claim | null, b: Claim | null): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The rank claim a card states (record, lowest of that calendar month, lowest since): computed on
 * the measure the card shows. A per-day card says so first. When the other measure (per day on a
 * total card, totals on a per-day card) does not prove the very same rank, the claim says what it
 * proves there instead, or that it is not the lowest (highest) there: a February can be a record
 * low in total only because it has 28 days. README, "Per-day rates", states the rule.
 */
export function rankText(lang: Lang, s: CardSeries): string | null {
  const t = copy[lang];
  const shown = rankClaim(s.points, s.facts);
  if (!shown || shown.kind === 'yearAgo') return null;
  const other = rankClaim(s.alt.points, s.alt.facts);
  let text = claimText(lang, shown);
  if (s.per === 'day') text = t.perDayClaim(text);
  if (!sameClaim(shown, other))
    text += ` ${t.otherMeasure(s.alt.per, other ? claimText(lang, other) : null, shown.dir)}`;
  return text;
}

/** Every claim the data prove (the rank, then the change from a year earlier), joined; empty when none. */
export function headline(lang: Lang, s: CardSeries): string {
  const year = claims(s.points, s.facts).find((c) => c.kind === 'yearAgo');
  const parts = [rankText(lang, s), year ? claimText(lang, year) : null].filter((p): p is string => !!p);
  return parts.length ? cap(parts.join('; ')) : '';
}

/**
 * The deck of a card that also shows its deltas: the rank claim when the data prove one (the
 * change from a year earlier is already on the card), otherwise the window the chart covers.
 */
export function deckText(lang: Lang, t: Copy, s: CardSeries, windowFirst: string): string {
  const rank = rankText(lang, s);
  return rank ? cap(rank) : windowText(lang, t, windowFirst, s.facts.latest.period, s.per);
}

/** Months whose encounters include Title 42 expulsions: Mar 2020 – May 2023 (policy event `note-title42-in-encounters`). */
export const TITLE42 = { from: '2020-03', to: '2023-05' } as const;

/** The Title 42 note, when the months a card shows include some with expulsions; null otherwise. */
function title42Note(lang: Lang, first: string, last: string): string | null {
  if (last < TITLE42.from || first > TITLE42.to) return null;
  const from = first > TITLE42.from ? first : TITLE42.from;
  const to = last < TITLE42.to ? last : TITLE42.to;
  const t = copy[lang];
  return t.title42Note(fmt.month(lang, from), fmt.month(lang, to));
}

/**
 * The note for when Border Patrol and ports of entry moved in opposite directions from a year
 * earlier to the latest month, computed from the two component series (on cards of the total and
 * of either component); null when they moved together, when a component is missing, or when they
 * do not end in the same month.
 */
function componentShiftNote(lang: Lang, series: readonly CardSeries[]): string | null {
  const scope = /^([a-z]+)-(total|usbp|ofo)$/.exec(series[0]?.id ?? '')?.[1];
  if (!scope) return null;
  const find = (c: 'usbp' | 'ofo') => series.find((s) => s.id === `${scope}-${c}`);
  const usbp = find('usbp');
  const ofo = find('ofo');
  if (!usbp || !ofo || usbp.facts.latest.period !== ofo.facts.latest.period) return null;
  const a = usbp.facts.vsYearAgo?.pct;
  const b = ofo.facts.vsYearAgo?.pct;
  if (a == null || b == null || Math.sign(a) * Math.sign(b) !== -1) return null;
  const t = copy[lang];
  const dir = (p: number) => (p > 0 ? 'up' : 'down') as 'up' | 'down';
  return t.componentShift(
    t.componentName.usbp,
    dir(a),
    fmt.pctAbs(lang, a),
    t.componentName.ofo,
    dir(b),
    fmt.pctAbs(lang, b),
  );
}

/** The caveats a card states for the months it shows: Title 42, and components moving apart. */
export function caveats(lang: Lang, input: { s: CardSeries; context: CardSeries[] }, first: string): string[] {
  const last = input.s.facts.latest.period;
  return [title42Note(lang, first, last), componentShiftNote(lang, [input.s, ...input.context])].filter(
    (n): n is string => n !== null,
  );
}

/** The events a card shows whose months fall in [first, last] (a range that overlaps it counts). */
export function eventsIn(events: readonly CardEvent[], first: string, last: string): CardEvent[] {
  return events.filter((e) => e.month <= last && (e.endMonth ?? e.month) >= first);
}

/** "Title: 8,870 (August 2026); −4.6% vs. previous month; +40% vs. a year earlier": the desc's first clause. */
export function valueClause(lang: Lang, s: CardSeries, t: Copy): string {
  const f = s.facts;
  const parts = [`${s.title}: ${s.value(f.latest.value)} (${fmt.monthLong(lang, f.latest.period)})`];
  for (const d of deltas(lang, f, t)) parts.push(`${d.value} ${d.label}`);
  return parts.join('; ');
}

/**
 * The `<desc>` sentence: what, latest value and month, changes, claims, the events shown, the
 * caveats, source. Numbers only, no adjectives.
 */
export function describe(
  lang: Lang,
  s: CardSeries,
  t: Copy,
  extra: { events?: readonly CardEvent[]; notes?: readonly string[] } = {},
): string {
  const rank = rankText(lang, s);
  const claim = rank ? ` ${cap(rank)}.` : '';
  const events = extra.events?.length
    ? ` ${t.eventsLine(extra.events.map((e) => `${e.label} (${fmt.month(lang, e.month)}${e.endMonth && e.endMonth !== e.month ? `\u00a0– ${fmt.month(lang, e.endMonth)}` : ''})`).join('; '))}`
    : '';
  const notes = extra.notes?.length ? ` ${extra.notes.join(' ')}` : '';
  const perDay = s.per === 'day' ? ` ${t.perDayNote}` : '';
  return `${valueClause(lang, s, t)}.${claim}${events}${notes}${perDay} ${t.eventsNote} ${sourceLine(s.stored, t)}.`;
}

/** The months a card plots, as a table: month | value (in the measure shown). */
export function monthTable(lang: Lang, s: CardSeries, t: Copy, months: readonly Point[]) {
  return {
    columns: [t.month, s.unit],
    rows: months.map((p) => ({ head: fmt.monthLong(lang, p.period), cells: [s.value(p.value)] })),
  };
}
