import type { CardOptions } from '../src/render/options';
import type { Widget } from '../src/render/widget';
import { badge } from './badge';
import { bars } from './bars';
import { social } from './social';
import { stat } from './stat';
import { trend } from './trend';

/** Every widget the service serves, by URL name. A new widget is one folder plus one line here. */
export const widgets: Record<string, Widget<CardOptions>> = {
  trend: trend as unknown as Widget<CardOptions>,
  stat: stat as unknown as Widget<CardOptions>,
  bars: bars as unknown as Widget<CardOptions>,
  badge: badge as unknown as Widget<CardOptions>,
  social: social as unknown as Widget<CardOptions>,
};
