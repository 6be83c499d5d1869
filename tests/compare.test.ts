import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeries } from '../src/writer/client';
import { contrast, dark, light } from '../src/render/theme';
import { cardModel } from '../src/card';
import { SEED, get, seedCard, seed } from './helpers';
import { LINE_COLOURS } from '../widgets/compare/model';

beforeAll(seed);
afterAll(reset);

const svgOf = async (path: string) => {
  const res = await get(path);
  return { res, svg: await res.text() };
};

describe('the compare widget', () => {
  it('draws the path series and its with= series on one axis, labelled at their ends in their line colours', async () => {
    const card = seedCard('sw-usbp', 'compare', { with: 'sw-ofo', as_of: '2025-11' });
    const m = cardModel(card, 'Border Stats Embeds') as unknown as {
      chart: { lines: Array<{ colour: string; label: { name: { lines: string[] }; value: string } }> };
      table: { columns: string[]; rows: Array<{ head: string; cells: string[] }> };
      notes: string[];
    };
    expect(m.chart.lines.map((l) => l.colour)).toEqual(['accent', 'down']);
    expect(m.chart.lines.map((l) => l.label.name.lines.join(' '))).toEqual(['Border Patrol (SW)', 'SW ports of entry']);
    const nov = (id: 'sw-usbp' | 'sw-ofo') => SEED[id].points.find((p) => p.period === '2025-11')!.value;
    expect(m.chart.lines[0]!.label.value).toBe(`${nov('sw-usbp').toLocaleString('en-US')} (Nov 2025)`);
    expect(m.chart.lines[1]!.label.value).toBe(`${nov('sw-ofo').toLocaleString('en-US')} (Nov 2025)`);
    expect(m.table.columns).toEqual(['Month', 'Border Patrol (SW)', 'SW ports of entry']);
    expect(m.table.rows.at(-1)!.cells).toEqual([nov('sw-usbp'), nov('sw-ofo')].map((v) => v.toLocaleString('en-US')));
    const { res, svg } = await svgOf('/v1/sw-usbp/compare.svg?with=sw-ofo&as_of=2025-11');
    expect(res.status).toBe(200);
    expect(svg).toContain(`stroke="${light.accent}"`);
    expect(svg).toContain(`stroke="${light.down}"`);
  });

  it('compares a total with its two components by default', () => {
    const card = seedCard('sw-total', 'compare', { as_of: '2025-11' });
    const m = cardModel(card, 'Border Stats Embeds');
    expect(m.table.columns.slice(1)).toEqual(['SW border encounters', 'Border Patrol (SW)', 'SW ports of entry']);
    // Each series' clause is whole: value, month, both changes (a split on '. ' once cut it at "vs.").
    expect(m.desc.match(/vs\. previous month; [−+][\d.]+% vs\. a year earlier/g)).toHaveLength(3);
    expect(m.desc).not.toMatch(/vs \(/);
  });

  it('notes series that moved in opposite directions from a year earlier, computed from the data', () => {
    const seen = new Set<boolean>();
    for (const as_of of ['2025-11', '2025-08', '2024-06', '2023-01', '2021-03', '2020-04', '2026-08']) {
      const card = seedCard('sw-usbp', 'compare', { with: 'sw-ofo', as_of });
      const m = cardModel(card, 'Border Stats Embeds');
      const yearAgo = `${Number(as_of.slice(0, 4)) - 1}${as_of.slice(4)}`;
      const pct = (id: 'sw-usbp' | 'sw-ofo') => {
        const v = (p: string) => SEED[id].points.find((q) => q.period === p)!.value;
        return v(as_of) - v(yearAgo);
      };
      const opposite = Math.sign(pct('sw-usbp')) * Math.sign(pct('sw-ofo')) === -1;
      expect(
        m.notes!.some((n) => n.startsWith('From a year earlier')),
        as_of,
      ).toBe(opposite);
      seen.add(opposite);
    }
    // The months above include both cases, so the check can fail either way.
    expect([...seen].sort()).toEqual([false, true]);
  });

  it('says when a compared series ends earlier or comes from another release', async () => {
    await writeSeries(env, {
      ...SEED['sw-ofo'],
      id: 'test-older',
      title: 'An older release',
      short: 'Older',
      source: { ...SEED['sw-ofo'].source, release: 'Jun 2026 update' },
      points: SEED['sw-ofo'].points.filter((p) => p.period <= '2026-06'),
    });
    const { res, svg } = await svgOf('/v1/sw-usbp/compare.svg?with=test-older');
    expect(res.status).toBe(200);
    expect(svg).toMatch(/<desc[^>]*>[^<]*Older: Jun 2026 update\./);
  });

  it('refuses more than five lines, malformed ids and unknown series with the right status', async () => {
    expect((await get('/v1/sw-usbp/compare.svg?with=a,b,c,d,e')).status).toBe(400);
    expect((await get('/v1/sw-usbp/compare.svg?with=Bad_Id')).status).toBe(400);
    expect((await get('/v1/sw-usbp/compare.svg?with=no-such-series')).status).toBe(404);
    expect((await get('/embed/sw-usbp/compare?with=no-such-series')).status).toBe(404);
    expect((await get('/v1/sw-usbp/compare.png?with=sw-ofo')).headers.get('content-type')).toBe('image/png');
  });

  it('draws a series with nothing to compare alone, with a note saying how', async () => {
    await writeSeries(env, {
      ...SEED['sw-ofo'],
      id: 'test-lonely',
      parent: undefined,
      dimension: undefined,
      member: undefined,
    });
    const { res, svg } = await svgOf('/v1/test-lonely/compare.svg');
    expect(res.status).toBe(200);
    expect(svg).toContain('Nothing to compare with');
  });

  it('keeps every line colour at 4.5:1 on the background in both themes', () => {
    for (const p of [light, dark])
      for (const k of LINE_COLOURS) expect(contrast(p[k], p.bg), k).toBeGreaterThanOrEqual(4.5);
  });
});
