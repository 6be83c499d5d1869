import { env } from 'cloudflare:workers';
import { abortAllDurableObjects, reset, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../src/series/keys';
import type { StoredSeries } from '../src/series/schema';
import type { Writer } from '../src/writer/object';
import { CBP, importFile, write } from './fixtures/cbp';
import { SEED, get, seed } from './helpers';

beforeEach(seed);
afterEach(reset);

const writer = () => env.WRITER.getByName('main');

type Listing = { current: string; versions: Array<{ version: string; state: string }> };
const listing = async (id: string) => (await (await get(`/api/v1/series/${id}/versions`)).json()) as Listing;
const currentOf = async (id: string) =>
  ((await (await get(`/api/v1/series/${id}`)).json()) as { version: string }).version;
const seqs = (l: Listing) => l.versions.map((v) => Number(v.version.slice(0, 6))).sort((a, b) => a - b);
const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  write(`/api/v1/series/${id}`, { method: 'PUT', body: JSON.stringify(body), headers });

/** A KV binding for the writer that delegates to the real one, with hooks on its puts. */
function watchedKv(onPut: (key: string, n: number) => void | Promise<void>): KVNamespace {
  const real = env.SERIES;
  let n = 0;
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'put')
        return async (key: string, value: string, opts?: KVNamespacePutOptions) => {
          await onPut(key, ++n);
          return target.put(key, value, opts);
        };
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

describe('one writer: conditional writes are exact under concurrency', () => {
  it('lets exactly one of 50 concurrent PUTs with the same If-Match through; 49 get 412; versions stay consecutive', async () => {
    const base = await currentOf('sw-ofo');
    const res = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        put('sw-ofo', { ...SEED['sw-ofo'], title: `Edit ${i}` }, { 'If-Match': `"${base}"` }),
      ),
    );
    const statuses = res.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(49);
    const winner = (await res.find((r) => r.status === 200)!.json()) as { version: string; previous: string };
    expect(winner.previous).toBe(base);
    const l = await listing('sw-ofo');
    expect(l.current).toBe(winner.version);
    expect(seqs(l)).toEqual([1, 2]);
    expect(await currentOf('sw-ofo')).toBe(winner.version);
  });

  it('keeps every one of 30 concurrent unconditional PUTs: 30 versions, numbered 2 to 31, the last one current', async () => {
    const res = await Promise.all(
      Array.from({ length: 30 }, (_, i) => put('sw-ofo', { ...SEED['sw-ofo'], title: `Unconditional ${i}` })),
    );
    expect(res.map((r) => r.status)).toEqual(Array(30).fill(200));
    const versions = await Promise.all(res.map(async (r) => ((await r.json()) as { version: string }).version));
    expect(new Set(versions).size).toBe(30);
    const l = await listing('sw-ofo');
    expect(seqs(l)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(l.current).toBe(l.versions[0]!.version);
    expect(Number(l.current.slice(0, 6))).toBe(31);
  });

  it('follows RFC 9110: If-Match * needs a series, weak tags never match, a list of tags is accepted', async () => {
    const base = await currentOf('sw-ofo');
    expect((await put('sw-new', { ...SEED['sw-ofo'], id: 'sw-new' }, { 'If-Match': '*' })).status).toBe(412);
    expect((await put('sw-ofo', { ...SEED['sw-ofo'], title: 'W' }, { 'If-Match': `W/"${base}"` })).status).toBe(412);
    expect(
      (await put('sw-ofo', { ...SEED['sw-ofo'], title: 'L' }, { 'If-Match': `"000099-000000000000", "${base}"` }))
        .status,
    ).toBe(200);
    expect((await put('sw-ofo', { ...SEED['sw-ofo'], title: 'S' }, { 'If-Match': '*' })).status).toBe(200);
    expect((await put('sw-ofo', { ...SEED['sw-ofo'], title: 'B' }, { 'If-Match': 'not a tag' })).status).toBe(400);
  });

  it('serialises imports and PUTs that arrive together: nothing is lost and every series stays consistent', async () => {
    const puts = Array.from({ length: 8 }, (_, i) => put('sw-ofo', { ...SEED['sw-ofo'], title: `During import ${i}` }));
    const [imported, ...written] = await Promise.all([
      importFile(CBP.fy22, '?force=1&allow_new=1000'),
      ...puts,
      put('brand-new', { ...SEED['sw-ofo'], id: 'brand-new', title: 'Created meanwhile' }, { 'If-None-Match': '*' }),
    ]);
    expect(imported!.status, await imported!.clone().text()).toBe(200);
    expect(written.map((r) => r.status).sort()).toEqual([...Array(8).fill(200), 201]);
    const ofo = await listing('sw-ofo');
    // Seed, 8 PUTs and the import's revision of sw-ofo (forced: the file is an older release whose
    // FY2025 months CBP later revised): ten versions, one number each.
    expect(seqs(ofo)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const report = (await imported!.json()) as { series: Array<{ id: string; version: string | null }> };
    for (const s of report.series.filter((x) => x.version))
      expect(
        (await listing(s.id)).versions.map((v) => v.version),
        s.id,
      ).toContain(s.version);
    // What readers see is what the writer holds.
    for (const id of ['sw-total', 'sw-usbp', 'sw-ofo', 'brand-new'])
      expect(await currentOf(id)).toBe(await writer().currentOf(id));
  });
});

describe('bursts beyond KV’s write rate are coalesced, never refused', () => {
  it('publishes 20 concurrent writes in a few head writes, at most one per publish interval, and answers every writer', async () => {
    const heads: number[] = [];
    await runInDurableObject(writer(), (w: Writer) => {
      w.publishIntervalMs = 300;
      w.kv = watchedKv((key) => void (key === keys.head && heads.push(Date.now())));
    });
    const res = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        put(i % 2 ? 'sw-ofo' : 'sw-usbp', { ...SEED[i % 2 ? 'sw-ofo' : 'sw-usbp'], title: `Burst ${i}` }),
      ),
    );
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(res.every((r) => r.headers.get('etag'))).toBe(true);
    expect(heads.length).toBeGreaterThanOrEqual(1);
    expect(heads.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < heads.length; i++) expect(heads[i]! - heads[i - 1]!).toBeGreaterThanOrEqual(290);
    expect(seqs(await listing('sw-ofo'))).toHaveLength(11);
    expect(seqs(await listing('sw-usbp'))).toHaveLength(11);
  });
});

