import { defineWidget } from '../../src/kit';
import { shareModel } from './model';
import { ShareOptions } from './schema';
import { paintShare } from './paint';

export const share = defineWidget({
  name: 'share',
  schema: ShareOptions,
  family: (opts) => opts.by,
  model: (input) => shareModel(input),
  view: (m, p) => paintShare(m, p),
});
