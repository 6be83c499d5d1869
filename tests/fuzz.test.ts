import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { get, seed } from './helpers';
import { MARKERS, checkBody } from './security-checks';

/**
 * Property-based fuzzing of every public endpoint's path and query. Whatever the URL, the answer
 * is never a 5xx and every body is well-formed and inert for its type (see security-checks.ts).
 * Runs are bounded and the seed is fixed, so a failure prints a counterexample that replays.
 */
const SEED = 20261128;
const opts = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

beforeAll(seed);

const SERIES = ['sw-total', 'sw-usbp', 'sw-ofo'];
const WIDGETS = ['trend', 'stat', 'bars', 'badge', 'social'];
/** Path segments an attacker tries in place of a series or widget name (already URL-safe). */
const TRICKS = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F',
  '..%2F..%2Fapi',
  '%2F',
  '%252e%252e',
  '%252F',
  '..%5C..%5C',
  'sw-total%00',
  'sw-total%0d%0aX-Injected:%201',
  '%D1%95w-total', // Cyrillic "ѕ"
  'sw%E2%80%90total', // Unicode hyphen
  'sw%EF%BC%8Dtotal', // full-width hyphen-minus
  'SW-TOTAL',
  'sw--total',
  '-sw-total',
  'sw-total-',
  'sw-total.json',
  '%C0%AE%C0%AE', // overlong UTF-8 "."
  '%ZZ',
  '%',
  '__proto__',
  'constructor',
  'a'.repeat(65),
  'a'.repeat(2000),
];

const enc = (s: string) => encodeURIComponent(s);
const segment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SERIES) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 80 }).map(enc) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map(enc) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKERS).map(enc) },
);
const widgetSeg = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WIDGETS) }, { weight: 2, arbitrary: segment });

const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map(String),
  fc.constantFrom('0', '-0', '1e3', '0x10', ' 640', '640 ', '+3', 'NaN', 'Infinity', '9'.repeat(400), '00000640'),
);
const KEYS = ['theme', 'accent', 'lang', 'months', 'as_of', 'width', 'scale', 'size', 'format', 'id', 'maxwidth'];
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('light', 'dark', 'auto', 'es', 'en', '36', '2025-06', 'ff0000', 'og', 'x') },
  { weight: 3, arbitrary: number },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKERS, 'javascript:alert(1)', 'url(http://evil)', '#f00;x') },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\r\nX: y', '\t', '\u202e', 'ﬀ', '%00', '%252e') },
  { weight: 1, arbitrary: fc.integer({ min: 150, max: 5000 }).map((n) => 'A'.repeat(n)) },
);
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
);
/** Pairs may repeat a key on purpose (duplicated parameters). */
const query = fc
  .array(fc.tuple(key, value), { maxLength: 6 })
  .chain((pairs) => fc.boolean().map((dup) => (dup && pairs.length ? [...pairs, pairs[0]!] : pairs)))
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')}` : ''));

/** Fetches, then holds the response to the rules every output must follow. */
async function probe(path: string, allowed: readonly number[] = [], init?: RequestInit): Promise<number> {
  let res: Response;
  try {
    res = await get(path, init);
  } catch (e) {
    throw new Error(`${path}: fetch threw ${String(e)}`, { cause: e });
  }
  if (!allowed.includes(res.status)) expect(res.status, `${path} answered ${res.status}`).toBeLessThan(500);
  // HEAD, 204 and 304 carry no body by definition.
  if (init?.method !== 'HEAD' && res.status !== 204 && res.status !== 304) await checkBody(res, path);
  return res.status;
}

