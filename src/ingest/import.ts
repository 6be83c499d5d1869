import { Conflict, Unprocessable, describeIssues } from '../errors';
import { type Dimension, type Point, Series, type StoredSeries } from '../series/schema';
import { type Aggregate, type Layout, type Relabel, parentOf } from './cbp';
import { describeSeries, spanishMemberOf } from './catalog';
import { formatReport } from './report';

/**
 * New series an import may create without being told to. A first import of a CBP layout creates
 * dozens (every breakdown it carries), so it is confirmed once with `allow_new`; after that a
 * release that suddenly names many new categories is stopped and shown before it floods the catalog.
 */
const DEFAULT_ALLOW_NEW = 12;

interface SeriesChange {
  id: string;
  status: 'created' | 'updated' | 'unchanged';
  added: Array<{ period: string; value: number }>;
  revised: Array<{ period: string; old: number; new: number }>;
  /** Months where this (older) file differs from a series that already holds a later release. */
  kept: Array<{ period: string; stored: number; file: number }>;
  /** Catalog fields (`parent`, `dimension`, `member`) this import set on a series that lacked them. */
  fields?: string[];
  /** Version before the import, and after it (null after a dry run that would change something). */
  previousVersion: string | null;
  version: string | null;
}

export interface ImportReport {
  layout: Layout;
  /** Series the import creates (it may create at most `allowNew` without a 409). */
  created: string[];
  /** Labels that differ in the file but name one series (case, punctuation, CBP's renames). */
  merged: Array<{ id: string; labels: string[] }>;
  /** Labels read as another member: CBP's renames, and Title 42 encounters typed as apprehensions. */
  relabelled: Relabel[];
  /** The (parent, dimension) families the file carries, with how many members each has in it. */
  families: Array<{ parent: string; dimension: Dimension; members: number }>;
  /**
   * Stored citizenship members this file does not name. CBP chooses which citizenships to name in
   * each release (the rest are in "Other"), so such a member is not a zero: it is left as it was.
   */
  notNamed: string[];
  dryRun: boolean;
  vintage: string;
  rows: number;
  months: { first: string; last: string; count: number };
  series: SeriesChange[];
  /** The same report as lines of text, for logs and the command line. */
  summary: string[];
}

