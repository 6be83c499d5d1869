import type { Plural } from './plural';

/**
 * Every word a card or an embed page says in English. Neutral: ranks, spans and changes only, no
 * adjectives the data do not state. Every rank phrase names the span it was measured over.
 */
export const en = {
  locale: 'en-US',
  source: 'Source',
  asOf: 'Data as of',
  vsPrevMonth: 'vs. previous month',
  vsYearAgo: 'vs. a year earlier',
  noChange: 'no change',
  low: 'Low',
  high: 'High',
  errorCard: 'This chart could not be shown',
  /** The words of an error image, by status: a PNG error says only these (it is drawn once per status). */
  errorTitle: (status: number) =>
    ({ 400: 'Invalid request', 404: 'Not found', 429: 'Too many requests', 503: 'Temporarily unavailable' })[status] ??
    'Error',
  errorHint: (status: number) =>
    ({
      400: 'An option in the image address is not valid.',
      404: 'No such series, widget, version or month.',
      429: 'Too many new images at once; it will show again shortly.',
      503: 'The data could not be read; it will show again shortly.',
    })[status] ?? 'Please try again later.',
  eventsNote: 'Encounters count events, not unique people.',
  fyTotals: 'Fiscal-year totals',
  monthly: 'Monthly',
  fyNote: 'October–September',
  // Embed page
  getData: 'Get the data (CSV)',
  // Pinned ("as published") embed pages
  revisedSince: 'CBP has revised these figures since this chart was published:',
  moreRevised: (n: number) => `and ${n} more ${n === 1 ? 'month' : 'months'}`,
  revisionLedger: 'all revisions',
  newerMonths: (month: string) => `Newer data are available, through ${month}.`,
  seeLatest: 'See the latest data',
  month: 'Month',
  table: 'Values plotted, by month',
  months: { one: 'month', other: 'months' } satisfies Plural,
  record: (dir: 'low' | 'high', first: string) => `${dir === 'low' ? 'lowest' : 'highest'} on record (since ${first})`,
  sameMonth: (dir: 'low' | 'high', monthName: string, firstYear: number) =>
    `${dir === 'low' ? 'lowest' : 'highest'} ${monthName} in the series (since ${firstYear})`,
  since: (dir: 'low' | 'high', since: string) => `${dir === 'low' ? 'lowest' : 'highest'} since ${since}`,
  yearAgo: (pct: string, dir: 'up' | 'down' | 'flat') =>
    dir === 'flat' ? 'unchanged from a year earlier' : `${dir} ${pct} from a year earlier`,
  // Per-day rates (`per=day`)
  perDay: 'per day',
  monthlyPerDay: 'Daily average by month',
  fyPerDay: 'Daily average by fiscal year',
  perDayTitle: (title: string) => `${title}, per day`,
  /** A rank claim on a per-day card names its measure first. */
  perDayClaim: (claim: string) => `per day, ${claim}`,
  /** When the other measure does not prove the same rank: what it proves, or that it proves none. */
  otherMeasure: (per: 'month' | 'day', claim: string | null, dir: 'low' | 'high') =>
    per === 'day'
      ? claim
        ? `— per day: ${claim}`
        : `— per day it is not the ${dir === 'low' ? 'lowest' : 'highest'}`
      : claim
        ? `— in total: ${claim}`
        : `— in total it is not the ${dir === 'low' ? 'lowest' : 'highest'}`,
  perDayNote: 'Each month divided by its days (a fiscal year by the days it covers).',
  // Caveats, computed from the data
  title42Note: (from: string, to: string) => `Includes Title 42 expulsions (${from} – ${to}).`,
  componentShift: (a: string, aDir: 'up' | 'down', aPct: string, b: string, bDir: 'up' | 'down', bPct: string) =>
    `From a year earlier, ${a} ${aDir === 'up' ? 'rose' : 'fell'} ${aPct} while ${b} ${bDir === 'up' ? 'rose' : 'fell'} ${bPct}.`,
  // Comparisons
  versus: ' vs. ',
  noData: 'no data',
  // Breakdowns (rank, share, map)
  allOthers: (n: number) => `All others (${n})`,
  fytd: (fy: number, month: string) => `FY${fy} through ${month}`,
  byDimension: (title: string, dim: string) => `${title} by ${dim}`,
  dimensionName: {
    component: 'component',
    demo: 'demographic',
    cit: 'citizenship',
    title: 'title of authority',
    type: 'encounter type',
    region: 'land border region',
    state: 'state',
    aor: 'area of responsibility',
  } as Record<string, string>,
  familyRevised: (release: string) =>
    `Breakdown as CBP published it in ${release}; CBP has since revised the total, so the parts may not add up to it.`,
  familyUnexplained: (month: string, sum: string, total: string) =>
    `In ${month} CBP's rows add up to ${sum}, not the total of ${total}: some rows are suppressed or missing.`,
  vsYearAgoShort: 'vs. a year earlier',
  shareOf: 'Share of the total',
  mapTop: (list: string) => `Most encounters: ${list}.`,
  mapNone: (n: number) => `${n} with none.`,
  compareAlone: 'Nothing to compare with: add with= and the ids of up to four series to the address.',
  compareRelease: (name: string, month: string, vintage: string | null) =>
    vintage ? `${name}: ${vintage}.` : `${name}: data through ${month}.`,
  compareOf: (n: number) => `${n} series compared,`,
  // Policy events
  componentName: { usbp: 'Border Patrol encounters', ofo: 'encounters at ports of entry' },
  eventsGroup: (n: number, allPolicy: boolean) => `${n} ${allPolicy ? 'policy changes' : 'events'}`,
  eventsShown: 'Events shown',
  eventsLine: (labels: string) => `Events marked: ${labels}.`,
  eventSource: 'Source',
  /** "FY2026 (YTD, 11 months)"; `months` is already the right plural form. */
  fyLabel: (fy: number, ytd: { n: number; months: string } | null) =>
    ytd === null ? `FY${fy}` : `FY${fy} (YTD, ${ytd.n} ${ytd.months})`,
  /** Compact FY label for narrow bars: "FY26", "FY26 YTD". */
  fyShort: (fy: number, ytd: boolean) => `FY${String(fy).slice(2)}${ytd ? ' YTD' : ''}`,
  // The embed page's controls
  viewLabel: 'View',
  viewChart: 'Chart',
  viewTable: 'Table',
  aboutData: 'Source and notes',
  revisedFlag: 'revised',
  exploreLabel: 'Chart: use the arrow keys, Home and End to read each value',
  printedFrom: 'Printed from',
};
