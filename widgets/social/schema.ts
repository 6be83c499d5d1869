import { z } from 'zod';
import { CardOptions, intParam } from '../../src/render/options';

export const SocialOptions = CardOptions.extend({
  months: intParam(3, 240).default(48),
  chart: z.enum(['line', 'area']).default('area'),
});
export type SocialOptions = z.output<typeof SocialOptions>;
