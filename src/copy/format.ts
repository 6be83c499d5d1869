/**
 * Number and date formats for cards, written out rather than taken from `Intl`: a fresh isolate's
 * first `Intl` formatter costs more CPU (~15 ms loading locale data) than rendering a whole card.
 * The output is exactly what `Intl` gives for en-US and es-US over the values cards show; the unit
 * test (format.test.ts) checks it against `Intl` itself.
 */
export type Lang = 'en' | 'es';

const MONTHS: Record<Lang, { short: string[]; long: string[] }> = {
  en: {
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    long: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
  },
  es: {
    // es-US writes "ago." and "sept."; the dot adds noise on a chart axis and is left out.
    short: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
    long: [
      'enero',
      'febrero',
      'marzo',
      'abril',
      'mayo',
      'junio',
      'julio',
      'agosto',
      'septiembre',
      'octubre',
      'noviembre',
      'diciembre',
    ],
  },
};

/** Rounds half away from zero to `digits` decimals, as Intl does; returns the digits as a string without trailing zeros. */
function fixed(n: number, digits: number): string {
  const f = 10 ** digits;
  const r = (Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9)) / f;
  return String(Object.is(r, -0) ? 0 : r);
}

/** `1234567.5` → `1,234,567.5`: en-US and es-US both group with commas and use a decimal point. */
function group(s: string): string {
  const [int, frac] = s.replace('-', '').split('.');
  const g = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${s.startsWith('-') ? '-' : ''}${g}${frac ? `.${frac}` : ''}`;
}

/** Compact units, largest first: what each language calls a thousand, million, … (es-US as Intl writes it). */
const COMPACT: Record<Lang, Array<[number, string, number?]>> = {
  en: [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ],
  // Spanish has no "billion": 1,000 M up to 9,999 M, then "mil M", then "B" (billón, 10¹²).
  es: [
    [1e12, '\u00a0B'],
    [1e10, '\u00a0mil\u00a0M', 1e9],
    [1e6, '\u00a0M'],
    [1e3, '\u00a0K'],
  ],
};

export const format = {
  /** 12,242 */
  number: (n: number): string => group(fixed(n, 0)),
  /** A rate: one decimal below 100 (`7.0`, `95.4`), whole numbers above (`395`, `1,204`). */
  rate: (n: number): string => {
    if (Math.abs(n) >= 99.95) return group(fixed(n, 0));
    const s = fixed(n, 1);
    return s.includes('.') ? s : `${s}.0`;
  },
  /** 50K / 1.2M (axis ticks, bar values); es-US "50 K", "1.2 M" */
  compact: (lang: Lang, n: number): string => {
    const sign = n < 0 ? '-' : '';
    const r = Number(fixed(Math.abs(n), 1));
    if (r < 1000) return sign + fixed(r, 1);
    const units = COMPACT[lang];
    for (let i = 0; i < units.length; i++) {
      const [min, unit, div = min] = units[i]!;
      if (r < min) continue;
      const v = Number(fixed(r / div, 1));
      // 999,950 rounds to 1,000K: that is 1M. (es: M runs up to 9,999 M.)
      const limit = i > 0 ? units[i - 1]![0] / div : Infinity;
      if (v >= limit)
        return sign + fixed(Number(fixed(r / (units[i - 1]![2] ?? units[i - 1]![0]), 1)), 1) + units[i - 1]![1];
      return sign + fixed(v, 1) + unit;
    }
    return sign + fixed(r, 1);
  },
  /** 84% / −4.6% (one decimal below 10%); `signed` writes + and − (a real minus sign) unless it rounds to 0. */
  percent: (ratio: number, signed: boolean): string => {
    const digits = Math.abs(ratio) < 0.1 ? 1 : 0;
    const s = fixed(ratio * 100, digits);
    const v = group(s.replace('-', ''));
    if (!signed || Number(s) === 0) return `${v}%`;
    return `${Number(s) < 0 ? '\u2212' : '+'}${v}%`;
  },
  /** Aug 2026 / ago 2026 */
  month: (lang: Lang, period: string): string =>
    `${MONTHS[lang].short[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`,
  /** August 2026 / agosto de 2026 */
  monthLong: (lang: Lang, period: string): string =>
    `${MONTHS[lang].long[Number(period.slice(5, 7)) - 1]}${lang === 'es' ? ' de' : ''} ${period.slice(0, 4)}`,
  /** June 5, 2024 / 5 de junio de 2024 */
  day: (lang: Lang, date: string): string => {
    const month = MONTHS[lang].long[Number(date.slice(5, 7)) - 1]!;
    const d = Number(date.slice(8, 10));
    const y = date.slice(0, 4);
    return lang === 'es' ? `${d} de ${month} de ${y}` : `${month} ${d}, ${y}`;
  },
  /** November / noviembre (month 1..12) */
  monthName: (lang: Lang, month: number): string => MONTHS[lang].long[month - 1]!,
};
