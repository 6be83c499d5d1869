import { z } from 'zod';
import { CardOptions } from '../../src/kit';

export const TrendOptions = CardOptions.extend({
  /** `area` adds a faint fill under the line. */
  chart: z.enum(['line', 'area']).default('area'),
});
export type TrendOptions = z.output<typeof TrendOptions>;
