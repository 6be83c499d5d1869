/**
 * Cache tags: every cacheable response names every source it draws from, so a write can purge
 * exactly what it changed from Cloudflare's cache in front of the Worker (Workers Cache).
 */
export const tags = {
  /** Anything drawn from a series' current data (cards, pages, oEmbed, API). */
  series: (id: string): string => `series:${id}`,
  /** A response pinned to one stored version: it never changes, and is never purged by a write. */
  pinned: (id: string, version: string): string => `pin:${id}@${version}`,
  /** The policy-events document (the events API, and every card or page that draws events). */
  events: 'events',
  /** The catalog of series (the catalog API, the gallery). */
  catalog: 'catalog',
  /** Code, not data (embed.js): purged only by a deploy. */
  static: 'static',
};

/** The tags a write of these series must purge. */
export const writeTags = (ids: readonly string[]): string[] => [...new Set(ids)].map(tags.series).concat(tags.catalog);
