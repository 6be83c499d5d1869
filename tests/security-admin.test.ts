import { env } from 'cloudflare:workers';
import { createExecutionContext, reset, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_TOKEN, SEED, app, get, seed } from './helpers';
import { BODY } from '../src/limits';

/**
 * The write API: who gets in, how often, and with how much. Each test uses its own client IP
 * (CF-Connecting-IP), so the rate limiter's memory of one test does not leak into another.
 */
beforeEach(seed);
afterEach(() => {
  vi.restoreAllMocks();
  return reset();
});

let ipCounter = 10;
const freshIp = () => `203.0.113.${ipCounter++}`;
const body = JSON.stringify({ ...SEED['sw-ofo'], title: 'Tampered' });

async function currentTitle(): Promise<string> {
  const res = await get('/v1/sw-ofo/trend.svg');
  return /<title[^>]*>([^<]*)</.exec(await res.text())?.[1] ?? '';
}

describe('admin token', () => {
  const wrong: Array<[string, Record<string, string>]> = [
    ['no header', {}],
    ['empty', { Authorization: '' }],
    ['scheme only', { Authorization: 'Bearer' }],
    ['scheme and space', { Authorization: 'Bearer ' }],
    ['wrong token', { Authorization: 'Bearer not-the-token-0123456789' }],
    ['short token', { Authorization: 'Bearer x' }],
    ['prefix of the token', { Authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}` }],
    ['token plus a character', { Authorization: `Bearer ${ADMIN_TOKEN}x` }],
    ['long token', { Authorization: `Bearer ${'a'.repeat(4000)}` }],
    ['non-ASCII token', { Authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}\u00e9` }],
    ['Basic scheme', { Authorization: `Basic ${btoa(`admin:${ADMIN_TOKEN}`)}` }],
    ['token without scheme', { Authorization: ADMIN_TOKEN }],
    ['token in the query', {}],
  ];

  it.each(wrong)('refuses %s with 401, a Bearer challenge and no-store, and writes nothing', async (name, headers) => {
    const before = await currentTitle();
    const q = name === 'token in the query' ? `?token=${ADMIN_TOKEN}&access_token=${ADMIN_TOKEN}` : '';
    const res = await get(`/api/v1/series/sw-ofo${q}`, {
      method: 'PUT',
      body,
      headers: { ...headers, 'CF-Connecting-IP': freshIp() },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const problem = (await res.json()) as { status: number; detail: string };
    expect(problem.status).toBe(401);
    expect(problem.detail).not.toContain(ADMIN_TOKEN);
    expect(await currentTitle()).toBe(before);
  });

  it('compares every presented token in constant time: equal-length SHA-256 digests through timingSafeEqual', async () => {
    const spy = vi.spyOn(crypto.subtle, 'timingSafeEqual');
    for (const token of ['x', ADMIN_TOKEN.slice(0, -1), `${ADMIN_TOKEN}x`, 'b'.repeat(512), ADMIN_TOKEN]) {
      await get('/api/v1/series/sw-ofo', {
        method: 'PUT',
        body,
        headers: { Authorization: `Bearer ${token}`, 'CF-Connecting-IP': freshIp() },
      });
    }
    expect(spy).toHaveBeenCalledTimes(5);
    for (const [a, b] of spy.mock.calls) {
      expect((a as ArrayBuffer).byteLength).toBe(32);
      expect((b as ArrayBuffer).byteLength).toBe(32);
    }
  });

  it('accepts the right token and answers no-store', async () => {
    const res = await get('/api/v1/series/sw-ofo', {
      method: 'PUT',
      body,
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'CF-Connecting-IP': freshIp() },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await currentTitle()).toContain('Tampered');
  });
});

describe('write rate limit', () => {
  // 70 against a limit of 30 a minute: even if a window boundary falls mid-run (the limiter counts
  // per fixed window), one window sees more than 30, so the 429 cannot be missed on a slow machine.
  async function hammer(headers: Record<string, string>, n = 70): Promise<Response[]> {
    const out: Response[] = [];
    for (let i = 0; i < n; i++) {
      out.push(await get('/api/v1/series/sw-ofo', { method: 'PUT', body: JSON.stringify(SEED['sw-ofo']), headers }));
    }
    return out;
  }

  it('keeps failed-auth attempts and authenticated writes apart: anonymous requests from an editor’s address never lock the editor out', async () => {
    const ip = freshIp();
    const anonymous = await hammer({ Authorization: 'Bearer not-the-token-000000', 'CF-Connecting-IP': ip });
    expect(anonymous.some((r) => r.status === 429)).toBe(true);
    const editor = await hammer({ Authorization: `Bearer ${ADMIN_TOKEN}`, 'CF-Connecting-IP': ip }, 1);
    expect(editor[0]!.status).toBe(200);
  });

  it('does not trust a client-sent CF-Connecting-IP where the platform does not set it', async () => {
    const untrusted = { ...env, CLIENT_IP_HEADER: '' };
    const send = (ip: string) =>
      app.fetch(
        new Request('http://example.com/api/v1/series/sw-ofo', {
          method: 'PUT',
          body: '{}',
          headers: { Authorization: 'Bearer wrong-0000000000000000', 'CF-Connecting-IP': ip },
        }),
        untrusted,
      );
    // Each request claims a new address; without trust they are one client, and run into the limit.
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await send(`198.18.${i}.1`)).status);
    expect(statuses).toContain(429);
  });

  it('limits token guessing too: wrong tokens run into 429, not endless 401s', async () => {
    const res = await hammer({ Authorization: 'Bearer guess-0000000000000000', 'CF-Connecting-IP': freshIp() });
    expect(res.some((r) => r.status === 429)).toBe(true);
    expect(res.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  });
});

