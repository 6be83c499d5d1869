import { z } from 'zod';
import { CardOptions, monthsParam } from '../../src/kit';

export const StatOptions = CardOptions.extend({
  /** Months in the sparkline. */
  months: monthsParam(24),
});
export type StatOptions = z.output<typeof StatOptions>;
