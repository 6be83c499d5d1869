import { z } from 'zod';
import { CardOptions, monthsParam } from '../../src/kit';

export const SocialOptions = CardOptions.extend({
  months: monthsParam(48),
  chart: z.enum(['line', 'area']).default('area'),
});
export type SocialOptions = z.output<typeof SocialOptions>;
