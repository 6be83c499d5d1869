import type { Widget } from '../../src/render/widget';
import { barsModel } from './model';
import { BarsOptions } from './schema';
import { BarsView } from './view';

export const bars: Widget<BarsOptions> = {
  name: 'bars',
  schema: BarsOptions,
  render(input, p) {
    const m = barsModel(input);
    return { element: BarsView({ m, p }), width: m.width, height: m.height, title: m.a11yTitle, desc: m.desc };
  },
};
