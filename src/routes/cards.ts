import { Hono, type Context } from 'hono';
import { afterResponse, lookup, store } from '../cache/edge';
import { EDGE_TTL, LAST_GOOD_TTL, cardKey, etagFor, lastGoodKey, matchesEtag } from '../cache/key';
import { cacheControl, pinOf } from '../cache/policy';
import { cardBytes, cardSpec, loadCard, resolveCard, type CardSpec } from '../card';
import { HttpRefusal, Unavailable } from '../errors';
import { headersFor } from '../http/headers';
import { StoreUnavailable } from '../series/store';
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
  const origin = new URL(c.req.url).origin;

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
  const headers = { ETag: etag, 'Cache-Control': cacheControl(kind, pinOf({ v: spec.pin, as_of: spec.opts.as_of })) };
  if (matchesEtag(c.req.header('If-None-Match'), etag)) return new Response(null, { status: 304, headers });

  const hit = await timing.time('cache', () => lookup(key));
  if (hit) return new Response(hit.body, { headers: headersFor(kind, { ...headers, 'X-Cache': 'HIT' }) });

  const card = await timing.time('kv', () => loadCard(c.env.SERIES, spec, versions));
  if (kind === 'png') await limitPng(c);
  const bytes = await timing.time('render', () => cardBytes(card, c.env.SERVICE_NAME));
  await afterResponse(
    c,
    Promise.all([store(key, bytes, etag, EDGE_TTL), store(lastGoodKey(origin, spec), bytes, etag, LAST_GOOD_TTL)]),
  );
  return new Response(bytes, { headers: headersFor(kind, { ...headers, 'X-Cache': 'MISS' }) });
});

/** Uncached PNG renders cost 50–130 ms of CPU; cached PNGs never reach this. */
async function limitPng(c: Context<AppEnv>): Promise<void> {
  const period = 60;
  const ok = await c.env.PNG_LIMITER.limit({ key: c.req.header('CF-Connecting-IP') ?? 'unknown' }).then(
    (r) => r.success,
    (e: unknown) => (console.warn('PNG limiter failed; allowing', e), true),
  );
  if (!ok)
    throw new HttpRefusal(429, 'Too many requests', `New PNG renders are limited per client; retry in ${period} s.`, {
      'Retry-After': String(period),
    });
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
