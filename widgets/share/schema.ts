import { CardOptions, Dimension } from '../../src/kit';
import type { z } from 'zod';

export const ShareOptions = CardOptions.extend({
  /** Which breakdown of the path series: its members are read from the catalog. */
  by: Dimension.default('demo'),
});
export type ShareOptions = z.output<typeof ShareOptions>;
