import { cardModel, type LoadedCard } from '../card';
import type { CardOptions } from '../card/options';
import type { Explore } from '../kit/explore';
import type { CardModel } from '../kit/widget';
import { WIDTH } from '../limits';
import { labelsOf, type Point, type StoredSeries } from '../series/schema';

/** What a page (embed page, gallery, oEmbed) knows of one card: its spec, data and model, flattened. */
export interface PageCard extends CardModel {
  card: LoadedCard;
  brand: string;
  series: string;
  widget: string;
  /** The caller's card options, as given (schema keys only, empties dropped), and `v` when pinned. */
  params: URLSearchParams;
  opts: CardOptions;
  pin?: string;
  /** The path's series, and its title in the card's language. */
  stored: StoredSeries;
  seriesTitle: string;
  latest: Point;
  /** The same card laid out for narrow frames, when the caller did not fix a width. */
  compact: { width: number; height: number; explore?: Explore } | null;
  /** The card fills its frame's width (small cards, badges, keep their own size instead). */
  fill: boolean;
}

/** A loaded card's model, and its compact layout when the widget has one the caller did not rule out. */
export function pageCard(card: LoadedCard, brand: string, registryKeys: readonly string[]): PageCard {
  const { spec } = card;
  const model = cardModel(card, brand);
  const stored = card.stored[0]!;
  const narrowable = !spec.params.has('width') && registryKeys.includes('width') && model.width >= WIDTH.compactBelow;
  const compact = narrowable ? cardModel(card, brand, { width: WIDTH.compact }) : null;
  const points = stored.series.points.filter((p) => !spec.opts.as_of || p.period <= spec.opts.as_of);
  return {
    ...model,
    card,
    brand,
    series: spec.series[0]!,
    widget: spec.widget.name,
    params: spec.params,
    opts: spec.opts,
    ...(spec.pin ? { pin: spec.pin } : {}),
    stored,
    seriesTitle: labelsOf(stored.series, spec.opts.lang).title,
    latest: points.at(-1)!,
    compact: compact && {
      width: compact.width,
      height: compact.height,
      ...(compact.explore ? { explore: compact.explore } : {}),
    },
    fill: model.width >= WIDTH.min,
  };
}
