import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, reset, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cardSpec, resolveCard } from '../src/card';
import { scheduled } from '../src/scheduled';
import { keys } from '../src/series/keys';
import { readSeries } from '../src/series/store';
import { CBP, chunked } from './fixtures/cbp';
import { ADMIN_TOKEN, SEED, app, registry, seed } from './helpers';

/**
 * The layers in front of a render: Cloudflare's cache (Workers Cache), purged by tag on every
 * write; the Cache API; pre-rendered default cards in KV; then a render. Miniflare has no
 * Workers Cache, so these tests check what the Worker tells it: the headers, and the purges.
 */
beforeEach(seed);
afterEach(async () => {
  vi.restoreAllMocks();
  await reset();
});

interface Spy {
  purges: string[][];
  jobs: Array<{ body: unknown; delay?: number }>;
}

/** Calls the app with a context that has a Workers Cache to purge, and a queue that records jobs. */
async function call(
  path: string,
  init: RequestInit = {},
  bindings: Partial<Env> = {},
): Promise<Response & { spy: Spy }> {
  const spy: Spy = { purges: [], jobs: [] };
  const ctx = Object.assign(createExecutionContext(), {
    cache: { purge: async (o: { tags?: string[] }) => (spy.purges.push(o.tags ?? []), { success: true, errors: [] }) },
  });
  const JOBS = {
    send: async (body: unknown, o?: { delaySeconds?: number }) => void spy.jobs.push({ body, delay: o?.delaySeconds }),
  } as unknown as Queue;
  const res = await app.fetch(new Request(`http://example.com${path}`, init), { ...env, JOBS, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return Object.assign(res, { spy });
}
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

describe('every cacheable response names its sources and its lifetimes', () => {
  const DAY = 'public, max-age=86400';
  it.each([
    ['/v1/sw-usbp/trend.svg', 'series:sw-usbp', DAY],
    ['/v1/sw-usbp/badge.png', 'series:sw-usbp', DAY],
    ['/embed/sw-usbp/trend', 'series:sw-usbp', DAY],
    [`/oembed?url=${encodeURIComponent('http://example.com/embed/sw-ofo/stat')}`, 'series:sw-ofo', DAY],
    ['/api/v1/series/sw-total', 'series:sw-total', DAY],
    ['/api/v1/series/sw-total.csv', 'series:sw-total', DAY],
    ['/api/v1/series/sw-total/versions', 'series:sw-total', DAY],
    ['/api/v1/series', 'catalog', DAY],
    ['/api/v1/events', 'events', DAY],
    ['/', 'catalog', DAY],
    ['/embed.js', 'static', DAY],
  ])('%s: Cache-Tag %s, a short browser life and a long edge life', async (path, tag, edge) => {
    const res = await call(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-tag')).toBe(tag);
    expect(res.headers.get('cloudflare-cdn-cache-control')).toBe(edge);
    const browser = Number(/max-age=(\d+)/.exec(res.headers.get('cache-control')!)![1]);
    expect(browser).toBeLessThanOrEqual(3600);
  });

  it('gives pinned responses their own tag, never purged by a write, and an immutable life', async () => {
    const { version } = (await readSeries(env.SERIES, 'sw-usbp'))!;
    for (const path of [`/v1/sw-usbp/trend.svg?v=${version}`, `/api/v1/series/sw-usbp/versions/${version}`]) {
      const res = await call(path);
      expect(res.headers.get('cache-tag'), path).toBe(`pin:sw-usbp@${version}`);
      expect(res.headers.get('cloudflare-cdn-cache-control'), path).toContain('immutable');
    }
  });

  it('keeps errors and stale answers out of the edge', async () => {
    for (const path of ['/v1/no-such/trend.svg', '/api/v1/series/no-such'])
      expect((await call(path)).headers.get('cloudflare-cdn-cache-control'), path).toBeNull();
  });
});

describe('every kind of write purges exactly the tags it affects, now and again once KV has spread', () => {
  const expectPurged = (spy: Spy, tags: string[]) => {
    expect(spy.purges.map((p) => [...p].sort())).toEqual([[...tags].sort()]);
    const again = spy.jobs.find((j) => (j.body as { kind: string }).kind === 'purge')!;
    expect((again.body as { tags: string[] }).tags.sort()).toEqual([...tags].sort());
    expect(again.delay).toBeGreaterThan(0);
  };

  it('a PUT purges its series and the catalog', async () => {
    const res = await call('/api/v1/series/sw-ofo', {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ ...SEED['sw-ofo'], title: 'Purge me' }),
    });
    expect(res.status).toBe(200);
    expectPurged(res.spy, ['series:sw-ofo', 'catalog']);
  });

  it('an events write purges the events tag and re-renders every featured series', async () => {
    const body = JSON.stringify({ events: [] });
    const res = await call('/api/v1/events', { method: 'PUT', headers: auth, body }, { PRERENDER: 'on' });
    expect(res.status).toBe(200);
    expectPurged(res.spy, ['events']);
    expect(res.spy.jobs.map((j) => j.body)).toContainEqual({ kind: 'prerender', ids: 'featured' });
    const same = await call('/api/v1/events', { method: 'PUT', headers: auth, body });
    expect(same.spy.purges).toEqual([]);
  });

  it('a PUT that changes nothing purges nothing', async () => {
    const res = await call('/api/v1/series/sw-ofo', {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify(SEED['sw-ofo']),
    });
    expect(res.status).toBe(200);
    expect(res.spy.purges).toEqual([]);
    expect(res.spy.jobs).toEqual([]);
  });

  it('a restore purges its series and the catalog', async () => {
    const { version } = (await readSeries(env.SERIES, 'sw-usbp'))!;
    await call('/api/v1/series/sw-usbp', {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ ...SEED['sw-usbp'], title: 'Changed' }),
    });
    const res = await call(`/api/v1/series/sw-usbp/restore/${version}`, { method: 'POST', headers: auth });
    expect(res.status).toBe(200);
    expectPurged(res.spy, ['series:sw-usbp', 'catalog']);
  });

  it('an import purges every series it changed, and nothing it left alone', async () => {
    const res = await call('/api/v1/import/cbp?force=1&allow_new=1000', {
      method: 'POST',
      headers: auth,
      body: CBP.fy22,
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { series: Array<{ id: string; status: string }> };
    const changed = report.series.filter((s) => s.status !== 'unchanged').map((s) => `series:${s.id}`);
    expect(changed.length).toBeGreaterThan(3);
    expectPurged(res.spy, [...changed, 'catalog']);
  });

  it('the cron purges what its import changed', async () => {
    const purges: string[][] = [];
    const ctx = Object.assign(createExecutionContext(), {
      cache: { purge: async (o: { tags?: string[] }) => (purges.push(o.tags ?? []), { success: true, errors: [] }) },
    });
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(chunked(CBP.state)));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await scheduled(createScheduledController(), { ...env, CBP_CSV_URL: 'https://cbp.example/state.csv' }, ctx);
    await waitOnExecutionContext(ctx);
    expect(purges).toHaveLength(1);
    expect(purges[0]).toContain('series:nw-total');
    expect(purges[0]).toContain('catalog');
  });
});

