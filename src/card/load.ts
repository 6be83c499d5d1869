import { NotFound, seriesNotFound } from '../errors';
import { computeFacts, cutAt } from '../series/facts';
import { labelsOf, type StoredSeries } from '../series/schema';
import { keys } from '../series/keys';
import { StoreUnavailable, currentVersions, readVersion, versionNotFound } from '../series/store';
import type { CardSeries } from '../kit/widget';
import type { CardSpec } from './spec';

/** A spec with its data read: every series it names, in the spec's order (the path's series first). */
export interface LoadedCard {
  spec: CardSpec;
  stored: StoredSeries[];
}

/**
 * The versions a card's bytes depend on, in the spec's order: one read of the head (the hot path's
 * only KV read; a pinned card names its own). 404 for a series that is not current.
 */
export async function resolveCard(kv: KVNamespace, spec: CardSpec): Promise<string[]> {
  const current = await currentVersions(kv, spec.pin ? spec.series.slice(1) : spec.series);
  return spec.series.map((id, i) => {
    if (i === 0 && spec.pin) return spec.pin;
    const v = current.get(id);
    if (!v) throw seriesNotFound(id);
    return v;
  });
}

/** Reads the versions `resolveCard` named (immutable, cached long) and checks the card can be drawn. */
export async function loadCard(kv: KVNamespace, spec: CardSpec, versions?: readonly string[]): Promise<LoadedCard> {
  const vs = versions ?? (await resolveCard(kv, spec));
  const stored = await Promise.all(
    spec.series.map(async (id, i) => {
      const s = await readVersion(kv, id, vs[i]!);
      if (s) return s;
      if (i === 0 && spec.pin) throw versionNotFound(id, spec.pin);
      throw new StoreUnavailable(keys.version(id, vs[i]!), 'the current version is not readable here yet');
    }),
  );
  return assemble(spec, stored);
}

/**
 * A card from series already in hand (the gallery reads every series once, not once per card);
 * `find` answers by id. The same checks as `loadCard`.
 */
export function cardFrom(spec: CardSpec, find: (id: string) => StoredSeries | undefined): LoadedCard {
  return assemble(
    spec,
    spec.series.map((id) => find(id) ?? throwNotFound(id)),
  );
}

const throwNotFound = (id: string): never => {
  throw seriesNotFound(id);
};

/** Every series must reach back to as_of, or the card would show nothing for one of them. */
function assemble(spec: CardSpec, stored: StoredSeries[]): LoadedCard {
  const asOf = spec.opts.as_of;
  for (const s of stored)
    if (asOf && s.series.points[0]!.period > asOf)
      throw new NotFound(
        'No data for that month',
        `"${s.series.id}" starts in ${s.series.points[0]!.period}; as_of=${asOf} is earlier.`,
      );
  return { spec, stored };
}

/** One series as a widget sees it: cut at as_of, with its facts and its words in the card's language. */
export function cardSeries(stored: StoredSeries, spec: CardSpec): CardSeries {
  const points = cutAt(stored.series.points, spec.opts.as_of);
  return {
    id: stored.series.id,
    stored,
    ...labelsOf(stored.series, spec.opts.lang),
    points,
    facts: computeFacts(points),
  };
}
