import { copy, fmt, type Lang } from '../copy';
import { daysIn } from '../card/load';
import { addMonths, fiscalYearOf } from '../series/facts';
import { familyCheck } from '../series/family';
import { NotFound } from '../errors';
import type { CardSeries, WidgetInput } from './widget';

/** One member of a breakdown over the span a card shows, and the same span a year earlier. */
export interface FamilyRow {
  id: string;
  label: string;
  value: number;
  /** The same span a year earlier; null where the member has no data then. */
  prev: number | null;
  /** "All others": the members past the top ones, summed. */
  others?: number;
}

/**
 * A breakdown card's members (the series after the path's own). None would be a card with nothing
 * to draw: a 404 error card, never a crash.
 */
export function membersOf(input: Pick<WidgetInput, 's' | 'series'>): CardSeries[] {
  const members = input.series.slice(1);
  if (!members.length) throw new NotFound('No such breakdown', `"${input.s.id}" has no members to draw here.`);
  return members;
}

const ACRONYMS = new Set(['FMUA', 'UAC', 'UC', 'USBP', 'OFO', 'AOR']);

/** A member's name as a card prints it: its words in the card's language, CBP's capitals softened. */
function memberLabel(s: CardSeries, lang: Lang): string {
  const series = s.stored.series;
  const raw = (lang === 'es' ? series.i18n?.es?.member : undefined) ?? series.member ?? s.short;
  // Labels in CBP's capitals read better softened ("MEXICO" → "Mexico"); its acronyms stay.
  if (raw !== raw.toUpperCase() || ACRONYMS.has(raw) || raw.length <= 3) return raw;
  return raw
    .toLowerCase()
    .replace(/(^|[\s(/-])(\p{L})/gu, (_: string, a: string, b: string) => a + b.toUpperCase())
    .replace(/\b(Of|And|The)\b/g, (w: string) => w.toLowerCase());
}

/** The span a breakdown card shows: its latest month, or its fiscal year to that month. */
export interface FamilySpan {
  from: string;
  to: string;
  kind: 'month' | 'fytd';
}

/** The family's latest month: the last one any member has (members share one release). */
export function familySpan(members: readonly CardSeries[], kind: 'month' | 'fytd'): FamilySpan {
  const to = members.reduce((m, s) => (s.monthly.at(-1)!.period > m ? s.monthly.at(-1)!.period : m), '0000-00');
  const from = kind === 'month' ? to : `${fiscalYearOf(to) - 1}-10`;
  return { from, to, kind };
}

/** A member's total over [from, to], in the measure the card shows; null when it has no month there. */
function over(s: CardSeries, from: string, to: string): number | null {
  const pts = s.monthly.filter((p) => p.period >= from && p.period <= to);
  if (!pts.length) return null;
  const sum = pts.reduce((a, p) => a + p.value, 0);
  if (s.per !== 'day') return sum;
  const days = pts.reduce((a, p) => a + daysIn(p.period), 0);
  return sum / days;
}

/** Every member's value over the span and a year before, largest first. */
export function familyRows(members: readonly CardSeries[], span: FamilySpan, lang: Lang): FamilyRow[] {
  return members
    .map((s) => ({
      id: s.id,
      label: memberLabel(s, lang),
      value: over(s, span.from, span.to) ?? 0,
      prev: over(s, addMonths(span.from, -12), addMonths(span.to, -12)),
    }))
    .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1));
}

/** The top `n` rows, and the rest summed as "all others" when there are at least two of them. */
export function topRows(rows: readonly FamilyRow[], n: number, lang: Lang): FamilyRow[] {
  if (rows.length <= n + 1) return [...rows];
  const rest = rows.slice(n);
  const t = copy[lang];
  const prevs = rest.map((r) => r.prev);
  return [
    ...rows.slice(0, n),
    {
      id: 'others',
      label: t.allOthers(rest.length),
      value: rest.reduce((a, r) => a + r.value, 0),
      prev: prevs.every((p) => p !== null) ? prevs.reduce((a, p) => a + p!, 0) : null,
      others: rest.length,
    },
  ];
}

/** "Aug 2025" or "FY2025 through Aug 2025". */
export function spanText(lang: Lang, span: FamilySpan): string {
  const m = fmt.month(lang, span.to);
  const t = copy[lang];
  return span.kind === 'month' ? m : t.fytd(fiscalYearOf(span.to), m);
}

/**
 * What a breakdown card must say about its numbers: in the months it shows, whether its members
 * add up to the total as the same release has it, or the total has since been revised.
 */
export function familyNotes(
  lang: Lang,
  parent: CardSeries,
  members: readonly CardSeries[],
  span: FamilySpan,
): string[] {
  const t = copy[lang];
  const check = familyCheck(
    parent.stored.series,
    members.map((m) => m.stored.series),
  );
  const shown = check.months.filter((m) => m.period >= span.from && m.period <= span.to);
  const out: string[] = [];
  if (shown.some((m) => m.status === 'revised')) out.push(t.familyRevised(check.releases.join(', ')));
  const odd = shown.filter((m) => m.status === 'unexplained');
  if (odd.length) {
    const m = odd.at(-1)!;
    out.push(t.familyUnexplained(fmt.month(lang, m.period), fmt.number(lang, m.total), fmt.number(lang, m.parent!)));
  }
  return out;
}
