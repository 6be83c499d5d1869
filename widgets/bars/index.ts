import { defineWidget } from '../../src/kit';
import { barsModel } from './model';
import { BarsOptions } from './schema';
import { paintBars } from './paint';

export const bars = defineWidget({
  name: 'bars',
  schema: BarsOptions,
  model: (input) => barsModel(input),
  view: (m, p) => paintBars(m, p),
});
