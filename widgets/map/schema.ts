import { z } from 'zod';
import { CardOptions } from '../../src/kit';

export const MapOptions = CardOptions.extend({
  /** The only breakdown a map can draw. */
  by: z.literal('state', { error: 'by must be state: a map draws the state breakdown' }).default('state'),
  /** `month`: the family's latest month; `fytd`: its fiscal year to that month. */
  period: z.enum(['month', 'fytd']).default('month'),
});
export type MapOptions = z.output<typeof MapOptions>;
