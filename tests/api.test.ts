import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheControl } from '../src/cache/policy';
import { csvCell } from '../src/routes/api';
import { keys } from '../src/series/keys';
import { readSeries } from '../src/series/store';
import { write } from './fixtures/cbp';
import { SEED, get, seed } from './helpers';

beforeEach(seed);
afterEach(reset);

const json = async <T>(r: Response): Promise<T> => (await r.json()) as T;

describe('the catalog’s families', () => {
  const put = (id: string, body: unknown) =>
    write(`/api/v1/series/${id}`, { method: 'PUT', body: JSON.stringify(body) });
  type Listing = {
    parent?: { id: string };
    dimension?: string;
    series: Array<{ id: string; parent?: string; dimension?: string; member?: string }>;
  };
  it('gives each breakdown its parent, dimension and member, and lists one family with ?parent=&dimension=', async () => {
    // The seed's two components are the southwest total's family by component.
    const all = await json<Listing>(await get('/api/v1/series'));
    expect(all.series.find((s) => s.id === 'sw-usbp')).toMatchObject({
      parent: 'sw-total',
      dimension: 'component',
      member: 'U.S. Border Patrol',
      i18n: { es: { member: 'Patrulla Fronteriza' } },
    });
    expect(all.series.find((s) => s.id === 'sw-total')!.parent).toBeUndefined();
    const family = await json<Listing>(await get('/api/v1/series?parent=sw-total&dimension=component'));
    expect(family.parent!.id).toBe('sw-total');
    expect(family.dimension).toBe('component');
    expect(family.series.map((s) => [s.id, s.member])).toEqual([
      ['sw-ofo', 'Office of Field Operations'],
      ['sw-usbp', 'U.S. Border Patrol'],
    ]);
    expect((await json<Listing>(await get('/api/v1/series?parent=sw-total'))).series).toHaveLength(2);
    expect((await json<Listing>(await get('/api/v1/series?dimension=state'))).series).toEqual([]);
  });

  it('refuses a bad filter: 400 for a malformed value, 404 for a parent that is not a series', async () => {
    for (const q of ['dimension=country', 'dimension=', 'parent=SW-TOTAL', 'parent=sw_total', 'parent=a&parent=b']) {
      const res = await get(`/api/v1/series?${q}`);
      expect(res.status, q).toBe(q === 'dimension=' ? 200 : 400);
    }
    const missing = await get('/api/v1/series?parent=no-such-series&dimension=demo');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses a series that names itself as parent, or half a family', async () => {
    const s = SEED['sw-ofo'];
    expect((await put('sw-ofo', { ...s, parent: 'sw-ofo' })).status).toBe(422);
    const { member: _m, ...half } = s;
    expect((await put('sw-ofo', half)).status).toBe(422);
    expect((await put('sw-ofo', { ...s, dimension: 'country' })).status).toBe(422);
  });
});

