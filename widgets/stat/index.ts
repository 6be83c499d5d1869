import type { Widget } from '../../src/render/widget';
import { statModel } from './model';
import { StatOptions } from './schema';
import { StatView } from './view';

export const stat: Widget<StatOptions> = {
  name: 'stat',
  schema: StatOptions,
  render(input, p) {
    const m = statModel(input);
    return { element: StatView({ m, p }), width: m.width, height: m.height, title: m.a11yTitle, desc: m.desc };
  },
};
