/**
 * One module owns "a card": a request becomes a spec once (`cardSpec`), the spec's series are read
 * under the one KV deadline (`loadCard`), then the widget's model gives words, size and table
 * (`cardModel`) and, for images only, its view becomes bytes (`cardBytes`). Image routes, embed
 * pages, oEmbed and the gallery all go through here.
 */
export { cardBytes, cardModel } from './build';
export { cardFrom, expandFamily, loadCard, resolveCard, type LoadedCard } from './load';
export { createRegistry, type Registry } from './registry';
export { canonicalQuery, cardSpec, parseSeriesId, parseVersionId, type CardSpec, type Output } from './spec';
