import { defineWidget } from '../../src/kit';
import { mapModel } from './model';
import { MapOptions } from './schema';
import { paintMap } from './paint';

export const map = defineWidget({
  name: 'map',
  schema: MapOptions,
  family: (opts) => opts.by,
  model: (input) => mapModel(input),
  view: (m, p) => paintMap(m, p),
});
