import { env } from 'cloudflare:workers';
import { createExecutionContext, reset, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED, app, plainWidgets, seed } from './helpers';
import { readSeries } from '../src/series/store';
import { writeSeries } from '../src/writer/client';

beforeEach(seed);
afterEach(reset);

/** Calls the app with (optionally) replaced bindings and waits for its cache writes. */
async function call(path: string, init?: RequestInit, bindings: Partial<Env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://example.com${path}`, init), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** A KV binding whose reads fail the given way. */
function failingKv(how: 'throw' | 'hang'): KVNamespace {
  const get = () => (how === 'throw' ? Promise.reject(new Error('KV down (injected)')) : new Promise(() => {}));
  return { get, getWithMetadata: get, list: get, put: get, delete: get } as unknown as KVNamespace;
}

function limiter(success: boolean): { binding: RateLimit; calls: () => number } {
  let n = 0;
  const binding = { limit: async () => (n++, { success }) } as unknown as RateLimit;
  return { binding, calls: () => n };
}

describe('rendered cards are cached by data version and normalised options', () => {
  it.each(plainWidgets)('%s: reordered, defaulted and tracking parameters redirect to one canonical URL', async (w) => {
    for (const q of [
      '?lang=en&theme=dark&utm_source=news',
      '?theme=dark&width=640',
      '?months=36&theme=dark&lang=en',
    ].filter((q) => w === 'trend' || !q.includes('months'))) {
      const moved = await call(`/v1/sw-total/${w}.svg${q}`);
      expect(moved.status, q).toBe(301);
      expect(moved.headers.get('location'), q).toBe(`/v1/sw-total/${w}.svg?theme=dark`);
      expect(moved.headers.get('cache-control'), q).toContain('immutable');
    }
    const first = await call(`/v1/sw-total/${w}.svg?theme=dark`);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const second = await call(`/v1/sw-total/${w}.svg?theme=dark`);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('different options, kinds and PNG sizes are different entries', async () => {
    const tags = new Set<string | null>();
    for (const path of ['trend.svg', 'trend.svg?theme=dark', 'trend.png', 'trend.png?size=og', 'trend.png?scale=2']) {
      const res = await call(`/v1/sw-total/${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-cache'), path).toBe('MISS');
      tags.add(res.headers.get('etag'));
    }
    expect(tags.size).toBe(5);
  });

  it('a cached PNG is served from the cache with the same bytes', async () => {
    const a = await call('/v1/sw-total/trend.png?size=og');
    expect((await call('/v1/sw-total/trend.png?size=og&scale=1')).headers.get('location')).toBe(
      '/v1/sw-total/trend.png?size=og',
    );
    const b = await call('/v1/sw-total/trend.png?size=og');
    expect(b.headers.get('x-cache')).toBe('HIT');
    expect(new Uint8Array(await b.arrayBuffer())).toEqual(new Uint8Array(await a.arrayBuffer()));
  });

  it('a new data version gives a new key, ETag and render without any purge', async () => {
    const before = await call('/v1/sw-ofo/trend.svg');
    await writeSeries(env, { ...SEED['sw-ofo'], title: 'Retitled for the cache test' });
    const after = await call('/v1/sw-ofo/trend.svg');
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(await after.text()).toContain('Retitled for the cache test');
  });
});

describe('conditional requests', () => {
  it('answers a matching If-None-Match (strong, weak or in a list) with 304 and no body', async () => {
    const res = await call('/v1/sw-total/trend.svg');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await call('/v1/sw-total/trend.svg', { headers: { 'If-None-Match': inm } });
      expect(again.status, inm).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe(res.headers.get('cache-control'));
    }
    const other = await call('/v1/sw-total/trend.svg', { headers: { 'If-None-Match': '"nope"' } });
    expect(other.status).toBe(200);
  });
});

describe('Cache-Control follows the pin', () => {
  it('version-less cards are short-lived, as_of cards an hour, v= pinned cards immutable', async () => {
    const live = (await call('/v1/sw-total/trend.svg')).headers.get('cache-control')!;
    expect(live).toMatch(/max-age=30\b/);
    expect(live).toMatch(/stale-while-revalidate=\d+/);
    const asOf = (await call('/v1/sw-total/trend.svg?as_of=2024-01')).headers.get('cache-control')!;
    expect(asOf).toMatch(/max-age=3600\b/);
    expect(asOf).not.toContain('immutable');
    const { version } = (await readSeries(env.SERIES, 'sw-total'))!;
    const pinned = await call(`/v1/sw-total/trend.png?as_of=2024-01&v=${version}`);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps a long edge life apart from the short browser one, and names the sources as Cache-Tags', async () => {
    const live = await call('/v1/sw-total/trend.svg');
    expect(live.headers.get('cloudflare-cdn-cache-control')).toBe('public, max-age=86400');
    expect(live.headers.get('cache-tag')).toBe('series:sw-total');
    const { version } = (await readSeries(env.SERIES, 'sw-total'))!;
    const pinned = await call(`/v1/sw-total/trend.svg?v=${version}`);
    expect(pinned.headers.get('cache-tag')).toBe(`pin:sw-total@${version}`);
    expect(pinned.headers.get('cloudflare-cdn-cache-control')).toBe('public, max-age=31536000, immutable');
    const error = await call('/v1/no-such/trend.svg');
    expect(error.headers.get('cloudflare-cdn-cache-control')).toBeNull();
  });

  it('a v= pin that names no stored version is a 404 card; a malformed one a 400', async () => {
    const missing = await call('/v1/sw-total/trend.svg?v=999999-aaaaaaaaaaaa');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect((await call('/v1/sw-total/trend.svg?v=latest')).status).toBe(400);
  });

  it('a v= pinned card keeps rendering the old version after a new write', async () => {
    const { version } = (await readSeries(env.SERIES, 'sw-ofo'))!;
    await writeSeries(env, { ...SEED['sw-ofo'], title: 'A later title' });
    const res = await call(`/v1/sw-ofo/trend.svg?v=${version}`);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('A later title');
  });
});

describe('stale if error', () => {
  it.each(['throw', 'hang'] as const)('KV that %ss: the last good render answers, marked stale', async (how) => {
    const good = await call('/v1/sw-total/trend.svg?theme=dark');
    const body = await good.text();
    const stale = await call('/v1/sw-total/trend.svg?theme=dark', undefined, { SERIES: failingKv(how) });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-border-stats-stale')).toBe('1');
    expect(stale.headers.get('warning')).toBe('110 - "Response is Stale"');
    expect(stale.headers.get('cache-control')).toMatch(/max-age=10\b/);
    expect(await stale.text()).toBe(body);
  });

  it('the last good render is kept per option set, across data versions', async () => {
    await call('/v1/sw-ofo/trend.png?size=og');
    await writeSeries(env, { ...SEED['sw-ofo'], title: 'Newest title' });
    const newest = await call('/v1/sw-ofo/trend.png?size=og');
    const stale = await call('/v1/sw-ofo/trend.png?size=og', undefined, { SERIES: failingKv('throw') });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(newest.headers.get('etag'));
  });

  it.each(['svg', 'png'])(
    'with nothing cached, a %s is a 503 error image with Retry-After, never a 500',
    async (ext) => {
      const res = await call(`/v1/sw-usbp/trend.${ext}?lang=es`, undefined, { SERIES: failingKv('throw') });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^image\//);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    },
  );
});

describe('PNG rate limit', () => {
  it('an uncached PNG over the limit is a 429 card with Retry-After', async () => {
    const res = await call('/v1/sw-total/trend.png?scale=2', undefined, { PNG_LIMITER: limiter(false).binding });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('cached PNGs and SVGs never count against the limit', async () => {
    await call('/v1/sw-total/trend.png');
    const counting = limiter(false);
    const hit = await call('/v1/sw-total/trend.png', undefined, { PNG_LIMITER: counting.binding });
    expect(hit.status).toBe(200);
    await call('/v1/sw-total/trend.svg?theme=auto', undefined, { PNG_LIMITER: counting.binding });
    expect(counting.calls()).toBe(0);
  });
});
