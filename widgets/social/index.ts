import type { Widget } from '../../src/render/widget';
import { trendModel } from '../trend/model';
import { TrendView } from '../trend/view';
import { SocialOptions } from './schema';

/** Open Graph / Twitter card size unless the PNG route asks for another preset. */
export const SOCIAL_FRAME = { width: 1200, height: 630 } as const;

/**
 * The share card: the trend layout on a fixed 1200×630 canvas, with the full headline (rank claim
 * and the change from a year earlier) as its deck, since a preview is read at a glance.
 */
export const social: Widget<SocialOptions> = {
  name: 'social',
  schema: SocialOptions,
  render(input, p) {
    const m = trendModel({ ...input, frame: input.frame ?? SOCIAL_FRAME }, { fullHeadline: true });
    return { element: TrendView({ m, p }), width: m.width, height: m.height, title: m.a11yTitle, desc: m.desc };
  },
};
