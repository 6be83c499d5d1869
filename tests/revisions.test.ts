import { reset } from 'cloudflare:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarMonth } from '../src/ingest/cbp';
import type { Series } from '../src/series/schema';
import { CBP, importFile, write } from './fixtures/cbp';
import { SEED, get, seedSeries } from './helpers';

// Truth over time: every change a version made to a month, computed when it was written, read back
// from the revision ledger and the Atom feed.

afterEach(reset);

interface Ledger {
  id: string;
  revisions: Array<{ period: string; from: number; to: number; vintage: string; version: string }>;
  firstPublished: Array<{ period: string; value: number; vintage: string; version: string }>;
}
const ledger = async (id: string) => (await (await get(`/api/v1/series/${id}/revisions`)).json()) as Ledger;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
async function feed(id: string) {
  const res = await get(`/api/v1/series/${id}/changes.atom`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const text = await res.text();
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = parser.parse(text) as { feed: { entry: unknown } };
  const entries = ([] as unknown[]).concat(doc.feed.entry ?? []) as Array<{
    id: string;
    title: string;
    updated: string;
    content: { '#text': string };
  }>;
  return { text, feed: doc.feed, entries };
}

describe('a revised series written through the API', () => {
  beforeEach(seedSeries);

  const base = SEED['sw-ofo'] as unknown as Series;
  const last = base.points.at(-1)!;
  const revised: Series = {
    ...base,
    source: { ...base.source, release: 'Sep 2026 update' },
    points: [
      ...base.points.map((p) =>
        p.period === '2026-06'
          ? { ...p, value: p.value + 7 }
          : p.period === '2026-07'
            ? { ...p, value: p.value - 3 }
            : p,
      ),
      { period: '2026-09', value: 4321 },
    ],
  };

  it('gives exactly its two revisions, its added month, and its vintage', async () => {
    expect(last.period).toBe('2026-08');
    const v1 = ((await (await get('/api/v1/series/sw-ofo')).json()) as { version: string }).version;
    const res = await write('/api/v1/series/sw-ofo', { method: 'PUT', body: JSON.stringify(revised) });
    expect(res.status).toBe(200);
    const v2 = ((await res.json()) as { version: string }).version;
    const was = (p: string) => base.points.find((q) => q.period === p)!.value;

    const l = await ledger('sw-ofo');
    expect(l.revisions).toEqual([
      { period: '2026-06', from: was('2026-06'), to: was('2026-06') + 7, vintage: 'Sep 2026 update', version: v2 },
      { period: '2026-07', from: was('2026-07'), to: was('2026-07') - 3, vintage: 'Sep 2026 update', version: v2 },
    ]);
    // first published: every seeded month from v1, the new month from v2
    expect(l.firstPublished).toHaveLength(base.points.length + 1);
    expect(l.firstPublished.find((f) => f.period === '2026-06')).toEqual({
      period: '2026-06',
      value: was('2026-06'),
      vintage: base.source.release,
      version: v1,
    });
    expect(l.firstPublished.at(-1)).toEqual({
      period: '2026-09',
      value: 4321,
      vintage: 'Sep 2026 update',
      version: v2,
    });

    const csv = await (await get('/api/v1/series/sw-ofo/revisions.csv')).text();
    expect(csv.split('\r\n')).toEqual([
      'period,from,to,vintage,version',
      `2026-06,${was('2026-06')},${was('2026-06') + 7},Sep 2026 update,${v2}`,
      `2026-07,${was('2026-07')},${was('2026-07') - 3},Sep 2026 update,${v2}`,
      '',
    ]);

    const f = await feed('sw-ofo');
    expect(f.entries).toHaveLength(2);
    const [newest, oldest] = f.entries;
    expect(newest!.id).toMatch(new RegExp(`series/sw-ofo/${v2}$`));
    expect(oldest!.id).toMatch(new RegExp(`series/sw-ofo/${v1}$`));
    expect(newest!.title).toMatch(/^Sep 2026 update: 1 month added, 2 months revised(, \d+ claims? changed)?$/);
    const html = newest!.content['#text'];
    const n = (v: number) => v.toLocaleString('en-US');
    expect(html).toContain(`Jun 2026: ${n(was('2026-06'))} → ${n(was('2026-06') + 7)}`);
    expect(html).toContain(`Jul 2026: ${n(was('2026-07'))} → ${n(was('2026-07') - 3)}`);
    expect(html).toContain('Sep 2026: 4,321');
    expect(html).toContain(`/embed/sw-ofo/trend?v=${v2}`);
    expect(html).toContain(`/embed/sw-ofo/trend?v=${v1}`);
    // stable: the same ids and times when read again
    expect((await feed('sw-ofo')).text).toBe(f.text);
  });

  it('records a headline claim that stops being true', async () => {
    // Nov 2025 is the lowest November in the Border Patrol series; raise it above Nov 2024's value.
    const usbp = SEED['sw-usbp'] as unknown as Series;
    const nov24 = usbp.points.find((p) => p.period === '2024-11')!.value;
    const edited: Series = {
      ...usbp,
      source: { ...usbp.source, release: 'Correction' },
      points: usbp.points.map((p) => (p.period === '2025-11' ? { ...p, value: nov24 + 1 } : p)),
    };
    expect((await write('/api/v1/series/sw-usbp', { method: 'PUT', body: JSON.stringify(edited) })).status).toBe(200);
    const f = await feed('sw-usbp');
    const html = f.entries[0]!.content['#text'];
    expect(html).toMatch(/Nov 2025: lowest November in the series \(since 2018\) → /);
    expect(f.entries[0]!.title).toMatch(/1 month revised, \d+ claims? changed/);
  });

  it('a page pinned to the earlier version discloses both numbers and the newer month; the live page does not', async () => {
    const v1 = ((await (await get('/api/v1/series/sw-ofo')).json()) as { version: string }).version;
    expect((await write('/api/v1/series/sw-ofo', { method: 'PUT', body: JSON.stringify(revised) })).status).toBe(200);
    const was = (p: string) => base.points.find((q) => q.period === p)!.value;
    const n = (v: number) => v.toLocaleString('en-US');
    const note = (html: string) => /<p class="revised" role="note">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? null;

    const pinned = await get(`/embed/sw-ofo/trend?v=${v1}`);
    expect(pinned.status).toBe(200);
    // The disclosure changes with each release: a pinned page is not cached as immutable.
    expect(pinned.headers.get('cache-control')).not.toContain('immutable');
    const text = note(await pinned.text())!.replace(/<[^>]+>/g, '');
    expect(text).toContain('CBP has revised these figures since this chart was published:');
    expect(text).toContain(`Jun 2026 ${n(was('2026-06'))} → ${n(was('2026-06') + 7)} (Sep 2026 update)`);
    expect(text).toContain(`Jul 2026 ${n(was('2026-07'))} → ${n(was('2026-07') - 3)} (Sep 2026 update)`);
    expect(text).toContain('Newer data are available, through September 2026.');
    expect(text).toContain('See the latest data');
    // The card itself keeps what it showed: the pinned image still ends in August.
    const table = await (await get(`/embed/sw-ofo/trend?v=${v1}`)).text();
    expect(table).not.toContain('4,321');

    expect(note(await (await get('/embed/sw-ofo/trend')).text())).toBeNull();
    // Pinned to the current version: nothing to disclose.
    const v2 = ((await (await get('/api/v1/series/sw-ofo')).json()) as { version: string }).version;
    expect(note(await (await get(`/embed/sw-ofo/trend?v=${v2}`)).text())).toBeNull();
    // A pin with as_of before the revised months only hears about newer data.
    const early = note(await (await get(`/embed/sw-ofo/trend?v=${v1}&as_of=2026-05`)).text())!;
    expect(early).not.toContain('revised');
    expect(early).toContain('Newer data are available');
    // In Spanish too.
    expect(note(await (await get(`/embed/sw-ofo/trend?v=${v1}&lang=es`)).text())).toContain(
      'La CBP ha revisado estas cifras',
    );
  });

  it('a write that changes nothing adds no entry; an unknown series is a 404', async () => {
    await write('/api/v1/series/sw-ofo', { method: 'PUT', body: JSON.stringify(base) });
    expect((await feed('sw-ofo')).entries).toHaveLength(1);
    expect((await get('/api/v1/series/nope/revisions')).status).toBe(404);
    expect((await get('/api/v1/series/nope/changes.atom')).status).toBe(404);
  });
});

/** Southwest monthly sums of one CBP file, per component (or all), computed from its rows. */
function monthly(text: string, keep: (cells: Record<string, string>) => boolean): Map<string, number> {
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
  const names = head!.split(',');
  const out = new Map<string, number>();
  lines.forEach((l, i) => {
    // Only the citizenship column is ever quoted ("CHINA, PEOPLES REPUBLIC OF"): fold it first.
    const cells = Object.fromEntries(
      l
        .replace(/"[^"]*"/g, 'Q')
        .split(',')
        .map((v, j) => [names[j]!, v]),
    );
    if (!keep(cells)) return;
    const p = calendarMonth(cells['Fiscal Year']!, cells['Month (abbv)']!, i + 2);
    out.set(p, (out.get(p) ?? 0) + Number(cells['Encounter Count']));
  });
  return out;
}

/** The revisions importing `later` over `earlier` must record: overlapping months whose sums differ. */
function expectedRevisions(earlier: Map<string, number>, later: Map<string, number>) {
  return [...later]
    .filter(([p, v]) => earlier.has(p) && earlier.get(p) !== v)
    .map(([period, to]) => ({ period, from: earlier.get(period)!, to }))
    .sort((a, b) => (a.period < b.period ? -1 : 1));
}

describe("CBP's own files, imported in release order", () => {
  it('revise exactly the months whose sums differ between releases, with the later release as vintage', async () => {
    for (const [file, q] of [
      [CBP.fy19, '?allow_new=1000'],
      [CBP.fy22, '?allow_new=1000'],
      [CBP.state, '?allow_new=1000'],
    ] as const)
      expect((await importFile(file, q)).status).toBe(200);

    const usbp = (t: string) => monthly(t, (c) => c.Component === 'U.S. Border Patrol');
    const swState = (t: string) => monthly(t, (c) => c['Land Border Region'] === 'Southwest Land Border');
    const all = (t: string) => monthly(t, () => true);

    // Border Patrol: the two southwest files agree on the months they share (FY2022), so no revision.
    const lu = await ledger('sw-usbp');
    expect(expectedRevisions(usbp(CBP.fy19), usbp(CBP.fy22))).toEqual([]);
    expect(lu.revisions).toEqual([]);

    // Single adults at the southwest border: the state file revises FY2025 months of the Aug 2025 file.
    const adults = (t: string, sw: boolean) =>
      monthly(
        t,
        (c) => c.Demographic === 'Single Adults' && (!sw || c['Land Border Region'] === 'Southwest Land Border'),
      );
    const wantAdults = expectedRevisions(
      new Map([...adults(CBP.fy19, false), ...adults(CBP.fy22, false)]),
      adults(CBP.state, true),
    );
    expect(wantAdults.length).toBeGreaterThan(0);
    const la = await ledger('sw-total-demo-single-adults');
    expect(la.revisions.map(({ period, from, to }) => ({ period, from, to }))).toEqual(wantAdults);

    // The southwest total: first the Aug 2025 file over Sep 2022's, then the state file over both.
    const s1 = all(CBP.fy19);
    const s2 = all(CBP.fy22);
    const afterS2 = new Map([...s1, ...s2]);
    const want = [...expectedRevisions(s1, s2), ...expectedRevisions(afterS2, swState(CBP.state))];
    const lt = await ledger('sw-total');
    expect(lt.revisions.map(({ period, from, to }) => ({ period, from, to }))).toEqual(want);
    // the state file's revisions are FY2025 months, by a handful each
    const byState = lt.revisions.filter((r) => r.vintage.includes('Nov 2025'));
    expect(byState.length).toBeGreaterThan(0);
    for (const r of byState) {
      expect(r.period >= '2024-10' && r.period <= '2025-09', r.period).toBe(true);
      expect(Math.abs(r.to - r.from)).toBeLessThan(20);
    }
    // every revision names the version that carries it, and that version's feed entry lists it
    const f = await feed('sw-total');
    expect(f.entries).toHaveLength(3);
    for (const r of lt.revisions.slice(0, 3)) {
      const entry = f.entries.find((e) => e.id.endsWith(r.version))!;
      expect(entry.content['#text']).toContain(`${r.from.toLocaleString('en-US')} → ${r.to.toLocaleString('en-US')}`);
    }
  });
});