describe('fuzzing public endpoints never yields a 5xx or unsafe output', () => {
  it('card SVGs: any series, widget and query give a 2xx/4xx well-formed, inert SVG', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(segment, widgetSeg, query, async (s, w, q) => {
        statuses.add(await probe(`/v1/${s}/${w}.svg${q}`));
      }),
      opts(150),
    );
    // The generators reach both the chart and the refusals.
    expect(statuses.has(200)).toBe(true);
    expect([...statuses].some((x) => x >= 400)).toBe(true);
  }, 60_000);

  it('card PNGs: a few arbitrary queries give a PNG or an error image, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SERIES, '..', 'nope'), query, async (s, q) => {
        await probe(`/v1/${s}/trend.png${q}`);
      }),
      opts(12),
    );
  }, 60_000);

  it('embed pages: any series, widget and query give a parseable page with nothing injected', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(segment, widgetSeg, query, async (s, w, q) => {
        statuses.add(await probe(`/embed/${s}/${w}${q}`));
      }),
      opts(200),
    );
    expect(statuses.has(200)).toBe(true);
  }, 60_000);

  it('oEmbed: any url, format and sizes give JSON or XML that parses, or a bare 4xx', async () => {
    const target = fc.oneof(
      fc.tuple(segment, widgetSeg, query).map(([s, w, q]) => `http://example.com/embed/${s}/${w}${q}`),
      fc.tuple(segment, widgetSeg).map(([s, w]) => `http://example.com/v1/${s}/${w}.svg`),
      fc.constantFrom(
        'javascript:alert(1)',
        'http://evil.example/embed/sw-total/trend',
        'http://example.com@evil.example/embed/sw-total/trend',
        'http://user:pw@example.com/embed/sw-total/trend',
        'data:text/html,<script>alert(1)</script>',
        'http://example.com/embed/sw-total/trend?lang=<script>',
        'http://example.com/?series=sw-total&widget="><script>',
        '//example.com/embed/sw-total/trend',
        'http://EXAMPLE.com/embed/sw-total/trend',
        'http://example.com/embed/%2e%2e/trend',
      ),
      fc.string({ maxLength: 100 }),
    );
    const format = fc.constantFrom('json', 'xml', 'JSON', 'html', '', 'xml\u0000');
    await fc.assert(
      fc.asyncProperty(target, format, number, number, async (u, f, mw, mh) => {
        // oEmbed 1.0 answers an unsupported format with a bare 501.
        await probe(`/oembed?url=${enc(u)}&format=${enc(f)}&maxwidth=${enc(mw)}&maxheight=${enc(mh)}`, [501]);
      }),
      opts(200),
    );
  }, 60_000);

  it('read API: catalog, series JSON, CSV and versions answer JSON/CSV that parses, never a 5xx', async () => {
    const suffix = fc.oneof(
      fc.constantFrom('', '.csv', '/versions', '.json', '.CSV', '/versions/', '%2Fversions'),
      fc.constantFrom('/versions/000001-', '/versions/999999-ffffffffffff', '/versions/..%2F..'),
      fc.stringMatching(/^\d{6}-[0-9a-f]{12}$/).map((v) => `/versions/${v}`),
    );
    await fc.assert(
      fc.asyncProperty(segment, suffix, query, async (s, sfx, q) => {
        await probe(`/api/v1/series/${s}${sfx}${q}`);
      }),
      opts(120),
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        await probe(`/api/v1/series${q}`);
      }),
      opts(60),
    );
  }, 60_000);

  it('gallery, /embed.js and /healthz ignore or refuse any query, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/', '/embed.js', '/healthz'), query, async (p, q) => {
        await probe(`${p}${q}`);
      }),
      opts(120),
    );
  }, 60_000);

  it('arbitrary paths (traversal, encodings, look-alikes) never reach a 5xx', async () => {
    const prefix = fc.constantFrom('/', '/v1/', '/embed/', '/api/v1/', '/api/v1/series/', '/oembed/', '/embed.js/');
    const rest = fc.array(
      fc.oneof(
        segment,
        widgetSeg.map((w) => `${w}.svg`),
      ),
      { minLength: 0, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(prefix, rest, query, async (p, parts, q) => {
        await probe(`${p}${parts.join('/')}${q}`);
      }),
      opts(200),
    );
  }, 60_000);

  it('any method and odd conditional, auth and content headers on public URLs never reach a 5xx', async () => {
    const path = fc.constantFrom(
      '/v1/sw-total/trend.svg',
      '/embed/sw-total/trend',
      `/oembed?url=${enc('http://example.com/embed/sw-total/trend')}`,
      '/api/v1/series',
      '/api/v1/series/sw-total',
      '/api/v1/series/sw-total.csv',
      '/api/v1/series/sw-total/versions',
      '/api/v1/import/cbp',
      '/',
      '/embed.js',
      '/healthz',
    );
    const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');
    const header = fc.constantFrom(
      'If-None-Match',
      'If-Match',
      'Authorization',
      'Content-Type',
      'Origin',
      'Range',
      'Accept',
    );
    const headerValue = fc.oneof(
      fc.constantFrom('*', 'W/"x"', '"000001-0123456789ab"', 'Bearer x', 'Bearer ', 'bytes=0-1', 'null', ''),
      fc.string({ maxLength: 80 }).map((v) => v.replace(/[^\x20-\x7e]/g, '')),
    );
    await fc.assert(
      fc.asyncProperty(path, method, fc.array(fc.tuple(header, headerValue), { maxLength: 3 }), async (p, m, hs) => {
        const init: RequestInit = { method: m, headers: hs };
        if (m === 'POST' || m === 'PUT' || m === 'PATCH') init.body = '{"x":1}';
        await probe(p, [501], init);
      }),
      opts(80),
    );
  }, 60_000);
});
