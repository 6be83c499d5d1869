import { SeriesId, isCleanLine } from '../series/schema';
import { CsvError, csvRecords } from './csv';

/**
 * CBP's three CSV export layouts, told apart by their header row. Each row is one count for a
 * fiscal month and a combination of categories; we only ever keep monthly sums per series.
 */
const LAYOUTS = {
  sw: [
    'Fiscal Year',
    'Month Grouping',
    'Month (abbv)',
    'Component',
    'Demographic',
    'Citizenship Grouping',
    'Title of Authority',
    'Encounter Type',
    'Encounter Count',
  ],
  state: [
    'Fiscal Year',
    'Month Grouping',
    'Month (abbv)',
    'Land Border Region',
    'State',
    'Demographic',
    'Citizenship',
    'Title of Authority',
    'Encounter Count',
  ],
  aor: [
    'Fiscal Year',
    'Month Grouping',
    'Month (abbv)',
    'Component',
    'Land Border Region',
    'Area of Responsibility',
    'AOR (Abbv)',
    'Demographic',
    'Citizenship',
    'Title of Authority',
    'Encounter Type',
    'Encounter Count',
  ],
} as const;
export type Layout = keyof typeof LAYOUTS;

const MONTHS = ['OCT', 'NOV', 'DEC', 'JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP'];
const COMPONENTS: Record<string, 'usbp' | 'ofo'> = {
  'U.S. Border Patrol': 'usbp',
  'Office of Field Operations': 'ofo',
};
/** CBP renamed a demographic between releases; one concept keeps one series. */
const DEMO_ALIASES: Record<string, string> = { 'uc-single-minors': 'uac' };
const SOUTHWEST = 'Southwest Land Border';
/** One row never counts more than this; a larger number is a broken file, not data. */
const MAX_ROW_COUNT = 10_000_000;

/** Fiscal year N runs Oct N−1 – Sep N; `2026 (FYTD)` is the running year. */
export function calendarMonth(fiscalYear: string, month: string, line: number): string {
  const fy = /^(\d{4})(?: \(FYTD\))?$/.exec(fiscalYear.trim());
  if (!fy) throw new CsvError(line, `unknown fiscal year "${fiscalYear}"`);
  const i = MONTHS.indexOf(month.trim().toUpperCase());
  if (i < 0) throw new CsvError(line, `unknown month "${month}" (expected OCT … SEP)`);
  const year = Number(fy[1]) - (i < 3 ? 1 : 0);
  const m = i < 3 ? 10 + i : i - 2;
  return `${year}-${String(m).padStart(2, '0')}`;
}

function count(raw: string, line: number): number {
  // CBP writes whole numbers, sometimes re-saved as `9584.0`.
  if (!/^\d{1,9}(?:\.0*)?$/.test(raw.trim()))
    throw new CsvError(line, `encounter count "${raw}" is not a whole number`);
  const n = Number(raw.trim());
  if (n > MAX_ROW_COUNT) throw new CsvError(line, `encounter count ${n} is implausibly large`);
  return n;
}

/** `Single Adults` → `single-adults`, `Title 42` → `title-42`. */
function slug(label: string, line: number): string {
  const s = label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (!s) throw new CsvError(line, 'empty category');
  return s;
}

/** What a file says: monthly sums per series id, the months it covers and the labels behind ids. */
export interface Aggregate {
  layout: Layout;
  rows: number;
  /** Every calendar month that has at least one row; the months this file is the authority on. */
  months: Set<string>;
  sums: Map<string, Map<string, number>>;
  /** Human labels for breakdown series, by id (e.g. `sw-total-demo-fmua` → `FMUA`). */
  labels: Map<string, { kind: 'demo' | 'title' | 'base'; label: string }>;
  /** Ids that more than one distinct label in the file fold into (`UC / Single Minors` and `UAC`): reported, never silent. */
  merged: Map<string, string[]>;
}

function add(agg: Aggregate, id: string, period: string, n: number): void {
  let m = agg.sums.get(id);
  if (!m) agg.sums.set(id, (m = new Map()));
  m.set(period, (m.get(period) ?? 0) + n);
}

const BREAKDOWNS = [
  ['demo', 'Demographic'],
  ['title', 'Title of Authority'],
] as const;

