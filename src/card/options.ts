import { z } from 'zod';
import { MONTHS, WIDTH } from '../limits';
import { Period } from '../series/schema';

/** A decimal integer as a query string: no signs, exponents, spaces or leading junk. */
export const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** `abc`, `#ABC`, `aabbcc` → `#aabbcc`: one spelling per colour, so equivalent URLs share a cache entry. */
const hexColor = z
  .string()
  .regex(/^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as 1f5fa8 or #1f5fa8')
  .transform((hex) => {
    const h = hex.replace(/^#/, '').toLowerCase();
    return `#${h.length === 3 ? [...h].map((c) => c + c).join('') : h}`;
  });

/**
 * `events=all|none|<id>,<id>…`: which policy events a card shows (drawn on `trend` and `bars`,
 * named in every card's description). Ids are slugs; a list is deduplicated and sorted, so each
 * choice has one spelling (and one cache entry). Whether the ids exist is checked against the
 * events document when the card is loaded.
 */
export const eventsParam = (dflt: 'all' | 'none') =>
  z
    .string()
    .max(400)
    .regex(
      /^(all|none|[a-z0-9]+(-[a-z0-9]+)*(,[a-z0-9]+(-[a-z0-9]+)*){0,19})$/,
      'must be all, none, or event ids separated by commas (at most 20)',
    )
    .transform((v) => (v === 'all' || v === 'none' ? v : [...new Set(v.split(','))].sort().join(',')))
    .default(dflt);

/** The window a widget shows by default; widgets override the default, never the limits. */
export const monthsParam = (dflt: number) => intParam(MONTHS.min, MONTHS.max).default(dflt);

/**
 * Options every card takes. Defaults and limits live here and nowhere else; widgets extend this.
 * Unknown parameters are ignored (and left out of cache keys), so tracking parameters that CMSs
 * and social sites append never break an image. An empty value (`as_of=`) is an absent option:
 * the query layer drops it before any schema runs.
 */
export const CardOptions = z.object({
  theme: z.enum(['light', 'dark', 'auto']).default('light'),
  accent: hexColor.optional(),
  lang: z.enum(['en', 'es']).default('en'),
  months: monthsParam(36),
  // A month after this one has no data yet: refused rather than rendered (and cached) as the latest.
  as_of: Period.refine((p) => p <= new Date().toISOString().slice(0, 7), 'must not be in the future').optional(),
  width: intParam(WIDTH.min, WIDTH.max).default(WIDTH.default),
  /** `day`: each month's value divided by its days (a fiscal year's by the days it covers). */
  per: z.enum(['month', 'day']).default('month'),
  events: eventsParam('none'),
});
export type CardOptions = z.output<typeof CardOptions>;
