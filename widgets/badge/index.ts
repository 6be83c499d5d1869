import { defineWidget } from '../../src/kit';
import { badgeModel } from './model';
import { BadgeOptions } from './schema';
import { paintBadge } from './paint';

export const badge = defineWidget({
  name: 'badge',
  schema: BadgeOptions,
  model: (input) => badgeModel(input),
  view: (m, p) => paintBadge(m, p),
});
