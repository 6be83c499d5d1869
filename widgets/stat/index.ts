import { defineWidget } from '../../src/kit';
import { statModel } from './model';
import { StatOptions } from './schema';
import { paintStat } from './paint';

export const stat = defineWidget({
  name: 'stat',
  schema: StatOptions,
  model: (input) => statModel(input),
  view: (m, p) => paintStat(m, p),
});