describe('default cards are rendered once, when their data are written', () => {
  it('serves a default card from its pre-render, without rendering, once the queue has run', async () => {
    const ctx = createExecutionContext();
    // Through the real queue this time: the write asks for a pre-render, the consumer renders.
    const res = await app.fetch(
      new Request('http://example.com/api/v1/series/sw-ofo', {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({ ...SEED['sw-ofo'], title: 'Pre-rendered' }),
      }),
      { ...env, PRERENDER: 'on' },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    const { version } = (await res.json()) as { version: string };
    const spec = cardSpec(registry, {
      series: 'sw-ofo',
      widget: 'trend',
      query: { theme: 'dark', lang: 'es' },
      output: 'svg',
    });
    const versions = await resolveCard(env.SERIES, spec);
    expect(versions[0]).toBe(version);
    const key = keys.prerender(versions, '/v1/sw-ofo/trend.svg?theme=dark&lang=es');
    await vi.waitFor(async () => expect(await env.SERIES.get(key)).not.toBeNull(), { timeout: 30_000, interval: 200 });
    const { svg, png } = {
      svg: await call('/v1/sw-ofo/trend.svg?theme=dark&lang=es'),
      png: await call('/v1/sw-ofo/social.png?size=og'),
    };
    for (const r of [svg, png]) {
      expect(r.status).toBe(200);
      expect(r.headers.get('x-cache')).toBe('PRERENDERED');
      expect(r.headers.get('server-timing')).not.toContain('render');
    }
    // The English card names the new title in its <title> (its text is drawn as glyphs).
    const en = await call('/v1/sw-ofo/trend.svg?theme=auto');
    expect(en.headers.get('x-cache')).toBe('PRERENDERED');
    expect(await en.text()).toMatch(/<title id="[\w-]+t">Pre-rendered, /);
    // A card that is not a default variant is rendered on demand, as before.
    const other = await call('/v1/sw-ofo/trend.svg?width=700');
    expect(other.headers.get('x-cache')).toBe('MISS');
  }, 60_000);
});
