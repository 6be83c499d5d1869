import { Conflict, Unprocessable, describeIssues } from '../errors';

/** New series an import may create without being told to: a first import of one CBP layout. */
const DEFAULT_ALLOW_NEW = 12;
import { type Point, Series, type StoredSeries } from '../series/schema';
import type { Aggregate, Layout } from './cbp';
import { describeSeries } from './catalog';
import { formatReport } from './report';

interface SeriesChange {
  id: string;
  status: 'created' | 'updated' | 'unchanged';
  added: Array<{ period: string; value: number }>;
  revised: Array<{ period: string; old: number; new: number }>;
  /** Months where this (older) file differs from a series that already holds a later release. */
  kept: Array<{ period: string; stored: number; file: number }>;
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

/**
 * Plans an import against the current state (`current` answers for each series id): merges every
 * series the file carries and validates all of them, so a bad file stores nothing. Pure: the
 * writer calls it with its own authoritative state, inside its one queue of writes.
 */
export function planImport(
  agg: Aggregate,
  current: (id: string) => StoredSeries | null,
  opts: ImportOptions,
): ImportPlan {
  const months = [...agg.months].sort();
  const first = months[0]!;
  const last = months.at(-1)!;
  const refKey = `cbp-${agg.layout}-${last}`;
  const vintage = opts.vintage ?? `CBP ${LAYOUT_NAMES[agg.layout]}, data through ${monthLabel(last)}`;

  const changes: SeriesChange[] = [];
  const writes: ImportPlan['writes'] = [];
  for (const id of [...agg.sums.keys()].sort()) {
    const cur = current(id);
    const base = cur?.series ?? describeSeries(id, agg);
    // A file that ends before the series does is an older release than the one the series holds.
    const reachesEnd = !cur || last >= cur.series.points.at(-1)!.period;
    const revise = reachesEnd || !!opts.force;
    const { added, revised, kept, points } = merge(cur?.series.points ?? [], agg.sums.get(id)!, refKey, revise);
    const changed = added.length + revised.length > 0;
    const change: SeriesChange = {
      id,
      status: !changed ? 'unchanged' : cur ? 'updated' : 'created',
      added,
      revised,
      kept,
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
