import { defineWidget } from '../../src/kit';
import { compareModel } from './model';
import { CompareOptions } from './schema';
import { paintCompare } from './paint';

export const compare = defineWidget({
  name: 'compare',
  schema: CompareOptions,
  reads: (opts) => opts.with ?? [],
  model: (input) => compareModel(input),
  view: (m, p) => paintCompare(m, p),
});
