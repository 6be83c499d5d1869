import { env, exports } from 'cloudflare:workers';
import { createExecutionContext, reset, waitOnExecutionContext } from 'cloudflare:test';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { csvCell } from '../src/routes/api';
import { CBP, importFile, write } from './fixtures/cbp';
import { SEED, app, get, plainWidgets, registry, seed } from './helpers';
import { checkBody, formulaCells } from './security-checks';

/**
 * The second hardening pass: each item of the hostile review, reproduced as a request and checked
 * against the promise it broke.
 */
beforeAll(seed);
afterAll(reset);

async function call(path: string, init: RequestInit = {}, bindings: Partial<Env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://example.com${path}`, init), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}
const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  write(`/api/v1/series/${id}`, { method: 'PUT', body: JSON.stringify(body), headers });
const versionOf = async (id: string) =>
  ((await (await get(`/api/v1/series/${id}`)).json()) as { version: string }).version;
const deny = { limit: async () => ({ success: false }) } as unknown as RateLimit;
const failingKv = { get: () => Promise.reject(new Error('KV down (injected)')) } as unknown as KVNamespace;

describe('1. the last-good fallback cannot be poisoned', () => {
  it('a pinned render never becomes the live card’s fallback, and a fallback is never older than what the URL last served', async () => {
    const path = '/v1/sw-ofo/stat.svg?months=60';
    const old = await versionOf('sw-ofo');
    expect((await put('sw-ofo', { ...SEED['sw-ofo'], title: 'Revised after the old version' })).status).toBe(200);
    const live = await (await call(path)).text();
    expect(live).toContain('Revised after the old version');
    // Anyone may ask for the retracted version by its pin; it must not replace the live fallback.
    const pinned = await call(`${path}&v=${old}`);
    expect(pinned.status).toBe(200);
    expect(await pinned.text()).not.toContain('Revised after the old version');
    // KV fails: the live URL serves its last good render, which is the newest it served.
    const stale = await call(path, {}, { SERIES: failingKv });
    expect(stale.headers.get('x-border-stats-stale')).toBe('1');
    expect(await stale.text()).toBe(live);
  });

  it('a render of older data (a stale head elsewhere) never replaces a newer fallback', async () => {
    const path = '/v1/sw-usbp/badge.svg';
    expect((await put('sw-usbp', { ...SEED['sw-usbp'], short: 'Newest label' })).status).toBe(200);
    const newest = await (await call(path)).text();
    expect(newest).toContain('Newest label');
    // Another location still resolves the head to the older version and renders it.
    const head = JSON.parse((await env.SERIES.get('v1:head'))!) as {
      gen: number;
      at: string;
      series: Record<string, string>;
    };
    const versions = (
      (await (await get('/api/v1/series/sw-usbp/versions')).json()) as { versions: Array<{ version: string }> }
    ).versions;
    const olderHead = JSON.stringify({ ...head, series: { ...head.series, 'sw-usbp': versions[1]!.version } });
    const staleKv = {
      get: (key: string, o: unknown) =>
        key === 'v1:head' ? Promise.resolve(olderHead) : env.SERIES.get(key, o as 'text'),
    } as unknown as KVNamespace;
    expect(await (await call(path, {}, { SERIES: staleKv })).text()).not.toContain('Newest label');
    const fallback = await call(path, {}, { SERIES: failingKv });
    expect(await fallback.text()).toBe(newest);
  });
});

describe('2. render cost is bounded', () => {
  it('serves error PNGs from a small cached set, whatever the bad request', async () => {
    const a = await call('/v1/no-such-a/trend.png');
    const b = await call('/v1/no-such-b/stat.png');
    expect([a.status, b.status]).toEqual([404, 404]);
    expect(a.headers.get('x-cache')).toBe('MISS');
    expect(b.headers.get('x-cache')).toBe('HIT');
    expect(new Uint8Array(await b.arrayBuffer())).toEqual(new Uint8Array(await a.arrayBuffer()));
    // A 429 on a PNG costs a cache hit, not a render.
    await call('/v1/sw-total/trend.png?width=701', {}, { PNG_LIMITER: deny });
    const limited = await call('/v1/sw-total/trend.png?width=702', {}, { PNG_LIMITER: deny });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-cache')).toBe('HIT');
  });

  it('writes an SVG error by hand, naming the exact problem, in microseconds rather than a render', async () => {
    const res = await call('/v1/sw-total/trend.svg?months=2');
    expect(res.status).toBe(400);
    const svg = await checkBody(res, 'error svg');
    expect(svg).toContain('months: ');
    expect(svg).not.toContain('<path');
  });

  it('budgets uncached renders per client by cost class; cache hits are free', async () => {
    const svg = await call('/v1/sw-total/trend.svg?width=703', {}, { SVG_LIMITER: deny });
    expect(svg.status).toBe(429);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect((await call('/v1/sw-total/trend.svg?width=704')).status).toBe(200);
    expect((await call('/v1/sw-total/trend.svg?width=704', {}, { SVG_LIMITER: deny })).status).toBe(200);
    // The most expensive card (10.5 megapixels) is its own, smaller budget.
    const heavy = await call('/v1/sw-total/social.png?months=240&scale=3&size=square', {}, { HEAVY_LIMITER: deny });
    expect(heavy.status).toBe(429);
    expect((await call('/v1/sw-total/social.png?size=og', {}, { HEAVY_LIMITER: deny })).status).toBe(200);
  });

  it('normalises options before keying and refuses as_of in the future', async () => {
    for (const accent of ['ABC', 'AABBCC', '%23aAbBcC']) {
      const moved = await call(`/v1/sw-total/stat.svg?accent=${accent}`);
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe('/v1/sw-total/stat.svg?accent=aabbcc');
    }
    expect((await call('/v1/sw-total/stat.svg?accent=aabbcc')).status).toBe(200);
    expect((await call('/v1/sw-total/stat.svg?as_of=9999-12')).status).toBe(400);
    const next = new Date();
    next.setUTCMonth(next.getUTCMonth() + 1);
    expect((await call(`/v1/sw-total/stat.svg?as_of=${next.toISOString().slice(0, 7)}`)).status).toBe(400);
  });
});

describe('3. characters XML forbids never reach an output', () => {
  const bad = ['\u0001', '\u0008', '\u007f', '\ufffe', '\uffff', '\ud800', 'a\udc00'];
  it('refuses them in every stored string on write', async () => {
    const s = SEED['sw-ofo'];
    for (const c of bad)
      for (const body of [
        { ...s, title: `T${c}` },
        { ...s, unit: `u${c}` },
        { ...s, notes: `n${c}` },
        { ...s, source: { ...s.source, name: `S${c}` } },
        { ...s, source: { ...s.source, release: `R${c}` } },
        { ...s, points: s.points.map((p, i) => (i ? p : { ...p, src: `x${c}` })) },
        { ...s, i18n: { es: { title: `E${c}` } } },
      ])
        expect((await put('sw-ofo', body)).status, JSON.stringify(c)).toBe(422);
  });

  it('refuses them in a CBP file’s labels on import, naming the line', async () => {
    const lines = CBP.fy22.split('\n');
    const at = lines.findIndex((l, i) => i > 0 && l.includes('Single Adults'));
    lines[at] = lines[at]!.replace('Single Adults', 'Single\u0001Adults');
    const res = await importFile(lines.join('\n'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { line: number }).line).toBe(at + 1);
  });
});

describe('4. a badge prints only stored words', () => {
  it('ignores label= on the image, the embed page, its title tags and oEmbed', async () => {
    const label = 'Migrant deaths (official CBP)';
    const q = `label=${encodeURIComponent(label)}`;
    for (const path of [
      `/v1/sw-usbp/badge.svg?${q}`,
      `/embed/sw-usbp/badge?${q}`,
      `/oembed?url=${encodeURIComponent(`http://example.com/embed/sw-usbp/badge?${q}`)}`,
    ])
      expect(await (await get(path)).text(), path).not.toContain('Migrant deaths');
  });
});

describe('5. the importer’s memory stays bounded whatever the body', () => {
  const header =
    'Fiscal Year,Month Grouping,Month (abbv),Component,Demographic,Citizenship Grouping,Title of Authority,Encounter Type,Encounter Count\n';
  for (const [what, body] of [
    ['a record of commas', header + ','.repeat(2_000_000)],
    ['a field of doubled quotes', `${header}"${'""'.repeat(200_000)}"\n`],
    ['a quoted field of line breaks', `${header}"${'\n'.repeat(200_000)}"\n`],
  ] as const)
    it(`refuses ${what} with a 400 naming the line, early`, async () => {
      const res = await importFile(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toMatch(
        /^line 2: (more than 16 fields|field longer than)/,
      );
    });
});

describe('6. an absurd value is refused', () => {
  it('refuses a value beyond any plausible count, and draws the largest plausible one', async () => {
    const s = SEED['sw-ofo'];
    const huge = { ...s, points: s.points.map((p, i) => (i ? p : { ...p, value: Number.MAX_VALUE })) };
    expect((await put('sw-ofo', huge)).status).toBe(422);
    const big = { ...s, id: 'big-values', points: s.points.map((p) => ({ ...p, value: 1e12 })) };
    expect((await put('big-values', big)).status).toBe(201);
    for (const w of plainWidgets) expect((await get(`/v1/big-values/${w}.svg?by=fy`)).status, w).toBe(200);
  });
});

describe('7. CSV cells never start a formula', () => {
  it('neutralises formulas after whitespace, NBSP, line breaks and in full-width form', () => {
    for (const s of [' =1+1', '\u00a0=1+1', '\n=1+1', '\t=1+1', '\uff1d1+1', '\uff0bcmd', ' @SUM(A1)', '-cmd'])
      expect(formulaCells(`${csvCell(s)}\r\n`), JSON.stringify(s)).toEqual([]);
    expect(csvCell('-4.5')).toBe('-4.5');
    expect(csvCell('Nov 2025')).toBe('Nov 2025');
  });
});

describe('9. an import cannot flood the catalog', () => {
  const header =
    'Fiscal Year,Month Grouping,Month (abbv),Component,Demographic,Citizenship Grouping,Title of Authority,Encounter Type,Encounter Count';
  const file = (n: number) =>
    [
      header,
      ...Array.from(
        { length: n },
        (_, i) => `2025,FYTD,OCT,U.S. Border Patrol,Group ${i},Mexico,Title 8,Apprehensions,5`,
      ),
    ].join('\n');
  beforeEach(async () => {
    await reset();
    await seed();
  });

  it('says how many series an import would create, and refuses many without allow_new', async () => {
    // 40 demographics, each a member of the southwest total's and Border Patrol's breakdowns, and
    // the one citizenship, title and encounter type of every row, for both: 2 × (40 + 3).
    const dry = await importFile(file(40), '?dry_run=1');
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as { created: string[] }).created).toHaveLength(86);
    const res = await importFile(file(40));
    expect(res.status).toBe(409);
    const problem = (await res.json()) as { detail: string; created: string[] };
    expect(problem.detail).toContain('allow_new=86');
    expect(problem.created).toHaveLength(86);
    expect((await get('/api/v1/series/sw-total-demo-group-0')).status).toBe(404);
    expect((await importFile(file(40), '?allow_new=86')).status).toBe(200);
  });

  it('reports labels that fold into one series, never silently', async () => {
    const csv = [
      header,
      '2025,FYTD,OCT,U.S. Border Patrol,Single Adults,Mexico,Title 8,Apprehensions,5',
      '2025,FYTD,OCT,U.S. Border Patrol,single-adults,Mexico,Title 8,Apprehensions,7',
    ].join('\n');
    const report = (await (await importFile(csv, '?dry_run=1')).json()) as {
      merged: Array<{ id: string; labels: string[] }>;
      summary: string[];
    };
    expect(report.merged).toEqual([
      { id: 'sw-total-demo-single-adults', labels: ['Single Adults', 'single-adults'] },
      { id: 'sw-usbp-demo-single-adults', labels: ['Single Adults', 'single-adults'] },
    ]);
    expect(report.summary.join('\n')).toContain('merged labels into sw-total-demo-single-adults');
  });
});

