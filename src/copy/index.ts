import { en } from './en';
import { es } from './es';
import { format } from './format';
import type { Plural } from './plural';

/**
 * One copy catalogue per language (`en.ts`, `es.ts`): every word a card, an embed page or a
 * generated sentence says, and the number and date formats behind them. Cards, pages, oEmbed and
 * the gallery read words only from here.
 */
export type { Lang } from './format';
import type { Lang } from './format';
export type Copy = typeof en;
export type { Plural };

export const copy: Record<Lang, Copy> = { en, es };

/** The form of `word` for `n`: English and Spanish both say "1 month", "0 months", "11 months". */
export function plural(_lang: Lang, n: number, word: Plural): string {
  return (n === 1 ? word.one : undefined) ?? word.other;
}

/** Numbers and dates in each language's formats (src/copy/format.ts: no Intl, same output). */
export const fmt = {
  /** 12,242 (es-US too) */
  number: (_lang: Lang, n: number): string => format.number(n),
  /** A per-day rate: 95.4 below 100, 1,204 above */
  rate: (_lang: Lang, n: number): string => format.rate(n),
  /** 50K / 1.2M (axis ticks, badges); es-US "50 K" */
  compact: (lang: Lang, n: number): string => format.compact(lang, n),
  /** −4.6% / +12% with a real minus sign */
  pct: (_lang: Lang, ratio: number): string => format.percent(ratio, true),
  /** 84% without sign, for phrases that say the direction in words */
  pctAbs: (_lang: Lang, ratio: number): string => format.percent(Math.abs(ratio), false),
  /** Aug 2026 / ago 2026 */
  month: (lang: Lang, period: string): string => format.month(lang, period),
  /** August 2026 / agosto de 2026 */
  monthLong: (lang: Lang, period: string): string => format.monthLong(lang, period),
  year: (period: string): string => period.slice(0, 4),
  /** June 5, 2024 / 5 de junio de 2024 (a date YYYY-MM-DD) */
  day: (lang: Lang, date: string): string => format.day(lang, date),
  /** November / noviembre (month 1..12) */
  monthName: (lang: Lang, month: number): string => format.monthName(lang, month),
};