describe('an import is all or nothing for readers', () => {
  it('leaves every reader on the old release for every series when staging fails between two series', async () => {
    const before = Object.fromEntries(
      await Promise.all(['sw-total', 'sw-usbp', 'sw-ofo'].map(async (id) => [id, await currentOf(id)])),
    );
    await runInDurableObject(writer(), (w: Writer) => {
      w.kv = watchedKv((key, n) => {
        if (n === 2) throw new Error(`injected: KV put of ${key} failed`);
      });
    });
    const res = await importFile(CBP.fy22, '?force=1&allow_new=1000');
    expect(res.status).toBe(503);
    for (const [id, v] of Object.entries(before)) expect(await currentOf(id), id).toBe(v);
    expect((await listing('sw-total')).versions).toHaveLength(1);
    expect((await get('/api/v1/series/sw-total-demo-uac')).status).toBe(404);

    // With KV back, the same import commits every series at once.
    await runInDurableObject(writer(), (w: Writer) => void (w.kv = env.SERIES));
    expect((await importFile(CBP.fy22, '?force=1&allow_new=1000')).status).toBe(200);
    const head = JSON.parse((await env.SERIES.get(keys.head))!) as { series: Record<string, string> };
    for (const id of ['sw-total', 'sw-usbp', 'sw-ofo', 'sw-total-demo-uac'])
      expect(head.series[id], id).toMatch(/^00000[12]-/);
    for (const id of Object.keys(before)) expect(await currentOf(id)).not.toBe(before[id]);
  });

  it('recovers a writer restarted after committing an import but before publishing it: every series moves together', async () => {
    const before = await currentOf('sw-total');
    // Publishing stops at the head: the commit is in the writer's storage, not yet visible.
    await runInDurableObject(writer(), (w: Writer) => {
      w.kv = watchedKv((key) => {
        if (key === keys.head) throw new Error('injected: head not written');
      });
    });
    const res = await importFile(CBP.fy22, '?force=1&allow_new=1000');
    expect(res.status).toBe(202);
    expect(await currentOf('sw-total')).toBe(before);
    expect((await get('/api/v1/series/sw-total-demo-uac')).status).toBe(404);

    // The object restarts (memory gone, storage kept); its alarm publishes what it had committed.
    await abortAllDurableObjects();
    expect(await runDurableObjectAlarm(writer())).toBe(true);
    expect(await currentOf('sw-total')).not.toBe(before);
    expect((await get('/api/v1/series/sw-total-demo-uac')).status).toBe(200);
    expect(await currentOf('sw-total')).toBe(await writer().currentOf('sw-total'));
  });

  it('recovers a writer restarted while staging an import: nothing committed, the next write numbers on cleanly', async () => {
    const before = await currentOf('sw-usbp');
    await runInDurableObject(writer(), (w: Writer, state) => {
      w.kv = watchedKv((_key, n) => {
        if (n === 2) state.abort('injected: the writer stops mid-import');
      });
    });
    const res = await importFile(CBP.fy22, '?force=1&allow_new=1000');
    expect(res.status).toBe(503);
    expect(await currentOf('sw-usbp')).toBe(before);
    expect(await writer().currentOf('sw-usbp')).toBe(before);
    const again = await importFile(CBP.fy22, '?force=1&allow_new=1000');
    expect(again.status).toBe(200);
    expect(seqs(await listing('sw-usbp'))).toEqual([1, 2]);
  });
});