describe('10. conditional requests follow RFC 9110', () => {
  it('answers If-None-Match: * on a version that does not exist with 404, not a 304 cached for a year', async () => {
    const res = await get('/v1/sw-total/trend.svg?v=000999-0123456789ab', { headers: { 'If-None-Match': '*' } });
    expect(res.status).toBe(404);
    const v = await versionOf('sw-total');
    expect((await get(`/v1/sw-total/trend.svg?v=${v}`, { headers: { 'If-None-Match': '*' } })).status).toBe(304);
  });
  // If-Match: * on a missing series, weak tags and lists: tests/writer.test.ts.
});

describe('11. oEmbed and CORS', () => {
  it('answers CORS preflight on cards, oEmbed and the script', async () => {
    for (const path of ['/v1/sw-total/trend.png', '/v1/sw-total/trend.svg', '/oembed?url=x', '/embed.js']) {
      const res = await exports.default.fetch(
        new Request(`http://example.com${path}`, {
          method: 'OPTIONS',
          headers: { Origin: 'https://news.example', 'Access-Control-Request-Method': 'GET' },
        }),
      );
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('access-control-allow-methods'), path).toContain('GET');
    }
  });

  it('keeps oEmbed no fresher-looking than the card: its cache time is the live card’s', async () => {
    const o = await get(`/oembed?url=${encodeURIComponent('http://example.com/embed/sw-total/trend')}`);
    const card = await get('/v1/sw-total/trend.svg');
    expect(o.headers.get('cache-control')).toBe(card.headers.get('cache-control'));
    const body = (await o.json()) as { cache_age: number };
    expect(body.cache_age).toBeLessThanOrEqual(60);
  });
});

