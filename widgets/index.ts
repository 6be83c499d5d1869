import type { CardOptions } from '../src/render/options';
import type { Widget } from '../src/render/widget';
import { badge } from './badge';
import { bars } from './bars';
import { social } from './social';
import { stat } from './stat';
import { trend } from './trend';

const any = <O extends CardOptions>(w: Widget<O>) => w as unknown as Widget<CardOptions>;

/**
 * Every widget the service serves, by URL name. A new widget is one folder plus one line here.
 * No prototype: a URL name such as `constructor` must find nothing, not an Object method.
 */
export const widgets: Record<string, Widget<CardOptions>> = Object.assign(
  Object.create(null) as Record<string, Widget<CardOptions>>,
  {
    trend: any(trend),
    stat: any(stat),
    bars: any(bars),
    badge: any(badge),
    social: any(social),
  },
);
