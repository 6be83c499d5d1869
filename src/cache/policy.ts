/**
 * The one table of HTTP cache lifetimes, per kind of output. Every public response takes its
 * Cache-Control from here (`cacheControl(kind, pin)`).
 *
 * Freshness rule: a new data version must reach readers within a minute without a purge. KV reads
 * are edge-cached for 30 s (KV_CACHE_TTL), so version-less URLs get max-age 30: a reader's browser or
 * a newsroom CDN sees a new version at most 30 s (KV) + 30 s (max-age) after the write.
 * `stale-while-revalidate` lets those caches answer instantly once more while they refetch.
 *
 * Pins: `as_of=YYYY-MM` fixes which months a card shows, but CBP revises old months, so the values
 * behind an as_of card can still change: such URLs are cached long (an hour) but not forever. Only a
 * `v=<version>` pin names immutable bytes (stored versions are never rewritten), so only those are
 * `immutable`.
 */
export type CacheKind =
  'svg' | 'png' | 'json' | 'csv' | 'atom' | 'embed' | 'script' | 'oembed' | 'html' | 'error' | 'stale';
export type Pin = 'none' | 'as_of' | 'version';

interface Life {
  maxAge: number;
  sMaxAge: number;
  swr: number;
  /** Downstream caches may serve a stale copy this long when we fail (RFC 5861). */
  sie?: number;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const YEAR = 365 * DAY;

/** version-less URLs: fresh within a minute of a new data version. */
const LIVE: Life = { maxAge: 30, sMaxAge: 30, swr: 30, sie: DAY };

export const CACHE_TABLE: Record<CacheKind, Life> = {
  svg: LIVE,
  png: LIVE,
  json: LIVE,
  csv: LIVE,
  /** Feed readers poll; a new version purges the edge copy. */
  atom: LIVE,
  embed: LIVE,
  /** Its title names the latest month: as fresh as the card it embeds. */
  oembed: LIVE,
  /** embed.js has no versioned URL to bust; an hour keeps a fix reaching pages the same day. */
  script: { maxAge: HOUR, sMaxAge: DAY, swr: DAY },
  html: { maxAge: MINUTE, sMaxAge: MINUTE, swr: MINUTE },
  /** Errors are short so a fixed problem disappears quickly, yet a spike of bad URLs is absorbed. */
  error: { maxAge: 10, sMaxAge: 10, swr: 0 },
  /** A stale render served because KV failed: let caches retry soon. */
  stale: { maxAge: 10, sMaxAge: 10, swr: 0 },
};

/** `as_of` pins the months shown, not the values (CBP revises): cached an hour, revalidated for a day. */
const AS_OF: Life = { maxAge: HOUR, sMaxAge: HOUR, swr: DAY, sie: DAY };

const PINNABLE = new Set<CacheKind>(['svg', 'png', 'json', 'csv', 'embed']);

export function cacheControl(kind: CacheKind, pin: Pin = 'none'): string {
  if (PINNABLE.has(kind) && pin === 'version') return `public, max-age=${YEAR}, s-maxage=${YEAR}, immutable`;
  const l = PINNABLE.has(kind) && pin === 'as_of' ? AS_OF : CACHE_TABLE[kind];
  const parts = ['public', `max-age=${l.maxAge}`, `s-maxage=${l.sMaxAge}`];
  if (l.swr) parts.push(`stale-while-revalidate=${l.swr}`);
  if (l.sie) parts.push(`stale-if-error=${l.sie}`);
  return parts.join(', ');
}

/**
 * How long Cloudflare's cache in front of the Worker (Workers Cache) keeps a response, apart from
 * what browsers and other caches are told: long, because every write purges the tags it affects.
 * Stored versions never change; errors and stale answers are not kept beyond their short life.
 */
function edgeLife(kind: CacheKind, pin: Pin): number | null {
  if (PINNABLE.has(kind) && pin === 'version') return YEAR;
  if (kind === 'error' || kind === 'stale') return null;
  return DAY;
}

/**
 * Every cache header of a response: `Cache-Control` for browsers and other caches (short for live
 * data), `Cloudflare-CDN-Cache-Control` for Cloudflare's edge (long, purged on write), and
 * `Cache-Tag` naming the sources it draws from (src/cache/tags.ts).
 */
export function cacheHeaders(kind: CacheKind, pin: Pin, cacheTags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = { 'Cache-Control': cacheControl(kind, pin) };
  const edge = edgeLife(kind, pin);
  if (edge) out['Cloudflare-CDN-Cache-Control'] = `public, max-age=${edge}${pin === 'version' ? ', immutable' : ''}`;
  if (cacheTags.length) out['Cache-Tag'] = cacheTags.join(',');
  return out;
}

/** Which pin a query carries: a version pin wins over as_of. */
export function pinOf(q: { v?: string | undefined; as_of?: string | undefined }): Pin {
  return q.v ? 'version' : q.as_of ? 'as_of' : 'none';
}
