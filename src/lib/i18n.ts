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
};
export type Strings = Record<keyof typeof en, string>;

export const strings: Record<Lang, Strings> = {
  en,
  es: {
    source: 'Fuente',
    asOf: 'Datos a',
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
};

function toDate(period: string): Date {
  return new Date(`${period}-01T00:00:00Z`);
}
/** es-US writes "ago 2026" as "ago. 2026"; the dot adds noise on a chart axis. */
function tidy(s: string): string {
  return s.replace('.', '');
}
