import { env } from 'cloudflare:workers';
import {
  createExecutionContext,
  reset,
  runDurableObjectAlarm,
  runInDurableObject,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, SEED, app, seed } from './helpers';
import type { Writer } from '../src/writer/object';
import { CBP } from './fixtures/cbp';
import { checkBody } from './security-checks';

/**
 * Fault injection: the app runs against a KV binding that throws, hangs or hands back garbage.
 * Readers must get a stale render or an error card / 503, never a 500; writers must leave every
 * stored version exactly as it was.
 */
type ReadFault = 'throw' | 'hang' | 'corrupt' | 'schema';

const pending: Array<() => void> = [];
afterEach(async () => {
  for (const release of pending.splice(0)) release();
  await reset();
});
beforeEach(seed);

interface Plan {
  read?: ReadFault;
  list?: 'throw' | 'hang';
  /** 1-based index of the put that throws (2 = the second put of a write, after the version entry). */
  failPut?: number;
}

/** A KV binding that delegates to the real one except where the plan says to fail. */
function faultyKv(real: KVNamespace, plan: Plan): KVNamespace {
  let puts = 0;
  const hang = <T>(): Promise<T> => new Promise<T>((resolve) => pending.push(() => resolve(null as T)));
  const read = async (key: string, opts: unknown, withMeta: boolean): Promise<unknown> => {
    if (plan.read === 'throw') throw new Error('KV GET failed (injected)');
    if (plan.read === 'hang') return hang();
    if (plan.read === 'corrupt' || plan.read === 'schema') {
      const value = plan.read === 'corrupt' ? '{"version":"000001-' : '{"version":"x","series":[]}';
      return withMeta ? { value, metadata: null, cacheStatus: null } : value;
    }
    return withMeta ? real.getWithMetadata(key, opts as 'text') : real.get(key, opts as 'text');
  };
  const kv = {
    get: (key: string, opts?: unknown) => read(key, opts, false),
    getWithMetadata: (key: string, opts?: unknown) => read(key, opts, true),
    list: async (opts?: KVNamespaceListOptions) => {
      if (plan.list === 'throw') throw new Error('KV LIST failed (injected)');
      if (plan.list === 'hang') return hang();
      return real.list(opts);
    },
    put: async (key: string, value: string, opts?: KVNamespacePutOptions) => {
      if (++puts === plan.failPut) throw new Error(`KV PUT #${puts} failed (injected)`);
      return real.put(key, value, opts);
    },
    delete: async (key: string) => real.delete(key),
  };
  return kv as unknown as KVNamespace;
}

const writerStub = () => env.WRITER.getByName('main');

/** Puts a faulty KV in the writer's hands (the Durable Object publishes with its own binding). */
async function faultWriter(plan: Plan): Promise<void> {
  await runInDurableObject(writerStub(), (w: Writer) => {
    w.kv = faultyKv(env.SERIES, plan);
  });
}

async function call(kv: KVNamespace, path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://example.com${path}`, init), { ...env, SERIES: kv }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Every KV key with its value and metadata. */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await env.SERIES.list({ cursor });
    for (const k of page.keys) out.set(k.name, JSON.stringify([await env.SERIES.get(k.name), k.metadata ?? null]));
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}

/** Every key that existed before is still there with the same value and metadata. */
function expectKept(before: Map<string, string>, after: Map<string, string>): void {
  for (const [k, v] of before) expect(after.get(k), `KV key ${k} changed`).toBe(v);
}

const READS = [
  '/v1/sw-total/trend.svg',
  '/v1/sw-total/trend.png',
  '/embed/sw-total/trend',
  `/oembed?url=${encodeURIComponent('http://example.com/embed/sw-total/trend')}`,
  '/api/v1/series/sw-total',
  '/api/v1/series/sw-total.csv',
  '/api/v1/series/sw-total/versions',
  '/api/v1/series',
  '/?series=sw-total',
];

describe('reads under KV faults give a stale render or an error card / 503, never a 500', () => {
  for (const fault of ['throw', 'corrupt', 'schema'] as const) {
    it.each(READS)(`KV get ${fault}s: %s`, async (path) => {
      const res = await call(
        faultyKv(env.SERIES, { read: fault, list: fault === 'throw' ? 'throw' : undefined }),
        path,
      );
      expect([200, 503], `${path} → ${res.status}`).toContain(res.status);
      if (res.status === 503) expect(Number(res.headers.get('retry-after') ?? '1')).toBeGreaterThan(0);
      if (path.startsWith('/v1/')) expect(res.headers.get('content-type')).toMatch(/^image\//);
      await checkBody(res, `${fault} ${path}`);
    });
  }

  it('a KV that hangs is cut off by a timeout: every read answers within 5 s', async () => {
    const kv = faultyKv(env.SERIES, { read: 'hang', list: 'hang' });
    const late: string[] = [];
    await Promise.all(
      READS.map(async (path) => {
        const answer = call(kv, path).then(
          (res) => res,
          () => null,
        );
        const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), 5000));
        const res = await Promise.race([answer, timer]);
        if (res === 'late') return late.push(path);
        expect(res, path).not.toBeNull();
        expect([200, 503], path).toContain(res!.status);
      }),
    );
    expect(late.length, `still waiting on KV after 5 s: ${late.sort().join(' ')}`).toBe(0);
  });
});

