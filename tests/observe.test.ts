import { env } from 'cloudflare:workers';
import { createExecutionContext, reset, waitOnExecutionContext } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, seed } from './helpers';

beforeAll(seed);
afterAll(reset);

async function call(path: string, bindings: Partial<Env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`http://example.com${path}`),
    { ...env, REQUEST_LOG: 'on', ...bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe('observability', () => {
  it('logs one JSON line per request: route, status, cache status, render ms, series version and a request id', async () => {
    const log = vi.spyOn(console, 'log');
    const miss = await call('/v1/sw-usbp/stat.svg?width=777');
    const hit = await call('/v1/sw-usbp/stat.svg?width=777');
    const lines = log.mock.calls
      .map((c) => JSON.parse(String(c[0])) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    log.mockRestore();
    expect(lines).toHaveLength(2);
    const version = (await (await call('/api/v1/series/sw-usbp')).json()) as { version: string };
    for (const [line, res, cache] of [
      [lines[0]!, miss, 'MISS'],
      [lines[1]!, hit, 'HIT'],
    ] as const) {
      expect(line).toMatchObject({
        route: 'GET /v1/{series}/{widget}.svg',
        status: 200,
        cache,
      });
      // The series' own version first; then what else the card drew from (its components, the events).
      expect((line.versions as string[])[0]).toBe(version.version);
      expect(typeof line.renderMs).toBe('number');
      expect(line.id).toBe(res.headers.get('x-request-id'));
    }
    expect(lines[0]!.id).not.toBe(lines[1]!.id);
  });

  it('sends Server-Timing on cards and pages, not on the API', async () => {
    for (const path of ['/v1/sw-usbp/trend.svg', '/v1/sw-usbp/badge.png', '/embed/sw-usbp/trend']) {
      const st = (await call(path)).headers.get('server-timing');
      expect(st, path).toMatch(/(^|, )kv;dur=\d+/);
      expect(st, path).toMatch(/total;dur=\d+$/);
    }
    expect((await call('/v1/sw-usbp/trend.svg')).headers.get('server-timing')).toContain('cache;desc="HIT"');
    expect((await call('/api/v1/series')).headers.get('server-timing')).toBeNull();
  });

  it('counts every request in Analytics Engine by route, status and cache status, and works without the binding', async () => {
    const points: AnalyticsEngineDataPoint[] = [];
    const metrics = { writeDataPoint: (p: AnalyticsEngineDataPoint) => void points.push(p) } as AnalyticsEngineDataset;
    await call('/v1/no-such/trend.svg', { METRICS: metrics });
    await call('/api/v1/series/sw-usbp', { METRICS: metrics });
    expect(points.map((p) => p.blobs!.slice(0, 3))).toEqual([
      ['GET /v1/{series}/{widget}.svg', '404', '4xx'],
      ['GET /api/v1/series/{id}', '200', '2xx'],
    ]);
    expect(points[0]!.doubles![0]).toBe(1);
    expect((await call('/v1/sw-usbp/trend.svg', { METRICS: undefined })).status).toBe(200);
  });
});
