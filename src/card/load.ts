import { Invalid, NotFound, seriesNotFound } from '../errors';
import type { PolicyEvent } from '../events/schema';
import { eventsVersionAt, readEventsVersion } from '../events/store';
import { computeFacts, cutAt, type Facts } from '../series/facts';
import { labelsOf, type Point, type StoredSeries } from '../series/schema';
import { keys } from '../series/keys';
import {
  StoreUnavailable,
  headVersions,
  readCatalog,
  readVersion,
  versionAtGen,
  versionNotFound,
} from '../series/store';
import { copy, fmt, type Lang } from '../copy';
import type { CardEvent, CardSeries } from '../kit/widget';
import type { CardSpec } from './spec';

/** A spec with its data read: every series it names, in the spec's order (the path's series first). */
export interface LoadedCard {
  spec: CardSpec;
  stored: StoredSeries[];
  /** The spec's context series that exist (for computed caveats), in the spec's order. */
  context: StoredSeries[];
  /** The policy events the card shows, from the events version it resolved to; empty when none. */
  events: PolicyEvent[];
}

/** Stands in the versions list for a context series or events document that does not exist. */
const NONE = '000000-000000000000';

/**
 * The versions a card's bytes depend on, in this order: the spec's series, its context series
 * (NONE where absent), then the events document when the card reads it. Live cards: one read of
 * the head (the hot path's only KV read). A `v=` pin names its series' version; the others are
 * taken as they were at that version's commit, so a pinned card never gains or loses data,
 * context or events.
 */
export async function resolveCard(kv: KVNamespace, spec: CardSpec): Promise<string[]> {
  if (spec.family && spec.series.length === 1) expandFamily(spec, (await readCatalog(kv))?.series ?? []);
  const ids = [...(spec.pin ? spec.series.slice(1) : spec.series), ...(spec.pin ? [] : spec.context)];
  const head = await headVersions(kv, ids);
  const series = spec.series.map((id, i) => {
    if (i === 0 && spec.pin) return spec.pin;
    const v = head.series.get(id);
    if (!v) throw seriesNotFound(id);
    return v;
  });
  if (!spec.pin)
    return [
      ...series,
      ...spec.context.map((id) => head.series.get(id) ?? NONE),
      ...(spec.events ? [head.events ?? NONE] : []),
    ];
  // Pinned: the commit that made the pinned version, and what was current then.
  const pinned = await readVersion(kv, spec.series[0]!, spec.pin);
  if (!pinned) throw versionNotFound(spec.series[0]!, spec.pin);
  const gen = pinned.gen;
  // The other series as they were at that commit too: a pinned comparison or breakdown never moves.
  if (gen) {
    const at = await Promise.all(spec.series.slice(1).map((id) => versionAtGen(kv, id, gen)));
    // A breakdown member written after the pin did not exist for it; a compared series must have.
    const keep = spec.series.slice(1).map((id, i) => ({ id, v: at[i] ?? null }));
    if (!spec.family) for (const k of keep) if (!k.v) throw seriesNotFound(k.id);
    const present = keep.filter((k): k is { id: string; v: string } => k.v !== null);
    spec.series = [spec.series[0]!, ...present.map((k) => k.id)];
    series.splice(1, series.length - 1, ...present.map((k) => k.v));
  }
  const context = await Promise.all(
    spec.context.map(async (id) => (gen ? await versionAtGen(kv, id, gen) : head.series.get(id)) ?? NONE),
  );
  const events = spec.events ? [(gen ? await eventsVersionAt(kv, gen) : head.events) ?? NONE] : [];
  return [...series, ...context, ...events];
}

/**
 * A breakdown card's members: every catalog entry whose parent is the path series and whose
 * dimension is the widget's, by id, appended to the spec's series. 404 when there are none.
 */
export function expandFamily(
  spec: CardSpec,
  entries: ReadonlyArray<{ id: string; parent?: string; dimension?: string }>,
): void {
  const parent = spec.series[0]!;
  const members = entries
    .filter((e) => e.parent === parent && e.dimension === spec.family)
    .map((e) => e.id)
    .sort();
  if (!members.length)
    throw new NotFound(
      'No such breakdown',
      `"${parent}" has no "${spec.family}" breakdown; see /api/v1/series?parent=${parent} for its families.`,
    );
  spec.series = [parent, ...members];
}

