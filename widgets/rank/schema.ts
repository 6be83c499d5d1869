import { z } from 'zod';
import { CardOptions, Dimension, intParam } from '../../src/kit';

export const RankOptions = CardOptions.extend({
  /** Which breakdown of the path series to rank: its members are read from the catalog. */
  by: Dimension.default('cit'),
  /** `month`: the family's latest month; `fytd`: its fiscal year to that month. */
  period: z.enum(['month', 'fytd']).default('month'),
  /** Bars shown; members past them are summed as "all others". */
  top: intParam(3, 12).default(8),
});
export type RankOptions = z.output<typeof RankOptions>;