describe('fuzz: hostile stored data, through the API and the importer, then every output', () => {
  const outputs = (id: string) => [
    ...registry.names.map((w) => `/v1/${id}/${w}.svg`),
    `/v1/${id}/trend.svg?theme=auto&lang=es`,
    `/v1/${id}/badge.png`,
    `/embed/${id}/trend`,
    `/oembed?format=xml&url=${encodeURIComponent(`http://example.com/embed/${id}/stat`)}`,
    `/oembed?url=${encodeURIComponent(`http://example.com/embed/${id}/bars`)}`,
    `/api/v1/series/${id}`,
    `/api/v1/series/${id}.csv`,
    `/api/v1/series/${id}/versions`,
  ];

  it('stores what the schema accepts and every output stays well-formed, inert and decodable', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
      fc.constantFrom('<b>x</b>', ']]>', '"\'&<>', '=1+1', '\u202eevil', '\u00a0=cmd', 'A\u0000B', '\ud83d', 'ok'),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(text, text, text, async (title, unit, release) => {
        const s = SEED['sw-ofo'];
        const body = { ...s, id: 'hostile', title, unit, source: { ...s.source, release } };
        const res = await put('hostile', body);
        expect([200, 201, 422], await res.clone().text()).toContain(res.status);
        if (res.status === 422) return;
        accepted++;
        for (const path of outputs('hostile')) {
          const out = await get(path);
          expect(out.status, path).toBeLessThan(500);
          await checkBody(out, path);
        }
      }),
      { seed: 20261129, numRuns: 12, endOnFailure: true },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('imports hostile labels or refuses them, and every output of what it stores stays well-formed', async () => {
    const header =
      'Fiscal Year,Month Grouping,Month (abbv),Component,Demographic,Citizenship Grouping,Title of Authority,Encounter Type,Encounter Count';
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }), async (label) => {
        const cell = `"${label.replace(/"/g, '""')}"`;
        const res = await importFile(
          `${header}\n2025,FYTD,OCT,U.S. Border Patrol,${cell},Mexico,Title 8,Apprehensions,5\n`,
          '?allow_new=50',
        );
        expect([200, 400, 422], await res.clone().text()).toContain(res.status);
        if (res.status !== 200) return;
        const report = (await res.json()) as { series: Array<{ id: string }> };
        for (const { id } of report.series.filter((x) => x.id.startsWith('sw-total-demo-')))
          for (const path of outputs(id)) await checkBody(await get(path), path);
      }),
      { seed: 20261130, numRuns: 8, endOnFailure: true },
    );
  });
});
