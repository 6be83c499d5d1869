import { type Dimension, SeriesId, isCleanLine } from '../series/schema';
import { CsvError, csvRecords } from './csv';
import { NOT_STATED } from './names';

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
function slug(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

type Scope = 'sw' | 'nw';
type Component = 'total' | 'usbp' | 'ofo';

/**
 * What one series of a file is: a scope's total (`sw-total`, `nw-total`), a component (`sw-usbp`),
 * or a member of a breakdown (`sw-usbp-demo-fmua`). Ids follow one pattern,
 * `<scope>-<component>-<dimension>-<member>`, so they are the same whichever file or release
 * they come from.
 */
export interface SeriesMeta {
  scope: Scope;
  component: Component;
  /** Absent for a total and a component's own series (which is the `component` member of its total). */
  dimension?: Dimension;
  /** The member's part of the id, and CBP's label for it (its later name, where CBP renamed it). */
  slug?: string;
  member?: string;
}

/** The series a breakdown adds up to: a component's total, or the total of its scope. */
export function parentOf(m: SeriesMeta): string | null {
  if (m.dimension === 'component') return `${m.scope}-total`;
  return m.dimension ? `${m.scope}-${m.component}` : null;
}

/** Cells a file wrote one way and the importer read another: reported, never silent. */
export interface Relabel {
  dimension: Dimension;
  from: string;
  to: string;
  rows: number;
  why: string;
}

/** What a file says: monthly sums per series id, the months it covers and what each id is. */
export interface Aggregate {
  layout: Layout;
  rows: number;
  /** Every calendar month that has at least one row; the months this file is the authority on. */
  months: Set<string>;
  sums: Map<string, Map<string, number>>;
  /** What each series is (scope, component, breakdown and member), by id. */
  meta: Map<string, SeriesMeta>;
  /** The (parent, dimension) families the file carries, keyed `parent:dimension`. */
  families: Map<string, { parent: string; dimension: Dimension }>;
  /** Ids that more than one distinct label in the file fold into (`UC / Single Minors` and `UAC`): reported, never silent. */
  merged: Map<string, string[]>;
  /** Labels read as another member (CBP's renames, and Title 42 encounters typed as apprehensions). */
  relabelled: Relabel[];
}

function add(agg: Aggregate, id: string, period: string, n: number): void {
  let m = agg.sums.get(id);
  if (!m) agg.sums.set(id, (m = new Map()));
  m.set(period, (m.get(period) ?? 0) + n);
}

/**
 * Member slugs that differ from the slug of CBP's label: a rename between releases (the older
 * southwest file's `UC / Single Minors` is `UAC` in later ones) and a few long labels made short.
 */
const ALIASES: Partial<Record<Dimension, Record<string, string>>> = {
  demo: { 'uc-single-minors': 'uac' },
  cit: { 'china-peoples-republic-of': 'china', 'myanmar-burma': 'myanmar' },
  region: { 'southwest-land-border': 'southwest', 'northern-land-border': 'northern' },
};
/** The label a renamed member keeps, whichever release it is read from. */
const CANONICAL: Partial<Record<Dimension, Record<string, string>>> = { demo: { uac: 'UAC' } };
const EXPULSIONS = 'Expulsions';

/** A breakdown a layout carries: which scope and component it splits, by what, read from which column. */
interface Target {
  scope: Scope;
  /** `total`, or the row's own component (Border Patrol or ports of entry). */
  component: 'total' | 'row';
  dimension: Dimension;
  /** `Encounter Type` is not read as written: see `typeOf`. */
  column: string;
}

const DEMO = ['demo', 'Demographic'] as const;
const TITLE = ['title', 'Title of Authority'] as const;
const TYPE = ['type', 'Encounter Type'] as const;
const REGION = ['region', 'Land Border Region'] as const;
const STATE = ['state', 'State'] as const;
const targets = (scope: Scope, components: Array<'total' | 'row'>, dims: ReadonlyArray<readonly [Dimension, string]>) =>
  components.flatMap((component) => dims.map(([dimension, column]) => ({ scope, component, dimension, column })));

/**
 * Every breakdown each layout carries. The southwest files group citizenship into five
 * (`Citizenship Grouping`); the nationwide ones name 22 groups (`Citizenship`), so nationwide
 * citizenship is its own family (`nw-…-cit-…`) and the southwest one keeps the five.
 */
const TARGETS: Record<Layout, Target[]> = {
  sw: targets('sw', ['total', 'row'], [DEMO, ['cit', 'Citizenship Grouping'], TITLE, TYPE]),
  state: [
    ...targets('nw', ['total'], [REGION, STATE, DEMO, ['cit', 'Citizenship'], TITLE]),
    ...targets('sw', ['total'], [STATE, DEMO, TITLE]),
  ],
  aor: [
    ...targets('nw', ['total', 'row'], [REGION, DEMO, ['cit', 'Citizenship'], TITLE, TYPE]),
    // Areas of responsibility belong to one component each (Border Patrol sectors, OFO field offices).
    ...targets('nw', ['row'], [['aor', 'Area of Responsibility']]),
    ...targets('sw', ['total', 'row'], [DEMO, TITLE, TYPE]),
  ],
};

const COMPONENT_LABELS: Record<'usbp' | 'ofo', string> = {
  usbp: 'U.S. Border Patrol',
  ofo: 'Office of Field Operations',
};

interface Member {
  slug: string;
  member: string;
}

function memberOf(dimension: Dimension, label: string, line: number): Member {
  // A label becomes a stored title: refuse what no title may hold, here, with the line it is on.
  if (!isCleanLine(label)) throw new CsvError(line, 'a category label contains control characters or invalid Unicode');
  const trimmed = label.trim();
  // CBP left the cell empty: the row still counts toward its total, and its members say so.
  if (!trimmed) return { slug: NOT_STATED, member: 'Not stated' };
  let s = slug(trimmed);
  if (dimension === 'title') s = s.replace(/^title-/, '');
  s = ALIASES[dimension]?.[s] ?? s;
  if (!s) throw new CsvError(line, `category "${trimmed}" makes no usable id`);
  return { slug: s, member: CANONICAL[dimension]?.[s] ?? trimmed };
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
 * Reads a CBP export record by record and sums it into series: the totals `sw-total` and
 * `nw-total` (nationwide layouts), the components `sw-usbp`, `sw-ofo` (and `nw-usbp`, `nw-ofo` by
 * AOR), and every breakdown the layout carries (see `TARGETS`), one series per member.
 * Throws `CsvError` naming the line on the first thing it does not understand.
 */
export async function aggregateCbp(chunks: AsyncIterable<string>): Promise<Aggregate> {
  let agg: Aggregate | null = null;
  let col: Record<string, number> = {};
  let plan: Array<Target & { index: number }> = [];
  // Labels repeat on every row: each (breakdown, component, label) is turned into a series once;
  // the cache holds that series' monthly sums, so a row adds to them without building its id.
  let ids: Array<Record<string, Map<string, Map<string, number>>>> = [];
  const members = new Map<Dimension, Map<string, Member>>();
  const firstLabel = new Map<string, string>();
  const relabelled = new Map<string, Relabel>();
  const periods = new Map<string, string>();

  const relabel = (dimension: Dimension, from: string, to: string, why: string): void => {
    const key = `${dimension}\u0000${from}\u0000${to}`;
    const r = relabelled.get(key);
    if (r) r.rows++;
    else relabelled.set(key, { dimension, from, to, rows: 1, why });
  };
  const member = (dimension: Dimension, label: string, line: number): Member => {
    let byLabel = members.get(dimension);
    if (!byLabel) members.set(dimension, (byLabel = new Map()));
    let m = byLabel.get(label);
    if (!m) byLabel.set(label, (m = memberOf(dimension, label, line)));
    return m;
  };
  const total = (a: Aggregate, scope: Scope, component: Component, period: string, n: number): void => {
    const id = `${scope}-${component}`;
    if (!a.meta.has(id)) {
      if (component === 'total') a.meta.set(id, { scope, component });
      else {
        a.meta.set(id, {
          scope,
          component,
          dimension: 'component',
          slug: component,
          member: COMPONENT_LABELS[component],
        });
        a.families.set(`${scope}-total:component`, { parent: `${scope}-total`, dimension: 'component' });
      }
    }
    add(a, id, period, n);
  };

  for await (const { line, fields } of csvRecords(chunks)) {
    if (!agg) {
      const layout = detect(fields);
      agg = {
        layout,
        rows: 0,
        months: new Set(),
        sums: new Map(),
        meta: new Map(),
        families: new Map(),
        merged: new Map(),
        relabelled: [],
      };
      col = Object.fromEntries(LAYOUTS[layout].map((c, i) => [c, i]));
      plan = TARGETS[layout].map((t) => ({ ...t, index: col[t.column]! }));
      ids = plan.map(() => ({}));
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
    let southwest = true;
    if (agg.layout !== 'sw') {
      const region = f('Land Border Region').trim();
      if (!region) throw new CsvError(line, 'empty land border region');
      southwest = region === SOUTHWEST;
      total(agg, 'nw', 'total', period, n);
      if (component) total(agg, 'nw', component, period, n);
    }
    if (southwest) {
      total(agg, 'sw', 'total', period, n);
      if (component) total(agg, 'sw', component, period, n);
    }

    // Renamed labels are read as their later name; say how many rows that touched.
    const demo = member('demo', f('Demographic'), line);
    if (demo.member !== f('Demographic').trim() && demo.slug !== NOT_STATED)
      relabel('demo', f('Demographic').trim(), demo.member, 'CBP renamed this demographic in later releases');
    // Encounter type follows the title of authority: every Title 42 encounter is an expulsion. CBP's
    // Sep 2022 southwest file types Border Patrol's FY2022 Title 42 encounters as `Apprehensions`
    // where its later files say `Expulsions`; reading them by title keeps one meaning across releases.
    let type = '';
    if (agg.layout !== 'state') {
      type = f('Encounter Type');
      if (member('title', f('Title of Authority'), line).slug === '42' && type.trim() !== EXPULSIONS) {
        relabel('type', type.trim(), EXPULSIONS, 'encounters under Title 42 are expulsions');
        type = EXPULSIONS;
      }
    }

    for (let t = 0; t < plan.length; t++) {
      const target = plan[t]!;
      if (target.scope === 'sw' && !southwest) continue;
      const c: Component = target.component === 'total' ? 'total' : component!;
      const label = target.dimension === 'type' ? type : fields[target.index]!;
      const cache = (ids[t]![c] ??= new Map());
      let sums = cache.get(label);
      if (!sums) {
        const m = member(target.dimension, label, line);
        const id = `${target.scope}-${c}-${target.dimension}-${m.slug}`;
        if (!SeriesId.safeParse(id).success) throw new CsvError(line, `category "${label.trim()}" makes no usable id`);
        const first = firstLabel.get(id);
        if (first === undefined) {
          firstLabel.set(id, label.trim());
          agg.meta.set(id, {
            scope: target.scope,
            component: c,
            dimension: target.dimension,
            slug: m.slug,
            member: m.member,
          });
          const parent = `${target.scope}-${c}`;
          agg.families.set(`${parent}:${target.dimension}`, { parent, dimension: target.dimension });
          agg.sums.set(id, new Map());
        } else if (first !== label.trim()) {
          agg.merged.set(id, [...(agg.merged.get(id) ?? [first]), label.trim()]);
        }
        sums = agg.sums.get(id)!;
        cache.set(label, sums);
      }
      sums.set(period, (sums.get(period) ?? 0) + n);
    }
  }
  if (!agg) throw new CsvError(1, 'the file is empty');
  if (agg.rows === 0) throw new CsvError(2, 'the file has a header but no data rows');
  agg.relabelled = [...relabelled.values()];
  // A month a file covers but where a category has no rows is a real zero (e.g. Title 42 after May
  // 2023, a state without encounters that month); months the file does not cover stay absent.
  for (const sums of agg.sums.values()) for (const p of agg.months) if (!sums.has(p)) sums.set(p, 0);
  return agg;
}
