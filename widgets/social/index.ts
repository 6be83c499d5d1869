import { PNG_SIZES, defineWidget } from '../../src/kit';
import { trendModel } from '../trend/model';
import { paintTrend } from '../trend/paint';
import { SocialOptions } from './schema';

/** Open Graph / Twitter card size unless the PNG route asks for another preset. */
const SOCIAL_FRAME = { width: PNG_SIZES.og[0], height: PNG_SIZES.og[1] } as const;

/**
 * The share card: the trend layout on a fixed 1200×630 canvas, with the full headline (rank claim
 * and the change from a year earlier) as its deck, since a preview is read at a glance.
 */
export const social = defineWidget({
  name: 'social',
  schema: SocialOptions,
  model: (input) => trendModel({ ...input, frame: input.frame ?? SOCIAL_FRAME }, { fullHeadline: true }),
  view: (m, p) => paintTrend(m, p),
});
