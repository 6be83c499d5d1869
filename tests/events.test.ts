import { reset } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventsDoc } from '../src/events/schema';
import seedEvents from '../seed/events/policy-events.json';
import { write } from './fixtures/cbp';
import { get, seedSeries } from './helpers';

// The policy-events document: one versioned document behind the writer, like a series.

beforeEach(seedSeries);
afterEach(reset);

const SEEDED = seedEvents as EventsDoc;
const put = (body: unknown, headers: Record<string, string> = {}) =>
  write('/api/v1/events', { method: 'PUT', body: JSON.stringify(body), headers });
const current = async () => (await get('/api/v1/events')).json() as Promise<{ version: string; doc: EventsDoc }>;

describe('the seeded events document', () => {
  it('is valid, in date order, cites a source for every event, and has Spanish words for all of them', () => {
    expect(EventsDoc.safeParse(SEEDED).success).toBe(true);
    expect(SEEDED.events.length).toBe(12);
    for (const e of SEEDED.events) {
      expect(e.source.url, e.id).toMatch(/^https:\/\//);
      expect(e.citation.length, e.id).toBeGreaterThan(10);
      expect(e.description.es, e.id).not.toBe(e.description.en);
      expect(e.label.es, e.id).not.toBe(e.label.en);
    }
    // the checked dates, as ../shared/data/events/policy-events.csv gives them
    const at = (id: string) => SEEDED.events.find((e) => e.id === id)!;
    expect([at('note-title42-in-encounters').start, at('note-title42-in-encounters').end]).toEqual([
      '2020-03-20',
      '2023-05-11',
    ]);
    expect(SEEDED.events.filter((e) => e.start === '2025-01-20').length).toBe(4);
    expect(at('securing-the-border-2024').citation).toContain('89 FR 48710');
  });
});

describe('PUT /api/v1/events, GET /api/v1/events', () => {
  it('writes a first version (201), reads it back with its version, and lists it', async () => {
    expect((await get('/api/v1/events')).status).toBe(404);
    const res = await put(SEEDED, { 'If-None-Match': '*' });
    expect(res.status).toBe(201);
    const w = (await res.json()) as { version: string };
    expect(w.version).toMatch(/^000001-[0-9a-f]{12}$/);
    const got = await get('/api/v1/events');
    expect(got.headers.get('cache-tag')).toContain('events');
    const body = (await got.json()) as { version: string; doc: EventsDoc; vintage: string };
    expect(body.version).toBe(w.version);
    expect(body.doc).toEqual(SEEDED);
    expect(body.vintage).toBe('12 events');
    const list = (await (await get('/api/v1/events/versions')).json()) as {
      current: string;
      versions: Array<{ version: string; state: string; events: number }>;
    };
    expect(list.current).toBe(w.version);
    expect(list.versions).toMatchObject([{ version: w.version, state: 'current', events: 12 }]);
  });

  it('a second identical write changes nothing; a changed one is the next version', async () => {
    await put(SEEDED);
    const first = (await current()).version;
    const same = await put(SEEDED);
    expect(same.status).toBe(200);
    expect(((await same.json()) as { changed: boolean }).changed).toBe(false);
    const fewer = { events: SEEDED.events.slice(1) };
    const next = (await (await put(fewer)).json()) as { version: string; previous: string };
    expect(next.previous).toBe(first);
    expect(next.version.startsWith('000002-')).toBe(true);
    expect((await current()).doc.events.length).toBe(11);
    // the earlier version stays readable, exactly, at its own immutable URL
    const old = await get(`/api/v1/events?v=${first}`);
    expect(old.headers.get('cache-control')).toContain('immutable');
    expect(((await old.json()) as { doc: EventsDoc }).doc).toEqual(SEEDED);
  });

  it('restores an earlier version as a new one', async () => {
    await put(SEEDED);
    const first = (await current()).version;
    await put({ events: [] });
    const res = await write(`/api/v1/events/restore/${first}`, { method: 'POST' });
    expect(res.status).toBe(200);
    const w = (await res.json()) as { version: string; restoredFrom: string };
    expect(w.restoredFrom).toBe(first);
    expect(w.version.startsWith('000003-')).toBe(true);
    expect((await current()).doc).toEqual(SEEDED);
    expect((await write('/api/v1/events/restore/000009-000000000000', { method: 'POST' })).status).toBe(404);
  });

  it('of many writers with the same If-Match, exactly one wins; the rest get 412 and nothing is lost', async () => {
    await put(SEEDED);
    const base = (await current()).version;
    const n = 12;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        put({ events: SEEDED.events.slice(0, i + 1) }, { 'If-Match': `"${base}"` }).then((r) => r.status),
      ),
    );
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s === 412)).toHaveLength(n - 1);
    // and writers without a condition are each a version, none lost
    const free = await Promise.all(
      Array.from({ length: 8 }, (_, i) => put({ events: SEEDED.events.slice(i + 1) }).then((r) => r.json())),
    );
    const versions = (free as Array<{ version: string }>).map((w) => Number(w.version.slice(0, 6)));
    expect(new Set(versions).size).toBe(8);
    const list = (await (await get('/api/v1/events/versions')).json()) as { versions: unknown[] };
    expect(list.versions.length).toBe(1 + 1 + 8);
  });

  it('refuses bad documents with a 422 naming the problem, and writes nothing', async () => {
    const e = SEEDED.events[2]!;
    const bad: Array<[string, unknown, RegExp]> = [
      ['end before start', { events: [{ ...e, end: '2019-01-01' }] }, /end .* must be after start/],
      ['not a date', { events: [{ ...e, start: '2023-02-30' }] }, /real calendar date/],
      ['unknown kind', { events: [{ ...e, kind: 'rumour' }] }, /kind/],
      ['http source', { events: [{ ...e, source: { ...e.source, url: 'http://example.com' } }] }, /url/],
      ['duplicate id', { events: [e, e] }, /given twice/],
      ['out of order', { events: [SEEDED.events[3], SEEDED.events[2]] }, /date order/],
      ['no Spanish', { events: [{ ...e, label: { en: 'x' } }] }, /label/],
      ['control character', { events: [{ ...e, citation: 'a\u0000b' }] }, /control characters/],
    ];
    for (const [what, body, why] of bad) {
      const res = await put(body);
      expect(res.status, what).toBe(422);
      expect(((await res.json()) as { detail: string }).detail, what).toMatch(why);
    }
    expect((await get('/api/v1/events')).status).toBe(404);
  });

  it('needs the token', async () => {
    expect((await write('/api/v1/events', { method: 'PUT', body: '{"events":[]}' }, null)).status).toBe(401);
    expect((await write('/api/v1/events', { method: 'PUT', body: '{"events":' })).status).toBe(400);
  });
});
