import { z } from 'zod';
import { CardOptions } from '../../src/kit';

export const BarsOptions = CardOptions.extend({
  /** `fy`: one bar per U.S. fiscal year (Oct–Sep), the running one marked year to date; `monthly`: the window's months. */
  by: z.enum(['fy', 'monthly']).default('fy'),
});
export type BarsOptions = z.output<typeof BarsOptions>;
