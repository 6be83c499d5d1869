import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reset } from 'cloudflare:test';
import { get, seed } from './helpers';
import { checkBody } from './security-checks';

/**
 * The input rules of the issue, case by case on every public route: each bad input is a 4xx whose
 * message names the problem (X-Error on every kind of output, `detail` in JSON problems).
 */
beforeAll(seed);
afterAll(reset);

const ROUTES = [
  (q: string) => `/v1/sw-total/trend.svg${q}`,
  (q: string) => `/v1/sw-total/trend.png${q}`,
  (q: string) => `/embed/sw-total/trend${q}`,
  (q: string) => `/oembed${q ? `${q}&` : '?'}url=${encodeURIComponent('http://example.com/embed/sw-total/trend')}`,
  (q: string) => `/api/v1/series/sw-total${q}`,
  (q: string) => `/api/v1/series/sw-total.csv${q}`,
];

const BAD_QUERIES: Array<[string, string, RegExp]> = [
  ['a duplicated parameter', '?lang=en&lang=es', /more than once/],
  ['a control character', '?lang=e%00n', /control or non-ASCII/],
  ['a CR/LF pair', '?lang=en%0D%0ASet-Cookie:%20x=1', /control or non-ASCII/],
  ['a tab', '?lang=%09en', /control or non-ASCII/],
  ['non-ASCII text', '?lang=%C3%A9s', /control or non-ASCII/],
  ['a look-alike letter', '?lang=%D0%B5n', /control or non-ASCII/],
  ['an overlong value', `?lang=${'e'.repeat(5000)}`, /too long|longer than/i],
  ['an overlong name', `?${'n'.repeat(100)}=1`, /too long|longer than/i],
  ['too many parameters', `?${Array.from({ length: 40 }, (_, i) => `p${i}=1`).join('&')}`, /at most 30/i],
  ['a control character in a name', '?la%01ng=en', /control or non-ASCII/],
];

describe('bad query input is a 4xx with a clear message on every public route', () => {
  for (const [name, q, message] of BAD_QUERIES) {
    it.each(ROUTES.map((r) => r(q)))(`${name}: %s`, async (path) => {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('x-error') ?? '').toMatch(message);
      expect(res.headers.get('x-error') ?? '').toMatch(/^[\x20-\x7e]*$/);
      await checkBody(res, path);
    });
  }
});

describe('card options refuse out-of-range numbers and non-hex colours', () => {
  it.each([
    'months=0',
    'months=-5',
    'months=241',
    'months=99999999999999999999',
    'months=1e2',
    'months=0x24',
    'months=%2036',
    'months=3.5',
    'width=319',
    'width=1201',
    'width=-640',
    'accent=red',
    'accent=%23ff000',
    'accent=ff0000;x',
    'accent=url(%23x)',
    'accent=rgb(1,2,3)',
    'theme=%3Cscript%3E',
    'as_of=2026-13',
    'as_of=2026-1',
    'as_of=99999-01',
  ])('/v1/sw-total/trend.svg?%s is a 400 error card', async (q) => {
    const res = await get(`/v1/sw-total/trend.svg?${q}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('x-error')).toMatch(/^Invalid option: /);
    await checkBody(res, q);
  });

  it.each(['scale=0', 'scale=4', 'scale=-1', 'size=huge'])(
    '/v1/sw-total/trend.png?%s is a 400 error image',
    async (q) => {
      const res = await get(`/v1/sw-total/trend.png?${q}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^image\//);
    },
  );

  it('unknown parameters are ignored, as documented: the card is the same as without them', async () => {
    const plain = await (await get('/v1/sw-total/trend.svg')).text();
    const tracked = await get('/v1/sw-total/trend.svg?utm_source=newsletter&fbclid=abc123&title=HACKED');
    expect(tracked.status).toBe(200);
    expect(await tracked.text()).toBe(plain);
  });
});

describe('path tricks in series and widget names never reach storage', () => {
  it.each([
    '/v1/..%2F..%2Fapi/trend.svg',
    '/v1/%2e%2e/trend.svg',
    '/v1/%252e%252e/trend.svg',
    '/v1/sw-total%2Ftrend/trend.svg',
    '/v1/%D1%95w-total/trend.svg',
    '/v1/SW-TOTAL/trend.svg',
    '/v1/sw-total%00/trend.svg',
    '/v1/sw-total/constructor.svg',
    '/v1/sw-total/__proto__.svg',
    '/v1/sw-total/tostring.svg',
    '/v1/sw-total/hasownproperty.svg',
    '/embed/%2e%2e/trend',
    '/embed/sw-total/constructor',
    '/embed/sw-total/__proto__',
    '/api/v1/series/%2e%2e',
    '/api/v1/series/..%2Fcur%3Asw-total',
    '/api/v1/series/v1%3Acur%3Asw-total',
    '/api/v1/series/constructor',
    '/api/v1/series/__proto__/versions',
  ])('%s is a 4xx', async (path) => {
    const res = await get(path);
    expect(res.status, path).toBeGreaterThanOrEqual(400);
    expect(res.status, path).toBeLessThan(500);
    await checkBody(res, path);
  });
});
