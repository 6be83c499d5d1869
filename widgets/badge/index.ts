import { defineWidget } from '../../src/kit';
import { badgeModel } from './model';
import { BadgeOptions } from './schema';
import { BadgeView } from './view';

export const badge = defineWidget({
  name: 'badge',
  schema: BadgeOptions,
  // A dozen glyphs: as paths the badge is ~20 KB, with the embedded font ~65 KB.
  svgText: 'paths',
  model: (input) => badgeModel(input),
  view: (m, p) => BadgeView({ m, p }),
});