/** Reads the versions `resolveCard` named (immutable, cached long) and checks the card can be drawn. */
export async function loadCard(kv: KVNamespace, spec: CardSpec, versions?: readonly string[]): Promise<LoadedCard> {
  const vs = versions ?? (await resolveCard(kv, spec));
  const n = spec.series.length;
  const stored = await Promise.all(
    spec.series.map(async (id, i) => {
      const s = await readVersion(kv, id, vs[i]!);
      if (s) return s;
      if (i === 0 && spec.pin) throw versionNotFound(id, spec.pin);
      throw new StoreUnavailable(keys.version(id, vs[i]!), 'the current version is not readable here yet');
    }),
  );
  const context = (
    await Promise.all(
      spec.context.map((id, i) => (vs[n + i] === NONE ? null : readVersion(kv, id, vs[n + i]!).catch(() => null))),
    )
  ).filter((s): s is StoredSeries => s !== null);
  const ev = spec.events ? vs[n + spec.context.length] : undefined;
  const doc = ev && ev !== NONE ? await readEventsVersion(kv, ev) : null;
  return assemble(spec, stored, context, doc?.doc.events ?? []);
}

/**
 * A card from data already in hand (the gallery reads the catalog once, not every card); `find`
 * answers by id. The same checks as `loadCard`.
 */
export function cardFrom(
  spec: CardSpec,
  find: (id: string) => StoredSeries | undefined,
  events: readonly PolicyEvent[] = [],
): LoadedCard {
  return assemble(
    spec,
    spec.series.map((id) => find(id) ?? throwNotFound(id)),
    spec.context.map(find).filter((s): s is StoredSeries => s !== undefined),
    spec.events ? events : [],
  );
}

const throwNotFound = (id: string): never => {
  throw seriesNotFound(id);
};

/**
 * Every series must reach back to as_of, or the card would show nothing for one of them; an
 * `events=` list must name events that exist.
 */
function assemble(
  spec: CardSpec,
  stored: StoredSeries[],
  context: StoredSeries[],
  all: readonly PolicyEvent[],
): LoadedCard {
  const asOf = spec.opts.as_of;
  for (const s of stored)
    if (asOf && s.series.points[0]!.period > asOf)
      throw new NotFound(
        'No data for that month',
        `"${s.series.id}" starts in ${s.series.points[0]!.period}; as_of=${asOf} is earlier.`,
      );
  const choice = spec.opts.events;
  let events: PolicyEvent[] = [];
  if (choice === 'all') events = [...all];
  else if (choice !== 'none') {
    const ids = choice.split(',');
    const missing = ids.filter((id) => !all.some((e) => e.id === id));
    if (missing.length)
      throw new Invalid(
        'Invalid option',
        `events: no event ${missing.map((m) => `"${m}"`).join(', ')} (see /api/v1/events for their ids).`,
      );
    events = all.filter((e) => ids.includes(e.id));
  }
  return { spec, stored, context, events };
}

/** Days in a calendar month (`2024-02` → 29). */
export const daysIn = (period: string): number =>
  new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).getUTCDate();

/** Each month's value divided by its days. */
export const perDay = (points: readonly Point[]): Point[] =>
  points.map((p) => ({ ...p, value: p.value / daysIn(p.period) }));

/**
 * One series as a widget sees it: cut at as_of, in the measure the card shows (monthly totals, or
 * per day), with the other measure beside it, its facts, and its words in the card's language.
 */
export function cardSeries(stored: StoredSeries, spec: CardSpec): CardSeries {
  const { lang, per } = spec.opts;
  const t = copy[lang];
  const monthly = cutAt(stored.series.points, spec.opts.as_of);
  const daily = perDay(monthly);
  const points = per === 'day' ? daily : monthly;
  const alt = per === 'day' ? monthly : daily;
  const words = labelsOf(stored.series, lang);
  // Facts (ranks, records, changes) are computed when a widget first asks: a breakdown card reads
  // 20–50 members and uses none of their facts.
  let facts: Facts | undefined;
  let altFacts: Facts | undefined;
  return {
    id: stored.series.id,
    stored,
    title: per === 'day' ? t.perDayTitle(words.title) : words.title,
    short: per === 'day' ? `${words.short}, ${t.perDay}` : words.short,
    unit: per === 'day' ? `${words.unit}, ${t.perDay}` : words.unit,
    per,
    points,
    get facts() {
      return (facts ??= computeFacts(points));
    },
    monthly,
    alt: {
      per: per === 'day' ? 'month' : 'day',
      points: alt,
      get facts() {
        return (altFacts ??= computeFacts(alt));
      },
    },
    value: (v) => (per === 'day' ? fmt.rate(lang, v) : fmt.number(lang, v)),
  };
}

/** The month an event falls in (its date's month: axes are monthly). */
const monthOf = (day: string): string => day.slice(0, 7);

/** The events a card shows, in its language, placed at their months. */
export function cardEvents(events: readonly PolicyEvent[], lang: Lang): CardEvent[] {
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    start: e.start,
    ...(e.end ? { end: e.end, endMonth: monthOf(e.end) } : {}),
    month: monthOf(e.start),
    label: e.label[lang],
    description: e.description[lang],
    source: e.source,
    citation: e.citation,
  }));
}
