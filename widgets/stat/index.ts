import { defineWidget } from '../../src/kit';
import { statModel } from './model';
import { StatOptions } from './schema';
import { StatView } from './view';

export const stat = defineWidget({
  name: 'stat',
  schema: StatOptions,
  model: (input) => statModel(input),
  view: (m, p) => StatView({ m, p }),
});
