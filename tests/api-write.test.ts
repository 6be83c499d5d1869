import { exports } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BODY } from '../src/limits';
import { CBP, chunked, importFile, snapshot, write } from './fixtures/cbp';
import { SEED, seed } from './helpers';

beforeEach(seed);
afterEach(reset);

const HEADER = CBP.fy22.slice(0, CBP.fy22.indexOf('\n') + 1);
const GOOD = '2025 (FYTD),FYTD,SEP,U.S. Border Patrol,Single Adults,Mexico,Title 8,Apprehensions,5\r\n';

/** Each case: a refused request, the status it must get, and (for CSV) the line it must name. */
const refused: Array<[string, () => Promise<Response>, number, number?]> = [
  [
    'no token',
    () => write('/api/v1/series/sw-total', { method: 'PUT', body: JSON.stringify(SEED['sw-total']) }, null),
    401,
  ],
  [
    'a wrong token',
    () => write('/api/v1/series/sw-total', { method: 'PUT', body: '{}' }, 'wrong-token-but-long-enough'),
    401,
  ],
  [
    'a token one character off',
    () => write('/api/v1/import/cbp', { method: 'POST', body: CBP.fy22 }, 'test-admin-token-012345678X'),
    401,
  ],
  [
    'a wrong token on restore',
    () => write('/api/v1/series/sw-total/restore/000001-000000000000', { method: 'POST' }, 'nope'),
    401,
  ],
  ['invalid JSON', () => write('/api/v1/series/sw-total', { method: 'PUT', body: '{"id":' }), 400],
  [
    'a body for another id',
    () => write('/api/v1/series/sw-total', { method: 'PUT', body: JSON.stringify(SEED['sw-ofo']) }),
    422,
  ],
  [
    'a series failing the schema',
    () =>
      write('/api/v1/series/sw-total', {
        method: 'PUT',
        body: JSON.stringify({ ...SEED['sw-total'], points: [{ period: '2025-13', value: -1 }] }),
      }),
    422,
  ],
  [
    'periods out of order',
    () =>
      write('/api/v1/series/sw-total', {
        method: 'PUT',
        body: JSON.stringify({ ...SEED['sw-total'], points: [...SEED['sw-total'].points].reverse() }),
      }),
    422,
  ],
  [
    'an oversized series (declared)',
    () => write('/api/v1/series/sw-total', { method: 'PUT', body: 'x'.repeat(BODY.series + 1) }),
    413,
  ],
  [
    'an oversized series (streamed, no length)',
    () => write('/api/v1/series/sw-total', { method: 'PUT', body: chunked(' '.repeat(BODY.series + 10)) }),
    413,
  ],
  [
    'an oversized import (streamed)',
    () => importFile(chunked(CBP.fy22 + GOOD.repeat(Math.ceil(BODY.import / GOOD.length)), 1 << 20)),
    413,
  ],
  [
    'an unknown restore version',
    () => write('/api/v1/series/sw-total/restore/000042-0123456789ab', { method: 'POST' }),
    404,
  ],
  ['a malformed restore version', () => write('/api/v1/series/sw-total/restore/latest', { method: 'POST' }), 400],
  ['an empty import', () => importFile(''), 400, 1],
  ['a wrong header', () => importFile(HEADER.replace('Component', 'Agency') + GOOD), 400, 1],
  ['a non-numeric count', () => importFile(HEADER + GOOD + GOOD.replace(',5\r', ',5a\r')), 400, 3],
  ['a fractional count', () => importFile(HEADER + GOOD + GOOD.replace(',5\r', ',5.5\r')), 400, 3],
  ['an unknown month', () => importFile(HEADER + GOOD + GOOD + GOOD.replace('SEP', 'SEPT')), 400, 4],
  ['an unknown fiscal year', () => importFile(HEADER + GOOD.replace('2025 (FYTD)', 'FY25')), 400, 2],
  ['a short row', () => importFile(HEADER + GOOD + 'a,b,c\r\n'), 400, 3],
  ['an unknown component', () => importFile(HEADER + GOOD.replace('U.S. Border Patrol', 'Coast Guard')), 400, 2],
  ['an unclosed quote', () => importFile(HEADER + GOOD + '2025,FYTD,SEP,"U.S. Border Patrol,x\r\n'), 400, 3],
  [
    'a bad row deep in a real file',
    () => importFile(chunked(CBP.state.replace(/,8\r\n$/, ',eight\r\n'), 4096)),
    400,
    37162,
  ],
  ['a bad dry_run value', () => write('/api/v1/import/cbp?dry_run=yes', { method: 'POST', body: CBP.fy22 }), 400],
];

describe('write API refusals', () => {
  for (const [what, send, status, line] of refused) {
    it(`answers ${what} with ${status} and leaves every stored byte unchanged`, async () => {
      const before = await snapshot();
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const problem = (await res.json()) as { detail: string; line?: number };
      if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
      if (line !== undefined) {
        expect(problem.line).toBe(line);
        expect(problem.detail).toContain(`line ${line}`);
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it('rate-limits writes per client address with 429 and Retry-After', async () => {
    const send = () =>
      exports.default.fetch(
        new Request('http://example.com/api/v1/series/sw-total', {
          method: 'PUT',
          body: '{}',
          headers: { 'CF-Connecting-IP': '192.0.2.77', Authorization: 'Bearer wrong' },
        }),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await send()).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.headers.get('cache-control')).toBe('no-store');
  });
});
