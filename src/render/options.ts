import { z } from 'zod';
import { Period } from '../series/schema';

/** A decimal integer as a query string: no signs, exponents, spaces or leading junk. */
export const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const hexColor = z
  .string()
  .regex(/^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as 1f5fa8 or #1f5fa8');

/**
 * Options every card takes. Defaults and limits live here and nowhere else; widgets extend this.
 * Unknown parameters are ignored (and left out of cache keys), so tracking parameters that CMSs
 * and social sites append never break an image.
 */
export const CardOptions = z.object({
  theme: z.enum(['light', 'dark', 'auto']).default('light'),
  accent: hexColor.optional(),
  lang: z.enum(['en', 'es']).default('en'),
  months: intParam(3, 240).default(36),
  as_of: Period.optional(),
  width: intParam(320, 1200).default(640),
});
export type CardOptions = z.output<typeof CardOptions>;
