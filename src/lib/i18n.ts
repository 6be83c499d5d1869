/**
 * Every word a card says, in one place, and the number/month formats behind them.
 * `es` uses the es-US locale on purpose: U.S. Spanish-language newsrooms write "7,353" and "50 K",
 * where plain `es` would give "7353" and "50 mil".
 */
export type Lang = 'en' | 'es';
export const LANGS = ['en', 'es'] as const;

const LOCALE: Record<Lang, string> = { en: 'en-US', es: 'es-US' };

const en = {
  source: 'Source',
  asOf: 'Data as of',
  vsPrevMonth: 'vs. previous month',
  vsYearAgo: 'vs. a year earlier',
  noChange: 'no change',
  latest: 'Latest',
  low: 'Low',
  high: 'High',
  notFound: 'Not found',
  badRequest: 'Invalid request',
  unavailable: 'Temporarily unavailable',
  errorCard: 'This chart could not be shown',
  eventsNote: 'Encounters count events, not unique people.',
  fyTotals: 'Fiscal-year totals',
  monthly: 'Monthly',
  fyNote: 'October–September',
  span: 'Monthly data',
};
export type Strings = Record<keyof typeof en, string>;

export const strings: Record<Lang, Strings> = {
  en,
  es: {
    source: 'Fuente',
    asOf: 'Datos hasta',
    vsPrevMonth: 'vs. el mes anterior',
    vsYearAgo: 'vs. un año antes',
    noChange: 'sin cambio',
    latest: 'Último',
    low: 'Mínimo',
    high: 'Máximo',
    notFound: 'No encontrado',
    badRequest: 'Solicitud no válida',
    unavailable: 'No disponible por ahora',
    errorCard: 'No se pudo mostrar este gráfico',
    eventsNote: 'Los encuentros cuentan eventos, no personas únicas.',
    fyTotals: 'Totales por año fiscal',
    monthly: 'Mensual',
    fyNote: 'octubre a septiembre',
    span: 'Datos mensuales',
  },
};

/**
 * The words for each headline claim (src/series/headlines.ts decides which claims hold). Neutral:
 * ranks, spans and changes only. Every rank phrase names the span it was measured over.
 */
export interface Phrases {
  record(dir: 'low' | 'high', first: string): string;
  sameMonth(dir: 'low' | 'high', monthName: string, firstYear: number): string;
  since(dir: 'low' | 'high', since: string): string;
  yearAgo(pct: string, dir: 'up' | 'down' | 'flat'): string;
  /** "FY2026 (YTD, 11 months)" */
  fyLabel(fy: number, ytdMonths: number | null): string;
  /** Compact FY label for narrow bars: "FY26", "FY26 YTD". */
  fyShort(fy: number, ytd: boolean): string;
}

export const phrases: Record<Lang, Phrases> = {
  en: {
    record: (dir, first) => `${dir === 'low' ? 'lowest' : 'highest'} on record (since ${first})`,
    sameMonth: (dir, m, y) => `${dir === 'low' ? 'lowest' : 'highest'} ${m} in the series (since ${y})`,
    since: (dir, since) => `${dir === 'low' ? 'lowest' : 'highest'} since ${since}`,
    yearAgo: (pct, dir) => (dir === 'flat' ? 'unchanged from a year earlier' : `${dir} ${pct} from a year earlier`),
    fyLabel: (fy, ytd) => (ytd === null ? `FY${fy}` : `FY${fy} (YTD, ${ytd} month${ytd === 1 ? '' : 's'})`),
    fyShort: (fy, ytd) => `FY${String(fy).slice(2)}${ytd ? ' YTD' : ''}`,
  },
  es: {
    record: (dir, first) => `${dir === 'low' ? 'mínimo' : 'máximo'} de la serie (desde ${first})`,
    sameMonth: (dir, m, y) => `el ${m} más ${dir === 'low' ? 'bajo' : 'alto'} de la serie (desde ${y})`,
    since: (dir, since) => `${dir === 'low' ? 'el nivel más bajo' : 'el nivel más alto'} desde ${since}`,
    yearAgo: (pct, dir) =>
      dir === 'flat' ? 'sin cambio frente a un año antes' : `${pct} ${dir === 'up' ? 'más' : 'menos'} que un año antes`,
    fyLabel: (fy, ytd) => (ytd === null ? `AF${fy}` : `AF${fy} (en curso, ${ytd} ${ytd === 1 ? 'mes' : 'meses'})`),
    fyShort: (fy, ytd) => `AF${String(fy).slice(2)}${ytd ? ' parc.' : ''}`,
  },
};

// Intl objects are costly to build; keep one per locale and style for the isolate's life.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function nf(lang: Lang, key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `n:${lang}:${key}`;
  let f = cache.get(k) as Intl.NumberFormat | undefined;
  if (!f) cache.set(k, (f = new Intl.NumberFormat(LOCALE[lang], opts)));
  return f;
}
function df(lang: Lang, key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `d:${lang}:${key}`;
  let f = cache.get(k) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(k, (f = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', ...opts })));
  return f;
}

export const fmt = {
  /** 12,242 */
  number: (lang: Lang, n: number): string => nf(lang, 'int', { maximumFractionDigits: 0 }).format(n),
  /** 50K / 1.2M (axis ticks, badges) */
  compact: (lang: Lang, n: number): string =>
    nf(lang, 'compact', { notation: 'compact', maximumFractionDigits: 1 }).format(n),
  /** −4.6% / +12% with a real minus sign */
  pct: (lang: Lang, ratio: number): string =>
    nf(lang, 'pct', {
      style: 'percent',
      maximumFractionDigits: Math.abs(ratio) < 0.1 ? 1 : 0,
      signDisplay: 'exceptZero',
    })
      .format(ratio)
      .replace('-', '\u2212'),
  /** Aug 2026 / ago 2026 */
  month: (lang: Lang, period: string): string =>
    tidy(df(lang, 'my', { month: 'short', year: 'numeric' }).format(toDate(period))),
  /** Aug / ago */
  monthShort: (lang: Lang, period: string): string => tidy(df(lang, 'm', { month: 'short' }).format(toDate(period))),
  /** August 2026 / agosto de 2026 */
  monthLong: (lang: Lang, period: string): string =>
    df(lang, 'ml', { month: 'long', year: 'numeric' }).format(toDate(period)),
  year: (period: string): string => period.slice(0, 4),
  /** November / noviembre (month 1..12) */
  monthName: (lang: Lang, month: number): string =>
    df(lang, 'mn', { month: 'long' }).format(toDate(`2000-${String(month).padStart(2, '0')}`)),
  /** 84% without sign, for phrases that say the direction in words */
  pctAbs: (lang: Lang, ratio: number): string =>
    nf(lang, 'pctAbs', { style: 'percent', maximumFractionDigits: Math.abs(ratio) < 0.1 ? 1 : 0 }).format(
      Math.abs(ratio),
    ),
};

function toDate(period: string): Date {
  return new Date(`${period}-01T00:00:00Z`);
}
/** es-US writes "ago 2026" as "ago. 2026"; the dot adds noise on a chart axis. */
function tidy(s: string): string {
  return s.replace('.', '');
}
