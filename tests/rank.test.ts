import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeries } from '../src/writer/client';
import { cardModel, cardSpec, loadCard } from '../src/card';
import { PNG_SIZES } from '../src/limits';
import { SEED, get, registry, seed, seedCard } from './helpers';

// The rank widget reads a whole breakdown: sw-total's components in the seed, and a five-member
// citizenship family of sw-usbp written here that adds up to it exactly, month by month.
const usbp = SEED['sw-usbp'];
const SHARES = [0.4, 0.25, 0.15, 0.12] as const;
const NAMES = ['Mexico', 'Guatemala', 'Honduras', 'El Salvador', 'OTHER <b>&"'];
function memberPoints(i: number) {
  return usbp.points.map((p) => {
    const parts = SHARES.map((s) => Math.floor(p.value * s));
    const rest = p.value - parts.reduce((a, b) => a + b, 0);
    return { ...p, value: i < SHARES.length ? parts[i]! : rest };
  });
}

beforeAll(async () => {
  await seed();
  for (const [i, member] of NAMES.entries())
    await writeSeries(env, {
      ...usbp,
      id: `sw-usbp-cit-m${i}`,
      title: `Border Patrol: ${member}`,
      short: `USBP ${i}`,
      parent: 'sw-usbp',
      dimension: 'cit',
      member,
      points: memberPoints(i),
    });
});
afterAll(reset);

/** The rank model of a card over what is stored in KV (the family written above). */
const modelOf = async (series: string, query: Record<string, string>) =>
  cardModel(await loadCard(env.SERIES, cardSpec(registry, { series, widget: 'rank', query, output: 'model' })), 'B');

const yoy = (now: number, then: number) => (now - then) / then;

