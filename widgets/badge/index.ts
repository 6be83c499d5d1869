import type { Widget } from '../../src/render/widget';
import { badgeModel } from './model';
import { BadgeOptions } from './schema';
import { BadgeView } from './view';

export const badge: Widget<BadgeOptions> = {
  name: 'badge',
  schema: BadgeOptions,
  // A dozen glyphs: as paths the badge is ~20 KB, with the embedded font ~65 KB.
  svgText: 'paths',
  render(input, p) {
    const m = badgeModel(input);
    return { element: BadgeView({ m, p }), width: m.width, height: m.height, title: m.a11yTitle, desc: m.desc };
  },
};
