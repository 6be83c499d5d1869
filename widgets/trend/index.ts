import type { Widget } from '../../src/render/widget';
import { trendModel } from './model';
import { TrendOptions } from './schema';
import { TrendView } from './view';

export const trend: Widget<TrendOptions> = {
  name: 'trend',
  schema: TrendOptions,
  render(input, p) {
    const m = trendModel(input);
    return { element: TrendView({ m, p }), width: m.width, height: m.height, title: m.a11yTitle, desc: m.desc };
  },
};