describe('the rank widget', () => {
  it('ranks a family by its latest month, with each member’s change from a year earlier, computed from the data', async () => {
    const res = await get('/embed/sw-total/rank?by=component');
    expect(res.status).toBe(200);
    const last = usbp.points.at(-1)!;
    const at = (id: 'sw-usbp' | 'sw-ofo', p: string) => SEED[id].points.find((q) => q.period === p)!.value;
    const yearAgo = `${Number(last.period.slice(0, 4)) - 1}${last.period.slice(4)}`;
    const html = await res.text();
    for (const id of ['sw-usbp', 'sw-ofo'] as const) {
      expect(html).toContain(`<td>${at(id, last.period).toLocaleString('en-US')}</td>`);
      const pct = yoy(at(id, last.period), at(id, yearAgo));
      expect(html).toContain(`${pct > 0 ? '+' : '−'}${Math.abs(pct * 100).toFixed(Math.abs(pct) < 0.1 ? 1 : 0)}%`);
    }
    // Largest first.
    const order =
      at('sw-usbp', last.period) > at('sw-ofo', last.period)
        ? ['U.S. Border Patrol', 'Office of Field Operations']
        : ['Office of Field Operations', 'U.S. Border Patrol'];
    expect(html.indexOf(order[0]!)).toBeLessThan(html.indexOf(order[1]!));
  });

  it('sums the fiscal year to date with period=fytd, against the same months a year earlier', () => {
    const m = cardModel(seedCard('sw-total', 'rank', { by: 'component', period: 'fytd', as_of: '2025-11' }), 'B');
    const sum = (id: 'sw-usbp' | 'sw-ofo', from: string, to: string) =>
      SEED[id].points.filter((p) => p.period >= from && p.period <= to).reduce((a, p) => a + p.value, 0);
    const row = m.table.rows.find((r) => r.head === 'U.S. Border Patrol')!;
    expect(row.cells[0]).toBe(sum('sw-usbp', '2025-10', '2025-11').toLocaleString('en-US'));
    expect(m.table.columns[1]).toBe('FY2026 through Nov 2025');
    expect(m.title).toContain('FY2026 through Nov 2025');
  });

  it('keeps the top N and sums the rest as "all others"; a family that adds up carries no caveat', async () => {
    const svg = await (await get('/v1/sw-usbp/rank.svg?top=3&as_of=2025-11')).text();
    expect(svg).toMatch(/<title[^>]*>Border Patrol encounters, southwest border by citizenship, Nov 2025<\/title>/);
    const page = await (await get('/embed/sw-usbp/rank?top=3&as_of=2025-11')).text();
    // the table lists every member; the card draws three and "All others (2)"
    for (const name of ['Mexico', 'Guatemala', 'Honduras', 'El Salvador'])
      expect(page).toContain(`<th scope="row">${name}</th>`);
    const m = (await modelOf('sw-usbp', { top: '3', as_of: '2025-11' })) as unknown as {
      chart: { rows: Array<{ label: { lines: string[] }; value: string; others: boolean }> };
      notes: string[];
    };
    expect(m.chart.rows.map((r) => r.label.lines.join(' '))).toEqual([
      'Mexico',
      'Guatemala',
      'Honduras',
      'All others (2)',
    ]);
    const nov =
      memberPoints(3).find((p) => p.period === '2025-11')!.value +
      memberPoints(4).find((p) => p.period === '2025-11')!.value;
    expect(m.chart.rows.at(-1)!.value).toBe(nov.toLocaleString('en-US'));
    expect(m.notes).toEqual([]);
  });

  it('says so when the members do not add up to the total in their own release', async () => {
    await writeSeries(env, {
      ...usbp,
      id: 'sw-usbp-cit-m9',
      title: 'Border Patrol: extra',
      parent: 'sw-usbp',
      dimension: 'cit',
      member: 'Extra',
      points: usbp.points.map((p) => ({ ...p, value: 5 })),
    });
    const m = await modelOf('sw-usbp', { as_of: '2025-11' });
    expect(m.notes!.join(' ')).toMatch(/In Nov 2025 CBP's rows add up to [\d,]+, not the total of [\d,]+/);
  });

  it('escapes a hostile member label in the SVG and on the embed page', async () => {
    const svg = await (await get('/v1/sw-usbp/rank.svg?as_of=2025-11')).text();
    expect(svg).not.toContain('<b>');
    const page = await (await get('/embed/sw-usbp/rank?as_of=2025-11')).text();
    expect(page).toContain('OTHER &lt;b&gt;&amp;');
    expect(page).not.toContain('<b>&');
  });

  it('is a 404 error card for a series without that breakdown, and a 400 for a dimension that does not exist', async () => {
    const missing = await get('/v1/sw-ofo/rank.svg?by=state');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await missing.text()).toContain('no &#34;state&#34; breakdown');
    expect((await get('/v1/sw-usbp/rank.svg?by=country')).status).toBe(400);
    expect((await get('/v1/sw-usbp/rank.svg?top=99')).status).toBe(400);
  });

  it('lays out on every PNG size preset', async () => {
    for (const [size, [w, h]] of Object.entries(PNG_SIZES)) {
      const res = await get(`/v1/sw-usbp/rank.png?size=${size}&theme=dark`);
      expect(res.status, size).toBe(200);
      const b = new Uint8Array(await res.arrayBuffer());
      const v = new DataView(b.buffer);
      expect([v.getUint32(16), v.getUint32(20)], size).toEqual([w, h]);
    }
  });

  it('changes (new ETag) when a member is rewritten, since its versions include every member', async () => {
    const before = (await get('/v1/sw-usbp/rank.svg')).headers.get('etag');
    await writeSeries(env, {
      ...usbp,
      id: 'sw-usbp-cit-m0',
      title: 'Border Patrol: Mexico',
      parent: 'sw-usbp',
      dimension: 'cit',
      member: 'Mexico',
      points: memberPoints(0).map((p, i, all) => (i === all.length - 1 ? { ...p, value: p.value + 1 } : p)),
    });
    const after = (await get('/v1/sw-usbp/rank.svg')).headers.get('etag');
    expect(after).not.toBe(before);
  });
});