const LAYOUT_NAMES: Record<Layout, string> = {
  sw: 'Southwest Land Border Encounters',
  state: 'Nationwide Encounters by state',
  aor: 'Nationwide Encounters by area of responsibility',
};

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2025-11` → `Nov 2025` (no Intl: its first use costs more CPU than the whole parse of a small file). */
const monthLabel = (period: string): string => `${MONTH_NAMES[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;

/**
 * Folds a file's monthly sums into a series: months the file does not cover are kept; covered
 * months are added, and revised when `revise` (the file is at least as recent as the series).
 * Otherwise a differing month is kept and reported: an older release must not undo a newer one.
 */
function merge(
  old: readonly Point[],
  sums: Map<string, number>,
  src: string,
  revise: boolean,
): Pick<SeriesChange, 'added' | 'revised' | 'kept'> & { points: Point[] } {
  const byPeriod = new Map(old.map((p) => [p.period, p]));
  const added: SeriesChange['added'] = [];
  const revised: SeriesChange['revised'] = [];
  const kept: SeriesChange['kept'] = [];
  for (const [period, value] of [...sums].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const prev = byPeriod.get(period);
    // An unchanged value keeps its point, and so the release it was first published in.
    if (prev?.value === value) continue;
    if (prev && !revise) {
      kept.push({ period, stored: prev.value, file: value });
      continue;
    }
    if (prev) revised.push({ period, old: prev.value, new: value });
    else added.push({ period, value });
    byPeriod.set(period, { period, value, src });
  }
  const points = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
  return { added, revised, kept, points };
}

export interface ImportOptions {
  /** How many new series the import may create; more is a 409 that names them (a dry run reports them). */
  allowNew?: number;
  dryRun?: boolean;
  vintage?: string;
  force?: boolean;
}

/** What an import would write: the report (without version numbers yet) and the series to commit. */
export interface ImportPlan {
  report: Omit<ImportReport, 'summary'>;
  writes: Array<{ change: SeriesChange; series: Series }>;
}

/** What the writer's state answers while an import is planned. */
export interface PlanState {
  /** The current version of a series, or null. */
  current(id: string): StoredSeries | null;
  /** Ids of the current series of one family: those whose `parent` and `dimension` are these. */
  members(parent: string, dimension: Dimension): string[];
}

type FamilyFields = Pick<Series, 'parent' | 'dimension' | 'member'> & { memberEs?: string };

/** `parent`, `dimension` and `member` on a series, and its Spanish member where it has Spanish words. */
function withFamily(s: Series, f: FamilyFields): { series: Series; fields: string[] } {
  const es = s.i18n?.es;
  const next: Series = {
    ...s,
    parent: f.parent,
    dimension: f.dimension,
    member: f.member,
    ...(es && f.memberEs ? { i18n: { ...s.i18n, es: { ...es, member: f.memberEs } } } : {}),
  };
  const fields: string[] = (['parent', 'dimension', 'member'] as const).filter((k) => s[k] !== next[k]);
  if (next.i18n?.es?.member !== es?.member) fields.push('i18n.es.member');
  return { series: next, fields };
}

/**
 * Plans an import against the current state: merges every series the file carries and validates
 * all of them, so a bad file stores nothing. Pure: the writer calls it with its own authoritative
 * state, inside its one queue of writes.
 *
 * Families: every series of a breakdown gets `parent`, `dimension` and `member`. A stored member
 * of a family the file carries, which the file has no rows for, is 0 in every month the file
 * covers (a state without encounters, Title 42 after May 2023), except a citizenship CBP no longer
 * names (see `notNamed`).
 */
export function planImport(agg: Aggregate, state: PlanState, opts: ImportOptions): ImportPlan {
  const months = [...agg.months].sort();
  const first = months[0]!;
  const last = months.at(-1)!;
  const refKey = `cbp-${agg.layout}-${last}`;
  const vintage = opts.vintage ?? `CBP ${LAYOUT_NAMES[agg.layout]}, data through ${monthLabel(last)}`;

  const sums = new Map(agg.sums);
  const notNamed: string[] = [];
  const families: ImportReport['families'] = [];
  for (const { parent, dimension } of agg.families.values()) {
    const inFile = [...agg.meta.values()].filter((m) => m.dimension === dimension && parentOf(m) === parent).length;
    families.push({ parent, dimension, members: inFile });
    for (const id of state.members(parent, dimension)) {
      if (sums.has(id)) continue;
      if (dimension === 'cit') notNamed.push(id);
      else sums.set(id, new Map(months.map((p) => [p, 0])));
    }
  }
  families.sort((a, b) => (a.parent + a.dimension < b.parent + b.dimension ? -1 : 1));

  const changes: SeriesChange[] = [];
  const writes: ImportPlan['writes'] = [];
  for (const id of [...sums.keys()].sort()) {
    const cur = state.current(id);
    const meta = agg.meta.get(id);
    let base = cur?.series ?? describeSeries(id, meta, agg.layout);
    let fields: string[] = [];
    const parent = meta ? parentOf(meta) : null;
    if (meta && parent) {
      // A stored member keeps the label it was first given (one label per member across releases).
      const memberEs = cur?.series.i18n?.es?.member ?? spanishMemberOf(meta);
      ({ series: base, fields } = withFamily(base, {
        parent,
        dimension: meta.dimension!,
        member: cur?.series.member ?? meta.member!,
        ...(memberEs ? { memberEs } : {}),
      }));
    }
    // A file that ends before the series does is an older release than the one the series holds.
    const reachesEnd = !cur || last >= cur.series.points.at(-1)!.period;
    const revise = reachesEnd || !!opts.force;
    const { added, revised, kept, points } = merge(cur?.series.points ?? [], sums.get(id)!, refKey, revise);
    const setFields = cur && fields.length ? fields : [];
    const changed = added.length + revised.length + setFields.length > 0;
    const change: SeriesChange = {
      id,
      status: !changed ? 'unchanged' : cur ? 'updated' : 'created',
      added,
      revised,
      kept,
      ...(setFields.length ? { fields: setFields } : {}),
      previousVersion: cur?.version ?? null,
      version: changed ? null : (cur?.version ?? null),
    };
    changes.push(change);
    if (!changed) continue;
    // The series' release moves on only when this file reaches its latest month.
    const candidate = {
      ...base,
      source: {
        ...base.source,
        release: reachesEnd ? vintage : base.source.release,
        references: { ...base.source.references, [refKey]: vintage },
      },
      points,
    };
    const parsed = Series.safeParse(candidate);
    if (!parsed.success) {
      throw new Unprocessable('Import would store an invalid series', `${id}: ${describeIssues(parsed.error.issues)}`);
    }
    writes.push({ change, series: parsed.data });
  }
  const created = changes.filter((c) => c.status === 'created').map((c) => c.id);
  const allowNew = opts.allowNew ?? DEFAULT_ALLOW_NEW;
  if (!opts.dryRun && created.length > allowNew)
    throw new Conflict(
      'Import would create many series',
      `This file would create ${created.length} new series (at most ${allowNew} without confirmation); check the dry run, then pass allow_new=${created.length}.`,
      { created },
    );
  const report = {
    layout: agg.layout,
    created,
    merged: [...agg.merged].map(([id, labels]) => ({ id, labels })),
    relabelled: agg.relabelled,
    families,
    notNamed: notNamed.sort(),
    dryRun: !!opts.dryRun,
    vintage,
    rows: agg.rows,
    months: { first, last, count: months.length },
    series: changes,
  };
  return { report, writes };
}

/** The finished report, with its lines of text. */
export function finishReport(report: Omit<ImportReport, 'summary'>): ImportReport {
  return { ...report, summary: formatReport(report) };
}
