import { NotFound, seriesNotFound } from '../errors';
import { computeFacts, cutAt } from '../series/facts';
import { labelsOf, type StoredSeries } from '../series/schema';
import { readSeries, readVersion, versionNotFound } from '../series/store';
import type { CardSeries } from '../kit/widget';
import type { CardSpec } from './spec';

/** A spec with its data read: every series it names, in the spec's order (the path's series first). */
export interface LoadedCard {
  spec: CardSpec;
  stored: StoredSeries[];
}

/**
 * Reads every series the card names from KV, each under the store's one deadline; a pinned card
 * reads its stored version. 404 for a series or version that does not exist.
 */
export async function loadCard(kv: KVNamespace, spec: CardSpec): Promise<LoadedCard> {
  const stored = await Promise.all(
    spec.series.map(async (id, i) => {
      if (i === 0 && spec.pin) {
        const s = await readVersion(kv, id, spec.pin);
        if (!s) throw versionNotFound(id, spec.pin);
        return s;
      }
      const s = await readSeries(kv, id, { cached: true });
      if (!s) throw seriesNotFound(id);
      return s;
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

/** The versions a card's bytes depend on, in spec order: what cache keys and ETags hang on. */
export const versionsOf = (card: LoadedCard): string[] => card.stored.map((s) => s.version);

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
