import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../src/series/keys';
import { readSeries } from '../src/series/store';
import { writeSeries } from '../src/writer/client';
import { SEED, seed } from './helpers';

beforeEach(seed);
afterEach(reset);

describe('readSeries keeps the last parsed value per key', () => {
  it('returns the same frozen object while the stored text is unchanged, a new one after a write', async () => {
    const a = await readSeries(env.SERIES, 'sw-ofo');
    const b = await readSeries(env.SERIES, 'sw-ofo');
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(Object.isFrozen(a!.series.points[0])).toBe(true);
    expect(() => (a!.series.points as unknown as unknown[]).push(null)).toThrow(TypeError);

    await writeSeries(env, { ...SEED['sw-ofo'], title: 'Renamed for the test' });
    const c = await readSeries(env.SERIES, 'sw-ofo');
    expect(c).not.toBe(a);
    expect(c!.series.title).toBe('Renamed for the test');
    expect(c!.version > a!.version).toBe(true);
  });

  it('still validates what it has not seen: a corrupt value is an error, not a stale answer', async () => {
    const { version } = (await readSeries(env.SERIES, 'sw-usbp'))!;
    await env.SERIES.put(keys.version('sw-usbp', version), '{"version":"000001-');
    await expect(readSeries(env.SERIES, 'sw-usbp')).rejects.toMatchObject({ reason: 'stored value is not JSON' });
  });
});