describe('failed writes leave every stored version unchanged', () => {
  const auth = (ip: string) => ({ Authorization: `Bearer ${ADMIN_TOKEN}`, 'CF-Connecting-IP': ip });
  const changed = JSON.stringify({ ...SEED['sw-ofo'], title: 'Changed during a fault' });

  it('a PUT whose first KV write (staging its version) throws answers 503 and changes nothing', async () => {
    const before = await snapshot();
    await faultWriter({ failPut: 1 });
    const res = await call(env.SERIES, '/api/v1/series/sw-ofo', {
      method: 'PUT',
      body: changed,
      headers: auth('198.51.100.1'),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await snapshot()).toEqual(before);
  });

  it('a PUT committed but not yet published answers 202; readers keep the old version until the writer publishes', async () => {
    const before = await snapshot();
    // The version is staged (put 1), then publishing its history fails (put 2).
    await faultWriter({ failPut: 2 });
    const res = await call(env.SERIES, '/api/v1/series/sw-ofo', {
      method: 'PUT',
      body: changed,
      headers: auth('198.51.100.2'),
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const { version, published } = (await res.json()) as { version: string; published: boolean };
    expect(published).toBe(false);
    expectKept(before, await snapshot());
    const read = async () => (await (await call(env.SERIES, '/api/v1/series/sw-ofo')).json()) as { version: string };
    expect((await read()).version).not.toBe(version);

    // KV recovers; the writer's alarm publishes the commit it already holds. Nothing was lost.
    await faultWriter({});
    expect(await runDurableObjectAlarm(writerStub())).toBe(true);
    expect((await read()).version).toBe(version);
    type Listing = { current: string; versions: Array<{ version: string; state: string }> };
    const listing = (await (await call(env.SERIES, '/api/v1/series/sw-ofo/versions')).json()) as Listing;
    expect(listing.current).toBe(version);
    expect(listing.versions.map((v) => v.state)).toEqual(['current', 'earlier']);
  });

  it('a CBP import whose second series staging throws stores nothing and keeps every reader on the old release', async () => {
    const before = await snapshot();
    await faultWriter({ failPut: 2 });
    const res = await call(env.SERIES, '/api/v1/import/cbp?allow_new=1000', {
      method: 'POST',
      body: CBP.fy22,
      headers: auth('198.51.100.4'),
    });
    expect(res.status).toBe(503);
    const after = await snapshot();
    // Every key readers resolve through is exactly as it was: no series moved to the new release.
    for (const k of [...before.keys()].filter((k) => !k.includes(':ver:'))) expect(after.get(k), k).toBe(before.get(k));
    expectKept(before, after);
  });

  it.each([
    ['a truncated row', (csv: string) => csv.slice(0, csv.indexOf('\n', 5000) + 20)],
    ['a non-numeric count', (csv: string) => csv.replace(/,(\d+)\r?\n/, ',12x\n')],
    ['a negative count', (csv: string) => csv.replace(/,(\d+)\r?\n/, ',-5\n')],
    ['an unknown layout', (csv: string) => csv.replace(/^[^\n]*/, 'a,b,c')],
    ['a formula in a cell', (csv: string) => csv.replace(/\n2022,FYTD,OCT,/, '\n=HYPERLINK("x"),FYTD,OCT,')],
    ['an empty body', () => ''],
  ])('a bad import (%s) is refused with a 4xx and stores nothing', async (_name, mangle) => {
    const before = await snapshot();
    const res = await call(env.SERIES, '/api/v1/import/cbp', {
      method: 'POST',
      body: mangle(CBP.fy22),
      headers: auth('198.51.100.5'),
    });
    expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await snapshot()).toEqual(before);
  });

  it('a restore whose staging throws changes nothing', async () => {
    const put = await call(env.SERIES, '/api/v1/series/sw-ofo', {
      method: 'PUT',
      body: changed,
      headers: auth('198.51.100.7'),
    });
    expect(put.status).toBe(200);
    const listing = await call(env.SERIES, '/api/v1/series/sw-ofo/versions');
    const { versions } = (await listing.json()) as { versions: Array<{ version: string }> };
    const version = versions.map((v) => v.version).sort()[0];
    expect(version).toBeDefined();
    const before = await snapshot();
    await faultWriter({ failPut: 1 });
    const res = await call(env.SERIES, `/api/v1/series/sw-ofo/restore/${version}`, {
      method: 'POST',
      headers: auth('198.51.100.6'),
    });
    expect(res.status).toBe(503);
    expect(await snapshot()).toEqual(before);
  });
});
