/**
 * Cache keys for rendered cards. One key = one set of bytes: the data version, the widget, the
 * options after zod (defaults filled in, unknown parameters dropped, keys sorted), the output
 * kind with its PNG options, and the renderer version. Equivalent URLs therefore share one entry.
 */
import type { CardSpec } from '../card/spec';

/**
 * Bump when any widget or the render pipeline changes its output, so old renders are not served
 * under new code. Entries also expire from the edge after EDGE_TTL, which bounds a forgotten bump.
 */
export const RENDERER_VERSION = 'r3';

/** How long the edge keeps a render; version-keyed entries never go stale, this only bounds storage. */
export const EDGE_TTL = 86400;
/** The unversioned "last good" copy served when KV fails: kept a week. */
export const LAST_GOOD_TTL = 7 * 86400;

/** `k=v&…` in sorted key order, undefined dropped: the same options always give the same string. */
export function normalise(spec: Pick<CardSpec, 'opts' | 'output'>): string {
  const flat: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(spec.opts)) if (v !== undefined) flat.push([k, String(v)]);
  for (const [k, v] of Object.entries(spec.output))
    if (k !== 'kind' && v !== undefined) flat.push([`out.${k}`, String(v)]);
  flat.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(flat).toString();
}

const file = (spec: CardSpec): string => `${spec.widget.name}.${spec.output.kind}`;

/**
 * Keys live under the request's own origin (the Cache API is per zone) in a path the router never
 * serves, so a client cannot read or poison an entry by requesting its key. A card reading several
 * series carries every version, in the spec's order.
 */
export function cardKey(origin: string, spec: CardSpec, versions: readonly string[]): string {
  return `${origin}/__cache/card/${RENDERER_VERSION}/${spec.series.join('+')}/${versions.join('+')}/${file(spec)}?${normalise(spec)}`;
}

/** The same card without the data version: the last render that succeeded, for stale-if-error. */
export function lastGoodKey(origin: string, spec: CardSpec): string {
  return `${origin}/__cache/last-good/${RENDERER_VERSION}/${spec.series.join('+')}/${file(spec)}?${normalise(spec)}`;
}

/** Strong ETag from the key (origin left out, so every host agrees). */
export async function etagFor(key: string): Promise<string> {
  const path = key.slice(key.indexOf('/__cache/'));
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(path)));
  return `"${[...d.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')}"`;
}

/** RFC 9110 weak comparison, as If-None-Match requires: `W/` is ignored, `*` matches anything. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}
