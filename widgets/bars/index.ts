import { defineWidget } from '../../src/kit';
import { barsModel } from './model';
import { BarsOptions } from './schema';
import { BarsView } from './view';

export const bars = defineWidget({
  name: 'bars',
  schema: BarsOptions,
  model: (input) => barsModel(input),
  view: (m, p) => BarsView({ m, p }),
});
