import { defineWidget } from '../../src/kit';
import { rankModel } from './model';
import { RankOptions } from './schema';
import { paintRank } from './paint';

export const rank = defineWidget({
  name: 'rank',
  schema: RankOptions,
  family: (opts) => opts.by,
  model: (input) => rankModel(input),
  view: (m, p) => paintRank(m, p),
});
