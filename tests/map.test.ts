import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeries } from '../src/writer/client';
import { cardModel, cardSpec, loadCard } from '../src/card';
import { dark, light } from '../src/render/theme';
import { SEED, get, registry, seed } from './helpers';
import { TILES } from '../widgets/map/tiles';

// A state family of Border Patrol written here: Texas most, then Arizona and California, New
// Mexico with none in the latest month; every other state has no series (no data).
const usbp = SEED['sw-usbp'];
const STATES = { TX: 0.55, AZ: 0.3, CA: 0.15, NM: 0 } as const;
const pointsOf = (share: number) =>
  usbp.points.map((p, i, all) => ({
    ...p,
    value: share === 0 && i === all.length - 1 ? 0 : Math.round(p.value * (share || 0.01)),
  }));

beforeAll(async () => {
  await seed();
  for (const [code, share] of Object.entries(STATES))
    await writeSeries(env, {
      ...usbp,
      id: `sw-usbp-state-${code.toLowerCase()}`,
      title: `Border Patrol encounters in ${code}`,
      parent: 'sw-usbp',
      dimension: 'state',
      member: code,
      points: pointsOf(share),
    });
});
afterAll(reset);

interface Model {
  map: { tiles: Array<{ code: string; fill: string; missing: boolean }> };
  legend: { items: Array<{ label: string }> };
  table: { rows: Array<{ head: string; cells: string[] }> };
  desc: string;
}
const modelOf = async (query: Record<string, string> = {}) =>
  cardModel(
    await loadCard(env.SERIES, cardSpec(registry, { series: 'sw-usbp', widget: 'map', query, output: 'model' })),
    'B',
  ) as unknown as Model;

describe('the map widget', () => {
  it('has one tile per state, DC and the territories CBP reports, none sharing a cell', () => {
    const cells = Object.values(TILES).map(([c, r]) => `${c},${r}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(Object.keys(TILES)).toHaveLength(50 + 1 + 3);
  });

  it('colours each state by its bin, keeps "none" apart from "no data", and lists every state in the table', async () => {
    const m = await modelOf();
    const tile = (code: string) => m.map.tiles.find((t) => t.code === code)!;
    const last = usbp.points.at(-1)!.value;
    const tx = Math.round(last * 0.55);
    const bin = (v: number) => `m${Math.min(5, Math.floor(Math.log10(v)) + 1)}`;
    expect(tile('TX').fill).toBe(bin(tx));
    expect(tile('CA').fill).toBe(bin(Math.round(last * 0.15)));
    expect(tile('NM')).toMatchObject({ fill: 'grid', missing: false });
    expect(tile('OH')).toMatchObject({ fill: 'bg', missing: true });
    expect(m.table.rows.map((r) => r.head)).toEqual(['TX', 'AZ', 'CA', 'NM']);
    expect(m.table.rows[0]!.cells[0]).toBe(tx.toLocaleString('en-US'));
    expect(m.desc).toContain(`Most encounters: TX ${tx.toLocaleString('en-US')}`);
    expect(m.desc).toContain('1 with none.');
    expect(m.legend.items.map((i) => i.label)).toEqual(['no data', '0', '1+', '10+', '100+', '1K+', '10K+']);
  });

  it('puts a value above the top edge in the top bin, not the bottom one', async () => {
    // Dec 2023: Border Patrol 249,740, so TX (55%) is over 100,000, past the last edge (10^5).
    const tx = Math.round(249_740 * 0.55);
    expect(tx).toBeGreaterThan(100_000);
    const m = await modelOf({ as_of: '2023-12' });
    expect(m.map.tiles.find((t) => t.code === 'TX')!.fill).toBe('m5');
    expect(m.map.tiles.find((t) => t.code === 'CA')!.fill).toBe('m5');
  });

  it('uses a scale that runs the other way on dark pages, so more is brighter', () => {
    expect([light.m1, light.m5]).toEqual([dark.m5, dark.m1]);
  });

  it('serves SVG, PNG and an embed page, and refuses another breakdown', async () => {
    expect((await get('/v1/sw-usbp/map.svg?period=fytd')).status).toBe(200);
    expect((await get('/v1/sw-usbp/map.png?size=og&theme=dark')).headers.get('content-type')).toBe('image/png');
    const page = await (await get('/embed/sw-usbp/map')).text();
    expect(page).toContain('<th scope="row">TX</th>');
    expect((await get('/v1/sw-usbp/map.svg?by=cit')).status).toBe(400);
    expect((await get('/v1/sw-ofo/map.svg')).status).toBe(404);
  });

  it('draws as in its snapshot (one element per line)', async () => {
    const svg = await (await get('/v1/sw-usbp/map.svg?as_of=2025-11&theme=auto')).text();
    await expect(svg.replace(/></g, '>\n<') + '\n').toMatchFileSnapshot(
      './__snapshots__/widgets/map-sw-usbp-family.svg',
    );
  });
});
