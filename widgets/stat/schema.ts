import { z } from 'zod';
import { CardOptions, intParam } from '../../src/render/options';

export const StatOptions = CardOptions.extend({
  /** Months in the sparkline. */
  months: intParam(3, 240).default(24),
});
export type StatOptions = z.output<typeof StatOptions>;
