import { reset } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, SEED, get, seed } from './helpers';

/** The response headers the issue asks for, on success and on error responses alike. */
beforeEach(seed);
afterEach(reset);

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const embedUrl = encodeURIComponent('http://example.com/embed/sw-total/trend');

function directives(csp: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...rest] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), rest.join(' '));
  }
  return out;
}

describe('security headers', () => {
  it.each(['/v1/sw-total/trend.svg', '/v1/no-such/trend.svg', '/v1/sw-total/trend.svg?months=9999'])(
    'SVG %s is locked down: strict CSP, nosniff, cross-origin CORP, CORS *',
    async (path) => {
      const res = await get(path);
      expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    },
  );

  it.each(['/v1/sw-total/trend.png', '/v1/no-such/trend.png'])('PNG %s is cross-origin and nosniff', async (path) => {
    const res = await get(path);
    expect(res.headers.get('content-type')).toMatch(/^image\/(png|svg\+xml)/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it.each([
    '/api/v1/series',
    '/api/v1/series/sw-total',
    '/api/v1/series/sw-total.csv',
    '/api/v1/series/no-such',
    `/oembed?url=${embedUrl}&format=json`,
    `/oembed?url=${embedUrl}&format=xml`,
    '/oembed?url=http%3A%2F%2Fevil.example%2F',
  ])('data %s is readable from any origin (CORS *) and nosniff', async (path) => {
    const res = await get(path);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['/embed/sw-total/trend', '/embed/sw-total/trend?theme=dark', '/embed/no-such/trend'])(
    'embed page %s may be framed anywhere but nothing else is loosened',
    async (path) => {
      const res = await get(path);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('x-frame-options')).toBeNull();
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).toBe('*');
      expect(csp.get('default-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'none'");
      expect(csp.get('form-action') ?? "'none'").toMatch(/^'(none|self)'$/);
      for (const d of ['script-src', 'style-src', 'img-src', 'connect-src', 'frame-src', 'object-src']) {
        const v = csp.get(d) ?? '';
        expect(v, d).not.toMatch(/(^|\s)(\*|https?:|'unsafe-eval')(\s|$)/);
      }
      expect(csp.get('script-src') ?? '').not.toContain('data:');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('authenticated write responses are never cached: success, 401 and 4xx alike', async () => {
    const body = JSON.stringify({ ...SEED['sw-ofo'], title: 'Renamed for a header test' });
    const ok = await get('/api/v1/series/sw-ofo', { method: 'PUT', body, headers: auth });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const denied = await get('/api/v1/series/sw-ofo', { method: 'PUT', body });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('cache-control')).toBe('no-store');
    const bad = await get('/api/v1/series/sw-ofo', { method: 'PUT', body: '{', headers: auth });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });
});
