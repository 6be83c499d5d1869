import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeries } from '../src/writer/client';
import { cardModel, cardSpec, loadCard } from '../src/card';
import { contrast, dark, light } from '../src/render/theme';
import { SEED, get, registry, seed } from './helpers';

const usbp = SEED['sw-usbp'];
const ofo = SEED['sw-ofo'];
// Seven members of one family, each a fixed part of Border Patrol's count: top five plus "all others".
const PARTS = [0.3, 0.2, 0.15, 0.12, 0.1, 0.08] as const;
const member = (i: number) =>
  usbp.points.map((p) => {
    const parts = PARTS.map((s) => Math.floor(p.value * s));
    return { ...p, value: i < PARTS.length ? parts[i]! : p.value - parts.reduce((a, b) => a + b, 0) };
  });

beforeAll(async () => {
  await seed();
  for (let i = 0; i < 7; i++)
    await writeSeries(env, {
      ...usbp,
      id: `sw-usbp-demo-g${i}`,
      title: `Border Patrol: group ${i}`,
      parent: 'sw-usbp',
      dimension: 'demo',
      member: `Group ${i}`,
      points: member(i),
    });
});
afterAll(reset);

const modelOf = async (series: string, query: Record<string, string>) =>
  cardModel(await loadCard(env.SERIES, cardSpec(registry, { series, widget: 'share', query, output: 'model' })), 'B');

describe('the share widget', () => {
  it('gives each member its share of the family total, month by month, as the table shows', async () => {
    const m = await modelOf('sw-total', { by: 'component', as_of: '2025-11', months: '12' });
    expect(m.table.columns).toEqual(['Month', 'U.S. Border Patrol', 'Office of Field Operations']);
    expect(m.table.rows).toHaveLength(12);
    const nov = (s: typeof usbp) => s.points.find((p) => p.period === '2025-11')!.value;
    const share = nov(usbp) / (nov(usbp) + nov(ofo));
    const pct = (r: number) => `${(r * 100).toFixed(r < 0.1 ? 1 : 0)}%`;
    expect(m.table.rows.at(-1)).toEqual({ head: 'November 2025', cells: [pct(share), pct(1 - share)] });
    expect(m.desc).toContain(`U.S. Border Patrol ${pct(share)}; Office of Field Operations ${pct(1 - share)}`);
  });

  it('shows the five largest members and sums the rest as "all others"', async () => {
    const m = (await modelOf('sw-usbp', { as_of: '2025-11' })) as unknown as {
      chart: { bands: Array<{ colour: string; label: { lines: string[] } }> };
    };
    expect(m.chart.bands.map((b) => b.label.lines.join(' '))).toEqual([
      'Group 0',
      'Group 1',
      'Group 2',
      'Group 3',
      'Group 4',
      'All others (2)',
    ]);
    expect(m.chart.bands.at(-1)!.colour).toBe('axis');
  });

  it('serves SVG, PNG and an embed page; a missing family is a 404 card', async () => {
    expect((await get('/v1/sw-usbp/share.svg')).status).toBe(200);
    expect((await get('/v1/sw-usbp/share.png?size=og')).headers.get('content-type')).toBe('image/png');
    expect((await get('/embed/sw-usbp/share')).status).toBe(200);
    expect((await get('/v1/sw-ofo/share.svg')).status).toBe(404);
  });

  it('draws bands in colours that stand 3:1 off the background in both themes', () => {
    for (const p of [light, dark])
      for (const k of ['accent', 'down', 's3', 's4', 's5', 'axis'] as const)
        expect(contrast(p[k], p.bg), k).toBeGreaterThanOrEqual(3);
  });
});