describe('first use adopts the history already in KV', () => {
  it('lists and can restore every version written before the writer existed', async () => {
    await reset();
    // The layout of the store before the writer: a key per version and a current pointer per series.
    const legacy = (n: number, title: string): StoredSeries => ({
      version: `00000${n}-00000000000${n}`,
      writtenAt: `2026-0${n}-01T00:00:00.000Z`,
      vintage: 'legacy',
      series: { ...(SEED['sw-ofo'] as StoredSeries['series']), title },
    });
    for (const s of [legacy(1, 'First'), legacy(2, 'Second')]) {
      const info = {
        version: s.version,
        writtenAt: s.writtenAt,
        vintage: s.vintage,
        points: 95,
        first: '2018-10',
        last: '2026-08',
      };
      await env.SERIES.put(keys.version('sw-ofo', s.version), JSON.stringify(s), { metadata: info });
    }
    await env.SERIES.put(keys.legacyCurrent('sw-ofo'), JSON.stringify(legacy(2, 'Second')));
    // Readers find it before any write.
    expect(await currentOf('sw-ofo')).toBe('000002-000000000002');

    const w = await put('sw-ofo', { ...SEED['sw-ofo'], title: 'Third' }, { 'If-Match': '"000002-000000000002"' });
    expect(w.status).toBe(200);
    const l = await listing('sw-ofo');
    expect(l.versions.map((v) => v.version.slice(0, 6))).toEqual(['000003', '000002', '000001']);
    const restored = await write('/api/v1/series/sw-ofo/restore/000001-000000000001', { method: 'POST' });
    expect(restored.status).toBe(200);
    expect(((await (await get('/api/v1/series/sw-ofo')).json()) as { series: { title: string } }).series.title).toBe(
      'First',
    );
  });
});
