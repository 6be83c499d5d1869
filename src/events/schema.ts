import { z } from 'zod';
import { Line, Text, VersionId } from '../series/schema';

/**
 * Policy events and data notes that explain a chart: what happened, when, and who says so. They
 * are one versioned document, written through the writer like a series (same auth, conditions,
 * versions and restore), so a card pinned to a version can be pinned to the events it showed.
 */

/** A calendar date, `YYYY-MM-DD`, in U.S. Eastern time as the sources give it. */
const Day = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a real calendar date');

const Words = z.object({ en: Line(1, 80), es: Line(1, 80) }).strict();
const Description = z.object({ en: Text(600).pipe(z.string().min(1)), es: Text(600).pipe(z.string().min(1)) }).strict();

const EventKind = z.enum(['policy', 'data-note']);

export const PolicyEvent = z
  .object({
    /** Lower-case slug, unique in the document; what `events=<id,…>` names. */
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'event id must be lower-case letters, digits and single hyphens'),
    start: Day,
    /** The last day of a range (inclusive); absent for a single day. */
    end: Day.optional(),
    kind: EventKind,
    /** Short label drawn on a card (a few words). */
    label: Words,
    description: Description,
    source: z.object({ name: Line(1, 300), url: z.url({ protocol: /^https$/ }).max(500) }).strict(),
    /** The citation as published (Federal Register page and document number, or what stands in for one). */
    citation: Text(600).pipe(z.string().min(1)),
    /** The documents each date was checked against, as given by whoever checked it. */
    verifiedFrom: Text(2000).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.end !== undefined && e.end <= e.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: `end (${e.end}) must be after start (${e.start})` });
  });
export type PolicyEvent = z.infer<typeof PolicyEvent>;

export const EventsDoc = z
  .object({
    /** Events in date order (start, then id); ids unique. */
    events: z.array(PolicyEvent).max(500),
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.events.forEach((e, i) => {
      if (seen.has(e.id))
        ctx.addIssue({ code: 'custom', path: ['events', i, 'id'], message: `"${e.id}" is given twice` });
      seen.add(e.id);
      const prev = d.events[i - 1];
      if (prev && (prev.start > e.start || (prev.start === e.start && prev.id > e.id)))
        ctx.addIssue({
          code: 'custom',
          path: ['events', i],
          message: `events must be in date order, then by id ("${prev.id}" comes before "${e.id}")`,
        });
    });
  });
export type EventsDoc = z.infer<typeof EventsDoc>;

/** One stored version of the events document. */
export const StoredEvents = z
  .object({
    version: VersionId,
    writtenAt: z.iso.datetime(),
    /** What this version is, in the editor's words (default: the number of events). */
    vintage: Line(1, 120),
    restoredFrom: VersionId.optional(),
    gen: z.number().int().positive(),
    doc: EventsDoc,
  })
  .strict();
export type StoredEvents = z.infer<typeof StoredEvents>;

/** A version of the events document without its events: its history. */
export const EventsVersionInfo = z
  .object({
    version: VersionId,
    writtenAt: z.iso.datetime(),
    vintage: Line(1, 120),
    events: z.number().int().nonnegative(),
    restoredFrom: VersionId.optional(),
    gen: z.number().int().positive(),
  })
  .strict();
export type EventsVersionInfo = z.infer<typeof EventsVersionInfo>;

export const EventsHistory = z.object({ current: VersionId.nullable(), versions: z.array(EventsVersionInfo) }).strict();
export type EventsHistory = z.infer<typeof EventsHistory>;
