import { z } from 'zod';
import { CardOptions } from '../../src/kit';

export const BadgeOptions = CardOptions.extend({
  /**
   * Accepted so that existing URLs keep working, and ignored: a card under our domain prints only
   * stored words, so the badge's label is the series' own short label in the card's language.
   */
  label: z
    .string()
    .optional()
    .transform(() => undefined),
});
export type BadgeOptions = z.output<typeof BadgeOptions>;
