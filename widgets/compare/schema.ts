import { z } from 'zod';
import { CardOptions, SeriesId, monthsParam } from '../../src/kit';

/** `with=a,b`: one to four more series on the path series' time axis (2 to 5 lines in all). */
const withParam = z
  .string()
  .max(400)
  .transform((v) => [...new Set(v.split(','))])
  .pipe(z.array(SeriesId).min(1).max(4, 'at most 4 series (5 lines with the path’s own)'));

export const CompareOptions = CardOptions.extend({
  /**
   * The series to compare with. Without it, a total or a component is compared with its two
   * components (Border Patrol, ports of entry); any other series needs `with=`.
   */
  with: withParam.optional(),
  months: monthsParam(60),
});
export type CompareOptions = z.output<typeof CompareOptions>;
