import { defineWidget } from '../../src/kit';
import { trendModel } from './model';
import { TrendOptions } from './schema';
import { paintTrend } from './paint';

export const trend = defineWidget({
  name: 'trend',
  schema: TrendOptions,
  model: (input) => trendModel(input),
  view: (m, p) => paintTrend(m, p),
});
