import { z } from 'zod';
import { CardOptions, eventsParam } from '../../src/kit';

export const TrendOptions = CardOptions.extend({
  /** `area` adds a faint fill under the line. */
  chart: z.enum(['line', 'area']).default('area'),
  /** A trend shows the policy events in its window unless told otherwise. */
  events: eventsParam('all'),
});
export type TrendOptions = z.output<typeof TrendOptions>;