function breakdownId(kind: 'demo' | 'title', label: string, line: number): string {
  // A label becomes a stored title: refuse what no title may hold, here, with the line it is on.
  if (!isCleanLine(label)) throw new CsvError(line, 'a category label contains control characters or invalid Unicode');
  const s = slug(label, line);
  const name = kind === 'title' ? s.replace(/^title-/, '') : (DEMO_ALIASES[s] ?? s);
  const id = `sw-total-${kind}-${name}`;
  if (!SeriesId.safeParse(id).success) throw new CsvError(line, `category "${label}" makes no usable id`);
  return id;
}

function detect(header: string[]): Layout {
  const names = header.map((h) => h.trim());
  for (const [layout, cols] of Object.entries(LAYOUTS) as Array<[Layout, readonly string[]]>) {
    if (names.length === cols.length && cols.every((c, i) => c === names[i])) return layout;
  }
  throw new CsvError(
    1,
    `unrecognised header; expected one of CBP's layouts (southwest 9 columns, nationwide by state 9 columns, nationwide by AOR 12 columns), got "${names.join(',').slice(0, 200)}"`,
  );
}

/**
 * Reads a CBP export record by record and sums it into series: `sw-total`, `sw-usbp`, `sw-ofo`
 * (where the layout has a Component column), `nw-total` (nationwide layouts), and southwest
 * breakdowns `sw-total-demo-<demographic>` and `sw-total-title-<title of authority>`.
 * Throws `CsvError` naming the line on the first thing it does not understand.
 */
export async function aggregateCbp(chunks: AsyncIterable<string>): Promise<Aggregate> {
  let agg: Aggregate | null = null;
  let col: Record<string, number> = {};
  // Labels repeat on every row; each is turned into an id once.
  const ids = new Map<string, string>();
  const periods = new Map<string, string>();
  for await (const { line, fields } of csvRecords(chunks)) {
    if (!agg) {
      const layout = detect(fields);
      agg = { layout, rows: 0, months: new Set(), sums: new Map(), labels: new Map(), merged: new Map() };
      col = Object.fromEntries(LAYOUTS[layout].map((c, i) => [c, i]));
      continue;
    }
    if (fields.length !== LAYOUTS[agg.layout].length) {
      throw new CsvError(line, `expected ${LAYOUTS[agg.layout].length} columns, found ${fields.length}`);
    }
    const f = (name: string): string => fields[col[name]!]!;
    const grouping = f('Month Grouping').trim();
    if (grouping !== 'FYTD' && grouping !== 'Remaining') {
      throw new CsvError(line, `unknown month grouping "${grouping}" (expected FYTD or Remaining)`);
    }
    // A file has a few dozen distinct months; each label pair is parsed once.
    const monthKey = `${f('Fiscal Year')}|${f('Month (abbv)')}`;
    let period = periods.get(monthKey);
    if (!period) periods.set(monthKey, (period = calendarMonth(f('Fiscal Year'), f('Month (abbv)'), line)));
    const n = count(f('Encounter Count'), line);
    agg.rows++;
    agg.months.add(period);

    let component: 'usbp' | 'ofo' | null = null;
    if (agg.layout !== 'state') {
      component = COMPONENTS[f('Component').trim()] ?? null;
      if (!component) throw new CsvError(line, `unknown component "${f('Component')}"`);
    }
    if (agg.layout !== 'sw') {
      if (!f('Land Border Region').trim()) throw new CsvError(line, 'empty land border region');
      add(agg, 'nw-total', period, n);
      if (f('Land Border Region').trim() !== SOUTHWEST) continue;
    }
    add(agg, 'sw-total', period, n);
    if (component) add(agg, `sw-${component}`, period, n);
    for (const [kind, column] of BREAKDOWNS) {
      const label = f(column);
      let id = ids.get(`${kind}\u0000${label}`);
      if (!id) {
        id = breakdownId(kind, label, line);
        ids.set(`${kind}\u0000${label}`, id);
        const first = agg.labels.get(id);
        if (!first) agg.labels.set(id, { kind, label: label.trim() });
        else if (first.label !== label.trim())
          agg.merged.set(id, [...(agg.merged.get(id) ?? [first.label]), label.trim()]);
      }
      add(agg, id, period, n);
    }
  }
  if (!agg) throw new CsvError(1, 'the file is empty');
  if (agg.rows === 0) throw new CsvError(2, 'the file has a header but no data rows');
  // A month a file covers but where a category has no rows is a real zero (e.g. Title 42 after May 2023).
  for (const sums of agg.sums.values()) for (const p of agg.months) if (!sums.has(p)) sums.set(p, 0);
  return agg;
}
