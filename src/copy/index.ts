import { en } from './en';
import { es } from './es';
import type { Plural } from './plural';

/**
 * One copy catalogue per language (`en.ts`, `es.ts`): every word a card, an embed page or a
 * generated sentence says, and the number and date formats behind them. Cards, pages, oEmbed and
 * the gallery read words only from here.
 */
export type Lang = 'en' | 'es';
export type Copy = typeof en;
export type { Plural };

export const copy: Record<Lang, Copy> = { en, es };

// Intl objects are costly to build; keep one per locale and style for the isolate's life. The key
// must name every option that varies: a formatter cached under a shorter key answers with the
// options of whichever call came first.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function nf(lang: Lang, key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `n:${lang}:${key}`;
  let f = cache.get(k) as Intl.NumberFormat | undefined;
  if (!f) cache.set(k, (f = new Intl.NumberFormat(copy[lang].locale, opts)));
  return f;
}
function df(lang: Lang, key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `d:${lang}:${key}`;
  let f = cache.get(k) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(k, (f = new Intl.DateTimeFormat(copy[lang].locale, { timeZone: 'UTC', ...opts })));
  return f;
}

/** The form of `word` for `n` in `lang` ("1 month", "11 months"; "1 mes", "11 meses"). */
export function plural(lang: Lang, n: number, word: Plural): string {
  const k = `p:${lang}`;
  let r = cache.get(k) as Intl.PluralRules | undefined;
  if (!r) cache.set(k, (r = new Intl.PluralRules(copy[lang].locale)));
  return word[r.select(n)] ?? word.other;
}

export const fmt = {
  /** 12,242 (es-US too) */
  number: (lang: Lang, n: number): string => nf(lang, 'int', { maximumFractionDigits: 0 }).format(n),
  /** 50K / 1.2M (axis ticks, badges); es-US "50 K" */
  compact: (lang: Lang, n: number): string =>
    nf(lang, 'compact', { notation: 'compact', maximumFractionDigits: 1 }).format(n),
  /** −4.6% / +12% with a real minus sign (one decimal below 10%) */
  pct: (lang: Lang, ratio: number): string => {
    const digits = Math.abs(ratio) < 0.1 ? 1 : 0;
    return nf(lang, `pct${digits}`, { style: 'percent', maximumFractionDigits: digits, signDisplay: 'exceptZero' })
      .format(ratio)
      .replace('-', '\u2212');
  },
  /** 84% without sign, for phrases that say the direction in words (one decimal below 10%) */
  pctAbs: (lang: Lang, ratio: number): string => {
    const digits = Math.abs(ratio) < 0.1 ? 1 : 0;
    return nf(lang, `pctAbs${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(Math.abs(ratio));
  },
  /** Aug 2026 / ago 2026 */
  month: (lang: Lang, period: string): string =>
    tidy(df(lang, 'my', { month: 'short', year: 'numeric' }).format(toDate(period))),
  /** August 2026 / agosto de 2026 */
  monthLong: (lang: Lang, period: string): string =>
    df(lang, 'ml', { month: 'long', year: 'numeric' }).format(toDate(period)),
  year: (period: string): string => period.slice(0, 4),
  /** November / noviembre (month 1..12) */
  monthName: (lang: Lang, month: number): string =>
    df(lang, 'mn', { month: 'long' }).format(toDate(`2000-${String(month).padStart(2, '0')}`)),
};

function toDate(period: string): Date {
  return new Date(`${period}-01T00:00:00Z`);
}
/** es-US writes "ago 2026" as "ago. 2026"; the dot adds noise on a chart axis. */
function tidy(s: string): string {
  return s.replace('.', '');
}
