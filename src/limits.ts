/**
 * Every number that bounds a request, a card or a stored value, defined once. Schemas, routes,
 * pages and tests read them from here; nothing else spells them out.
 */

/** Card widths a caller may ask for; below `compactBelow` a card switches to its compact layout. */
export const WIDTH = { min: 320, max: 1200, default: 640, compactBelow: 480, compact: 360 } as const;

/** Fixed PNG canvases: Open Graph, X (Twitter) and square social previews. */
export const PNG_SIZES = { og: [1200, 630], x: [1200, 600], square: [1080, 1080] } as const;
export type PngSize = keyof typeof PNG_SIZES;
/** PNG pixel density. */
export const PNG_SCALE = { min: 1, max: 3 } as const;

/** Months a card may show. */
export const MONTHS = { min: 3, max: 240 } as const;

/** A stored version id: a six-digit write sequence and twelve hex digits of the content hash. */
export const VERSION_PATTERN = /^\d{6}-[0-9a-f]{12}$/;

/** Series ids: lower-case slugs; the only ids that ever reach a KV key or a URL. */
export const SERIES_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SERIES_ID_MAX = 64;

/**
 * The one KV deadline: a KV call that has not answered by then is treated as unavailable (503, or
 * the last good card), not waited on. Healthy edge-cached reads take about a millisecond.
 */
export const KV_DEADLINE_MS = 2000;
/** How long a KV read may be served from the edge's own cache; a new version shows within this. */
export const KV_CACHE_TTL = 30;

/** Caps that hold before any route schema runs; they bound the work one URL can cause. */
export const QUERY = {
  /** Query string length in bytes (as sent, still percent-encoded). */
  rawLength: 4000,
  /** Number of parameters, known or not (tracking parameters included). */
  params: 30,
  /** Length of a parameter name. */
  nameLength: 64,
  /** Length of a decoded value; routes with a URL-valued parameter (oEmbed's `url`) take `urlValueLength`. */
  valueLength: 200,
  urlValueLength: 2000,
} as const;

/** Request bodies: one series (JSON) and one CBP export (CSV, streamed). */
export const BODY = { series: 1_000_000, import: 32 * 1024 * 1024 } as const;

/** Stored values: the largest single monthly value a series may hold (sums of 2,400 stay exact). */
export const VALUE_MAX = 1e12;
