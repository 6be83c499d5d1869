import { z } from 'zod';
import type { Lang } from '../copy';
import { SERIES_ID_MAX, SERIES_ID_PATTERN, VALUE_MAX, VERSION_PATTERN } from '../limits';

/**
 * Characters no stored string may hold: C0 controls (tab, LF and CR only where a field is
 * multi-line), DEL, the non-characters U+FFFE/U+FFFF, and lone surrogates. Any of them makes an SVG
 * or XML document ill-formed, so they are refused here, on write and on import, and stripped again
 * on every output path (`xmlSafe`) as a second line of defence.
 */
// With the `u` flag a surrogate pair is one code point, so the surrogate range matches lone halves only.
const ILLEGAL_LINE = /[\u0000-\u001f\u007f\ufffe\uffff\ud800-\udfff]/u;
const ILLEGAL_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff\ud800-\udfff]/u;

/** One line of text (a title, a label, a release name): printable, no control characters. */
export const Line = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !ILLEGAL_LINE.test(s), 'must not contain control characters or invalid Unicode');
/** Free text that may span lines (notes). */
export const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !ILLEGAL_TEXT.test(s), 'must not contain control characters or invalid Unicode');

/** True when `s` holds nothing XML, SVG or a header could choke on (used by the importer too). */
export const isCleanLine = (s: string): boolean => !ILLEGAL_LINE.test(s);

/** Calendar month, `YYYY-MM`. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period must be YYYY-MM');
export type Period = z.infer<typeof Period>;

export const SeriesId = z
  .string()
  .min(1)
  .max(SERIES_ID_MAX)
  .regex(SERIES_ID_PATTERN, 'series id must be lower-case letters, digits and single hyphens');

export const VersionId = z.string().regex(VERSION_PATTERN, 'must be a version id such as 000003-0123456789ab');

export const Point = z
  .object({
    period: Period,
    /** Counts and rates; the cap keeps every sum over a series finite and exact. */
    value: z.number().finite().nonnegative().max(VALUE_MAX),
    /** Release key(s) the value comes from (see `source.references`). */
    src: Line(1, 200).optional(),
    /** Set when the value is not exact as published, e.g. `derived (cross-vintage)`. */
    status: Line(1, 60).optional(),
  })
  .strict();
export type Point = z.infer<typeof Point>;

const Source = z
  .object({
    name: Line(1, 120),
    url: z.url({ protocol: /^https?$/ }).max(500),
    /** The release ("vintage") these numbers come from, e.g. "Aug 2026 update". */
    release: Line(1, 120),
    references: z.record(Line(1, 20), Line(1, 300)).optional(),
  })
  .strict();

/** The words a series shows in one language: a title, a short label (badges) and its unit. */
const Labels = z
  .object({
    title: Line(1, 120),
    /** At most 32 characters: what a badge prints beside the value. */
    short: Line(1, 32).optional(),
    unit: Line(1, 40).optional(),
    /** The member's name in this language, where CBP's label is words (not for a state's code). */
    member: Line(1, 120).optional(),
  })
  .strict();

/**
 * How a breakdown splits its parent (see `parent` on a series): by component (Border Patrol, ports
 * of entry), demographic, citizenship, title of authority, encounter type, land border region,
 * state, or area of responsibility. The id pattern is `<scope>-<component>-<dimension>-<member>`.
 */
const DIMENSIONS = ['component', 'demo', 'cit', 'title', 'type', 'region', 'state', 'aor'] as const;
export const Dimension = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof Dimension>;

