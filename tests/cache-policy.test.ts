import { describe, expect, it } from 'vitest';
import { CACHE_TABLE, cacheControl, type CacheKind } from '../src/cache/policy';
import { normalise } from '../src/cache/key';
import { KV_CACHE_TTL } from '../src/limits';

const seconds = (cc: string, name: string): number => Number(new RegExp(`\\b${name}=(\\d+)`).exec(cc)?.[1] ?? NaN);

describe('the Cache-Control table', () => {
  it.each(Object.keys(CACHE_TABLE) as CacheKind[])('%s has max-age and s-maxage', (kind) => {
    const cc = cacheControl(kind);
    expect(cc).toMatch(/^public, /);
    expect(seconds(cc, 'max-age')).toBeGreaterThan(0);
    expect(seconds(cc, 's-maxage')).toBeGreaterThan(0);
  });

  it.each(['svg', 'png', 'json', 'csv', 'embed'] as const)(
    'a version-less %s shows a new data version within a minute (KV cacheTtl + max-age)',
    (kind) => {
      const cc = cacheControl(kind);
      expect(KV_CACHE_TTL + seconds(cc, 'max-age')).toBeLessThanOrEqual(60);
      expect(KV_CACHE_TTL + seconds(cc, 's-maxage')).toBeLessThanOrEqual(60);
      expect(seconds(cc, 'stale-while-revalidate')).toBeGreaterThan(0);
    },
  );

  it('errors and stale answers are short-lived', () => {
    for (const kind of ['error', 'stale'] as const)
      expect(seconds(cacheControl(kind), 'max-age')).toBeLessThanOrEqual(30);
  });

  it('only a version pin is immutable; as_of alone is long-lived but revalidated (CBP revises old months)', () => {
    expect(cacheControl('png', 'version')).toContain('immutable');
    const asOf = cacheControl('svg', 'as_of');
    expect(asOf).not.toContain('immutable');
    expect(seconds(asOf, 'max-age')).toBeGreaterThan(seconds(cacheControl('svg'), 'max-age'));
    // Kinds that carry no data cannot be pinned.
    expect(cacheControl('error', 'version')).not.toContain('immutable');
  });
});

describe('option normalisation', () => {
  const base = { theme: 'dark', lang: 'en', width: 640, per: 'month', events: 'none' } as const;
  it('is independent of key order and drops unset options', () => {
    const a = normalise({ opts: { ...base, months: 36, as_of: undefined }, output: { kind: 'svg' } });
    const b = normalise({
      opts: { events: 'none', per: 'month', months: 36, width: 640, lang: 'en', theme: 'dark' },
      output: { kind: 'svg' },
    });
    expect(a).toBe(b);
    expect(a).toBe('events=none&lang=en&months=36&per=month&theme=dark&width=640');
  });

  it('keeps PNG scale and size apart from the card options', () => {
    const png = normalise({ opts: { ...base, months: 36 }, output: { kind: 'png', scale: 2, size: 'og' } });
    expect(png).toBe('events=none&lang=en&months=36&out.scale=2&out.size=og&per=month&theme=dark&width=640');
  });
});
