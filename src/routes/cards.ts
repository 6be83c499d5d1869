import { Hono, type Context } from 'hono';
import { afterResponse, lookup, store } from '../cache/edge';
import { EDGE_TTL, LAST_GOOD_TTL, cardKey, etagFor, lastGoodKey, matchesEtag } from '../cache/key';
import { cacheControl, cacheHeaders, pinOf } from '../cache/policy';
import { tags } from '../cache/tags';
import { cardPath, isDefault } from '../jobs/prerender';
import { keys } from '../series/keys';
import { cardBytes, cardSpec, loadCard, resolveCard, type CardSpec } from '../card';
import { Unavailable } from '../errors';
import { clientKey, spend } from '../http/budget';
import { headersFor } from '../http/headers';
import { PNG_SIZES } from '../limits';
import { StoreUnavailable, seqOf, timed } from '../series/store';
import type { AppEnv } from '../types';

/** Card images: GET /v1/{series}/{widget}.svg|png. */
export const cards = new Hono<AppEnv>();

/**
 * Hot path: one (edge-cached) KV read, the head, for the versions → cache key → 304 or cache hit;
 * render only on a miss, reading the versions themselves. A `v=` pin names its bytes, so a hit
 * skips even the head. When KV fails, the last good render for these options answers, marked stale.
 */
cards.get('/:series/:file{[a-z0-9-]+\\.(?:svg|png)}', async (c) => {
  const file = c.req.param('file');
  const dot = file.lastIndexOf('.');
  const spec = cardSpec(c.var.registry, {
    series: c.req.param('series'),
    widget: file.slice(0, dot),
    query: c.var.query,
    output: file.slice(dot + 1) as 'svg' | 'png',
  });
  const kind = spec.output.kind as 'svg' | 'png';
  const url = new URL(c.req.url);
  const origin = url.origin;
  // One URL per card: Cloudflare's cache keys on the full URL, so other spellings are sent to this one.
  const canonical = cardPath(spec);
  if (`${url.pathname}${url.search}` !== canonical)
    return new Response(null, { status: 301, headers: { Location: canonical, ...cacheHeaders('svg', 'version', []) } });

  const timing = c.var.timing;
  let versions: string[];
  try {
    versions = await timing.time('kv', () => resolveCard(c.env.SERIES, spec));
  } catch (e) {
    if (e instanceof StoreUnavailable && !spec.pin) return serveLastGood(c, spec, e);
    throw e;
  }
  timing.versions = versions;
  const key = cardKey(origin, spec, versions);
  const etag = await etagFor(key);
  const cacheTags = spec.pin
    ? [tags.pinned(spec.series[0]!, spec.pin), ...spec.series.slice(1).map(tags.series)]
    : spec.series.map(tags.series);
  const headers = { ETag: etag, ...cacheHeaders(kind, pinOf({ v: spec.pin, as_of: spec.opts.as_of }), cacheTags) };
  const inm = c.req.header('If-None-Match');
  if (matchesEtag(inm, etag)) {
    // `If-None-Match: *` matches only a representation that exists, and a pin may name a version
    // that does not: that is a 404, not a 304 cached for a year.
    if (spec.pin && inm?.includes('*')) await loadCard(c.env.SERIES, spec, versions);
    return new Response(null, { status: 304, headers });
  }

  const hit = await timing.time('cache', () => lookup(key));
  if (hit) return new Response(hit.body, { headers: headersFor(kind, { ...headers, 'X-Cache': 'HIT' }) });

  // A default card was rendered when its data were written: a KV read, not a render.
  const pre = isDefault(spec) ? await timing.time('kv', () => prerendered(c.env.SERIES, versions, canonical)) : null;
  if (pre) {
    await afterResponse(c, store(key, new Uint8Array(pre), etag, EDGE_TTL));
    return new Response(pre, { headers: headersFor(kind, { ...headers, 'X-Cache': 'PRERENDERED' }) });
  }
  const card = await timing.time('kv', () => loadCard(c.env.SERIES, spec, versions));
  await spend(c.env[LIMITERS[costOf(spec)]], clientKey(c), COST_NAMES[costOf(spec)]);
  const bytes = await timing.time('render', () => cardBytes(card, c.env.SERVICE_NAME));
  await afterResponse(
    c,
    Promise.all([
      store(key, bytes, etag, EDGE_TTL),
      // Only a live render may become the fallback for the live URL, and only if it is not older.
      spec.pin ? null : storeLastGood(lastGoodKey(origin, spec), bytes, etag, versions),
    ]),
  );
  return new Response(bytes, { headers: headersFor(kind, { ...headers, 'X-Cache': 'MISS' }) });
});

/** A pre-rendered card, or null; a failing read is only a missed shortcut. */
async function prerendered(kv: KVNamespace, versions: string[], path: string): Promise<ArrayBuffer | null> {
  const key = keys.prerender(versions, path);
  return timed(kv.get(key, { type: 'arrayBuffer', cacheTtl: 86_400 }), key).catch(() => null);
}

/** Render cost classes, each with its own per-client budget of uncached renders (wrangler.toml). */
type Cost = 'svg' | 'png' | 'heavy';
const LIMITERS = { svg: 'SVG_LIMITER', png: 'PNG_LIMITER', heavy: 'HEAVY_LIMITER' } as const;
const COST_NAMES: Record<Cost, string> = {
  svg: 'New SVG renders',
  png: 'New PNG renders',
  heavy: 'New large PNG renders (over 2.5 megapixels)',
};
/** A PNG's pixels decide its cost (resvg's time grows with them): more than 2.5 MP is heavy. */
function costOf(spec: CardSpec): Cost {
  const out = spec.output;
  if (out.kind !== 'png') return 'svg';
  const [w, h] = out.size ? PNG_SIZES[out.size] : [spec.opts.width, spec.opts.width * 0.75];
  return w * h * out.scale * out.scale > 2_500_000 ? 'heavy' : 'png';
}

/** Versions `a` has any series ahead of `b` in (by write sequence). */
const ahead = (a: readonly string[], b: readonly string[]): boolean => a.some((v, i) => seqOf(v) > seqOf(b[i]));

/** Keeps the newest render of the live URL as its fallback: a render of older data never replaces it. */
async function storeLastGood(key: string, bytes: Uint8Array | string, etag: string, versions: string[]): Promise<void> {
  const old = await lookup(key);
  const had = old?.headers.get('X-Versions')?.split('+');
  if (had && ahead(had, versions)) return;
  await store(key, bytes, etag, LAST_GOOD_TTL, { 'X-Versions': versions.join('+') });
}

/** KV failed: serve the last render that succeeded for these options, marked stale; else a 503. */
async function serveLastGood(c: Context<AppEnv>, spec: CardSpec, cause: StoreUnavailable): Promise<Response> {
  const old = await lookup(lastGoodKey(new URL(c.req.url).origin, spec));
  console.warn(
    `KV read failed for ${spec.series.join('+')} (${cause.reason}); ${old ? 'serving last good render' : 'nothing cached'}`,
  );
  if (!old) throw new Unavailable('Data unavailable', 'The stored series could not be read; please retry shortly.');
  return new Response(old.body, {
    headers: headersFor(spec.output.kind as 'svg' | 'png', {
      ETag: old.headers.get('ETag') ?? '',
      'Cache-Control': cacheControl('stale'),
      Warning: '110 - "Response is Stale"',
      'X-Border-Stats-Stale': '1',
      'X-Cache': 'STALE',
    }),
  });
}