export const Series = z
  .object({
    id: SeriesId,
    /** English title; `i18n.es.title` is the Spanish one. */
    title: Line(1, 120),
    /** English short label for badges; the title when absent. */
    short: Line(1, 32).optional(),
    unit: Line(1, 40),
    frequency: z.literal('monthly'),
    source: Source,
    notes: Text(2000).optional(),
    /** Words in other languages. A language without them falls back to English. */
    i18n: z.object({ es: Labels.optional() }).strict().optional(),
    /**
     * A breakdown names the series its family adds up to (`parent`), what splits it (`dimension`)
     * and which part it is (`member`: CBP's own label, or the USPS code for a state). The members
     * of one (parent, dimension) family add up to the parent in each month of one release.
     */
    parent: SeriesId.optional(),
    dimension: Dimension.optional(),
    member: Line(1, 120).optional(),
    points: z.array(Point).min(1).max(2400),
  })
  .strict()
  .superRefine((s, ctx) => {
    const family = [s.parent, s.dimension, s.member].filter((v) => v !== undefined).length;
    if (family !== 0 && family !== 3)
      ctx.addIssue({ code: 'custom', path: ['parent'], message: 'parent, dimension and member go together' });
    if (s.parent === s.id)
      ctx.addIssue({ code: 'custom', path: ['parent'], message: 'a series is not its own parent' });
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
    version: VersionId,
    writtenAt: z.iso.datetime(),
    vintage: Line(1, 120),
    /** Set on a version made by restoring an earlier one: the version whose content it carries. */
    restoredFrom: VersionId.optional(),
    /** The writer's commit that made this version current (absent on versions from before the writer). */
    gen: z.number().int().positive().optional(),
    series: Series,
  })
  .strict();
export type StoredSeries = z.infer<typeof StoredSeries>;

/** A headline claim as stored in a history (its shape is `Claim` in src/series/headlines.ts). */
const StoredClaim = z.looseObject({ kind: z.enum(['record', 'sameMonth', 'since', 'yearAgo']) });

/** What a version changed (src/series/changes.ts), kept in the history, never in KV metadata. */
const VersionChangesZ = z
  .object({
    added: z.array(z.object({ period: Period, value: z.number() }).strict()),
    revised: z.array(z.object({ period: Period, from: z.number(), to: z.number() }).strict()),
    claims: z.array(
      z.object({ period: Period, before: StoredClaim.nullable(), after: StoredClaim.nullable() }).strict(),
    ),
  })
  .strict();

/** A version's facts without its data: the versions list and KV list metadata. */
export const VersionInfo = z
  .object({
    version: VersionId,
    writtenAt: z.iso.datetime(),
    vintage: Line(1, 120),
    points: z.number().int().positive(),
    first: Period,
    last: Period,
    restoredFrom: VersionId.optional(),
    gen: z.number().int().positive().optional(),
    /** In the history only: what this version changed from the one before it. */
    changes: VersionChangesZ.optional(),
  })
  .strict();
export type VersionInfo = z.infer<typeof VersionInfo>;

/** The head: the current version of every series, published by the writer as one document. */
export const Head = z
  .object({
    gen: z.number().int().positive(),
    at: z.iso.datetime(),
    series: z.record(SeriesId, VersionId),
    /** The current version of each document that is not a series (`events`). */
    docs: z.object({ events: VersionId.optional() }).strict().optional(),
  })
  .strict();
export type Head = z.infer<typeof Head>;

/** A series' history as the writer publishes it: every committed version, oldest first. */
export const History = z
  .object({
    id: SeriesId,
    current: VersionId.nullable(),
    versions: z.array(VersionInfo),
  })
  .strict();
export type History = z.infer<typeof History>;

/** One current series in the catalog: enough for the catalog API and the gallery without reading it. */
export const CatalogEntry = z
  .object({
    id: SeriesId,
    title: Line(1, 120),
    unit: Line(1, 40),
    release: Line(1, 120),
    version: VersionId,
    writtenAt: z.iso.datetime(),
    vintage: Line(1, 120),
    first: Period,
    latest: z.object({ period: Period, value: z.number() }).strict(),
    parent: SeriesId.optional(),
    dimension: Dimension.optional(),
    member: Line(1, 120).optional(),
    /** Spanish words, so a page can list series in Spanish from the catalog alone. */
    i18n: z
      .object({ es: z.object({ title: Line(1, 120), member: Line(1, 120).optional() }).strict() })
      .strict()
      .optional(),
  })
  .strict();
export type CatalogEntry = z.infer<typeof CatalogEntry>;
export const Catalog = z.object({ gen: z.number().int().positive(), series: z.array(CatalogEntry) }).strict();
export type Catalog = z.infer<typeof Catalog>;

/** A series' words in `lang`, falling back to English for whatever that language lacks. */
export function labelsOf(s: Series, lang: Lang): { title: string; short: string; unit: string } {
  const l = lang === 'en' ? undefined : s.i18n?.[lang];
  const title = l?.title ?? s.title;
  return { title, short: l?.short ?? (l?.title ? (l.short ?? title) : (s.short ?? title)), unit: l?.unit ?? s.unit };
}
