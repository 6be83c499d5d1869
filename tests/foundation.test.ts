import { reset } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { ADMIN_TOKEN, SEED, app, get, seed } from './helpers';

beforeEach(seed);
afterEach(reset);

describe('the foundation slice', () => {
  it('answers /healthz with ok', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('renders the sw-total trend card with satori inside workerd, showing the latest seeded month', async () => {
    const res = await get('/v1/sw-total/trend.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await res.text();
    expect(svg.startsWith('<svg ')).toBe(true);
    // Text is drawn from glyph outlines, so the words live in <title>/<desc>.
    expect(svg).toMatch(/<title id="[\w-]+t">Southwest border encounters, Aug 2026<\/title>/);
    expect(svg).toMatch(/<desc id="[\w-]+d">Southwest border encounters: 12,242 \(August 2026\)/);
    expect(svg).toContain('U.S. Customs and Border Protection');
    expect(svg).toMatch(/<path[^>]+d="M/);
    expect(svg).not.toContain('data:image');
  });

  it('gives an unknown series a 404 that is still an SVG image', async () => {
    const res = await get('/v1/no-such-series/trend.svg');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('Series not found');
  });

  it('stores a PUT series as a new version only with the admin token', async () => {
    const body = JSON.stringify({ ...SEED['sw-ofo'], title: 'Renamed' });
    const denied = await get('/api/v1/series/sw-ofo', { method: 'PUT', body });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const ok = await get('/api/v1/series/sw-ofo', {
      method: 'PUT',
      body,
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(ok.status).toBe(200);
    const json = (await ok.json()) as { version: string; changed: boolean };
    expect(json.changed).toBe(true);
    expect(json.version).toMatch(/^000002-/);
  });
});

describe('readiness', () => {
  it('reports live at once, and healthy only once the seed is in when READINESS=seeded', async () => {
    const gated = { ...env, READINESS: 'seeded' };
    const call = (path: string, init?: RequestInit) => app.fetch(new Request(`http://example.com${path}`, init), gated);
    await env.SERIES.delete('v1:meta:ready');
    expect((await call('/livez')).status).toBe(200);
    expect((await call('/healthz')).status).toBe(503);
    const mark = await call('/api/v1/ready', { method: 'PUT', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(mark.status).toBe(204);
    expect((await call('/healthz')).status).toBe(200);
    // Without the gate (production), healthy means the Worker answers.
    expect((await get('/healthz')).status).toBe(200);
    expect((await call('/api/v1/ready', { method: 'PUT' })).status).toBe(401);
  });
});
