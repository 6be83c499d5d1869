import { z } from 'zod';

/** Calendar month, `YYYY-MM`. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period must be YYYY-MM');
export type Period = z.infer<typeof Period>;

/** Lower-case slug; the only ids that ever reach a KV key or a URL. */
export const SeriesId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'series id must be lower-case letters, digits and single hyphens');

export const Point = z
  .object({
    period: Period,
    value: z.number().finite().nonnegative(),
    /** Release key(s) the value comes from (see `source.references`). */
    src: z.string().max(200).optional(),
    /** Set when the value is not exact as published, e.g. `derived (cross-vintage)`. */
    status: z.string().max(60).optional(),
  })
  .strict();
export type Point = z.infer<typeof Point>;

export const Source = z
  .object({
    name: z.string().min(1).max(120),
    url: z.url({ protocol: /^https?$/ }).max(500),
    /** The release ("vintage") these numbers come from, e.g. "Aug 2026 update". */
    release: z.string().min(1).max(120),
    references: z.record(z.string().max(20), z.string().max(300)).optional(),
  })
  .strict();

export const Series = z
  .object({
    id: SeriesId,
    title: z.string().min(1).max(120),
    unit: z.string().min(1).max(40),
    frequency: z.literal('monthly'),
    source: Source,
    notes: z.string().max(2000).optional(),
    points: z.array(Point).min(1).max(2400),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (let i = 1; i < s.points.length; i++) {
      if (s.points[i]!.period <= s.points[i - 1]!.period) {
        ctx.addIssue({
          code: 'custom',
          path: ['points', i, 'period'],
          message: `periods must be strictly increasing (${s.points[i - 1]!.period} then ${s.points[i]!.period})`,
        });
        return;
      }
    }
  });
export type Series = z.infer<typeof Series>;

/** What one KV value holds: a series and the version facts caches and ETags hang on. */
export const StoredSeries = z
  .object({
    version: z.string().regex(/^\d{6}-[0-9a-f]{12}$/),
    writtenAt: z.iso.datetime(),
    vintage: z.string().min(1).max(120),
    /** Set on a version made by restoring an earlier one: the version whose content it carries. */
    restoredFrom: z
      .string()
      .regex(/^\d{6}-[0-9a-f]{12}$/)
      .optional(),
    series: Series,
  })
  .strict();
export type StoredSeries = z.infer<typeof StoredSeries>;
