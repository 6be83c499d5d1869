import type { CardOptions } from '../src/render/options';
import type { Widget } from '../src/render/widget';
import { trend } from './trend';

/** Every widget the service serves, by URL name. A new widget is one folder plus one line here. */
export const widgets: Record<string, Widget<CardOptions>> = {
  trend: trend as unknown as Widget<CardOptions>,
};