describe('body size limits', () => {
  const auth = () => ({ Authorization: `Bearer ${ADMIN_TOKEN}`, 'CF-Connecting-IP': freshIp() });
  const big = 'x'.repeat(1_000_001);

  it('refuses a declared oversize PUT with 413 and stores nothing', async () => {
    const before = await currentTitle();
    const res = await get('/api/v1/series/sw-ofo', { method: 'PUT', body: big, headers: auth() });
    expect(res.status).toBe(413);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await currentTitle()).toBe(before);
  });

  it('refuses an oversize streamed PUT (no Content-Length) with 413', async () => {
    const chunk = new TextEncoder().encode('y'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (sent > 2_000_000) return ctl.close();
        sent += chunk.byteLength;
        ctl.enqueue(chunk);
      },
    });
    const res = await get('/api/v1/series/sw-ofo', { method: 'PUT', body: stream, headers: auth() });
    expect(res.status).toBe(413);
  });

  it('refuses an oversize CBP import with 413', async () => {
    const csv = 'x'.repeat(BODY.import + 1);
    const res = await get('/api/v1/import/cbp', { method: 'POST', body: csv, headers: auth() });
    expect(res.status).toBe(413);
  });
});

describe('rate limiter wiring (a limiter that says no)', () => {
  const deny = { limit: async () => ({ success: false }) } as unknown as RateLimit;

  async function call(path: string, init: RequestInit, bindings: Partial<Env>): Promise<Response> {
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(`http://example.com${path}`, init), { ...env, ...bindings }, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  }

  it('an uncached PNG render over the limit is a 429 error image with Retry-After, never cached', async () => {
    const res = await call('/v1/sw-total/trend.png?width=777', {}, { PNG_LIMITER: deny });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('SVG cards are not counted against the PNG limit', async () => {
    const res = await call('/v1/sw-total/trend.svg?width=777', {}, { PNG_LIMITER: deny });
    expect(res.status).toBe(200);
  });

  it('authenticated writes over the token’s budget are a 429 problem', async () => {
    const headers = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    const res = await call('/api/v1/series/sw-ofo', { method: 'PUT', body, headers }, { WRITE_LIMITER: deny });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('requests without a valid token spend the failed-auth budget: 429 once it is spent, whatever the token', async () => {
    const res = await call('/api/v1/series/sw-ofo', { method: 'PUT', body }, { AUTH_FAIL_LIMITER: deny });
    expect(res.status).toBe(429);
    // A valid token does not touch that budget.
    const ok = await call(
      '/api/v1/series/sw-ofo',
      { method: 'PUT', body: JSON.stringify(SEED['sw-ofo']), headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } },
      { AUTH_FAIL_LIMITER: deny },
    );
    expect(ok.status).toBe(200);
  });
});