describe('read API', () => {
  it('lists every series with its latest point and version, open to any origin', async () => {
    const res = await get('/api/v1/series', { headers: { Origin: 'https://news.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await json<{
      series: Array<{ id: string; version: string; latest: { period: string; value: number } }>;
    }>(res);
    expect(body.series.map((s) => s.id)).toEqual(['sw-ofo', 'sw-total', 'sw-usbp']);
    const total = body.series.find((s) => s.id === 'sw-total')!;
    expect(total.latest).toEqual({
      period: SEED['sw-total'].points.at(-1)!.period,
      value: SEED['sw-total'].points.at(-1)!.value,
    });
    expect(total.version).toMatch(/^000001-[0-9a-f]{12}$/);
  });

  it('is not behind the admin token', async () => {
    for (const path of [
      '/api/v1/series',
      '/api/v1/series/sw-total',
      '/api/v1/series/sw-total.csv',
      '/api/v1/series/sw-total/versions',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('www-authenticate'), path).toBeNull();
    }
  });

  it('takes Cache-Control from the policy table: live within a minute, as_of an hour, a stored version forever', async () => {
    const live = await get('/api/v1/series/sw-total');
    expect(live.headers.get('cache-control')).toBe(cacheControl('json'));
    expect((await get('/api/v1/series/sw-total.csv')).headers.get('cache-control')).toBe(cacheControl('csv'));
    expect((await get('/api/v1/series/sw-total?as_of=2024-01')).headers.get('cache-control')).toBe(
      cacheControl('json', 'as_of'),
    );
    const { version } = (await live.json()) as { version: string };
    const pinned = await get(`/api/v1/series/sw-total/versions/${version}`);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('cache-control')).toContain('immutable');
    const missing = await get('/api/v1/series/no-such-series');
    expect(missing.headers.get('cache-control')).toBe(cacheControl('error'));
  });

  it('answers a CORS preflight', async () => {
    const res = await get('/api/v1/series/sw-total', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://news.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
  });

  it('serves a series with its facts, and cuts it at as_of', async () => {
    const full = await json<{ version: string; series: { points: unknown[] }; facts: { latest: { period: string } } }>(
      await get('/api/v1/series/sw-total'),
    );
    expect(full.series.points).toHaveLength(SEED['sw-total'].points.length);
    expect(full.facts.latest.period).toBe(SEED['sw-total'].points.at(-1)!.period);
    const cut = await json<{
      asOf: string;
      series: { points: Array<{ period: string }> };
      facts: { latest: { value: number } };
    }>(await get('/api/v1/series/sw-total?as_of=2023-12'));
    expect(cut.asOf).toBe('2023-12');
    expect(cut.series.points.at(-1)!.period).toBe('2023-12');
    expect(cut.facts.latest.value).toBe(SEED['sw-total'].points.find((p) => p.period === '2023-12')!.value);
  });

  it('refuses a bad as_of, a bad id and an unknown series with JSON problems', async () => {
    for (const [path, status] of [
      ['/api/v1/series/sw-total?as_of=2023-13', 400],
      ['/api/v1/series/sw-total?as_of=2023-01&as_of=2023-02', 400],
      ['/api/v1/series/SW_TOTAL', 400],
      ['/api/v1/series/no-such', 404],
      ['/api/v1/series/sw-total?as_of=1999-01', 404],
      ['/api/v1/series/no-such.csv', 404],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
    }
  });

  it('gives every response an ETag and answers If-None-Match with 304', async () => {
    for (const path of [
      '/api/v1/series',
      '/api/v1/series/sw-total',
      '/api/v1/series/sw-total?as_of=2024-01',
      '/api/v1/series/sw-total.csv',
      '/api/v1/series/sw-total/versions',
    ]) {
      const res = await get(path);
      const etag = res.headers.get('etag');
      expect(etag, path).toMatch(/^"[0-9a-f]+"$/);
      const again = await get(path, { headers: { 'If-None-Match': `W/${etag}` } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
    }
    const a = (await get('/api/v1/series/sw-total?as_of=2024-01')).headers.get('etag');
    const b = (await get('/api/v1/series/sw-total')).headers.get('etag');
    expect(a).not.toBe(b);
  });

  it('serves RFC 4180 CSV with a header row and CRLF line ends', async () => {
    const res = await get('/api/v1/series/sw-total.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sw-total.csv"');
    const text = await res.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('period,value,source,status');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(SEED['sw-total'].points.length + 2);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // A source with a comma in it is quoted.
    expect(text).toMatch(/^2024-10,106316,"S3,S5 \(OFO=S3 total-S5 USBP, same final FY2025 release\)",$/m);
  });

  it('never lets a CSV cell start a formula, but keeps negative numbers numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const s of ['+1+2', '-cmd', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('-42')).toBe('-42');
    expect(csvCell(-42.5)).toBe('-42.5');
    expect(csvCell('-4-2')).toBe("'-4-2");
  });
});

describe('versions and restore', () => {
  const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    write(`/api/v1/series/${id}`, { method: 'PUT', body: JSON.stringify(body), headers });

  it('keeps every version readable and restores an old one as a new version', async () => {
    const v1 = (await readSeries(env.SERIES, 'sw-ofo'))!;
    const renamed = await put('sw-ofo', { ...SEED['sw-ofo'], title: 'Renamed' }, { 'If-Match': `"${v1.version}"` });
    expect(renamed.status).toBe(200);
    const v2 = await json<{ version: string }>(renamed);
    const list = await json<{ current: string; versions: Array<{ version: string; vintage: string }> }>(
      await get('/api/v1/series/sw-ofo/versions'),
    );
    expect(list.current).toBe(v2.version);
    expect(list.versions.map((v) => v.version)).toEqual([v2.version, v1.version]);
    expect(list.versions[1]!.vintage).toBe(SEED['sw-ofo'].source.release);
    const old = await json<{ series: { title: string } }>(await get(`/api/v1/series/sw-ofo/versions/${v1.version}`));
    expect(old.series.title).toBe(SEED['sw-ofo'].title);

    const restored = await write(`/api/v1/series/sw-ofo/restore/${v1.version}`, { method: 'POST' });
    expect(restored.status).toBe(200);
    expect(restored.headers.get('cache-control')).toBe('no-store');
    const r = await json<{ version: string; restoredFrom: string; changed: boolean }>(restored);
    expect(r.version).toMatch(/^000003-/);
    expect(r.version.slice(7)).toBe(v1.version.slice(7));
    expect(r.restoredFrom).toBe(v1.version);
    expect((await readSeries(env.SERIES, 'sw-ofo'))!.series.title).toBe(SEED['sw-ofo'].title);
    expect(await env.SERIES.get(keys.version('sw-ofo', v2.version))).not.toBeNull();
  });

  it('refuses a stale If-Match with 412 and an existing series under If-None-Match: *', async () => {
    const stale = await put('sw-ofo', { ...SEED['sw-ofo'], title: 'X' }, { 'If-Match': '"000009-000000000000"' });
    expect(stale.status).toBe(412);
    const exists = await put('sw-ofo', SEED['sw-ofo'], { 'If-None-Match': '*' });
    expect(exists.status).toBe(412);
    const fresh = await put('sw-new', { ...SEED['sw-ofo'], id: 'sw-new' }, { 'If-None-Match': '*' });
    expect(fresh.status).toBe(201);
  });

  it('reports a corrupt stored value as 503, not a crash, and still lists every series', async () => {
    const { version } = (await readSeries(env.SERIES, 'sw-usbp'))!;
    await env.SERIES.put(keys.version('sw-usbp', version), '{"not":"a series"');
    const res = await get('/api/v1/series/sw-usbp');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // The catalog is one document of its own: it still lists every series.
    const cat = await json<{ series: Array<{ id: string; version: string }> }>(await get('/api/v1/series'));
    expect(cat.series.map((s) => s.id)).toEqual(['sw-ofo', 'sw-total', 'sw-usbp']);
    // The writer's own copy is intact: the next write numbers on and readers get a good version.
    const repaired = await put('sw-usbp', { ...SEED['sw-usbp'], title: 'Rewritten after the fault' });
    expect(repaired.status).toBe(200);
    expect((await json<{ version: string }>(repaired)).version).toMatch(/^000002-/);
    expect((await get('/api/v1/series/sw-usbp')).status).toBe(200);
  });
});
