import { env } from 'cloudflare:workers';
import { createExecutionContext, reset, waitOnExecutionContext } from 'cloudflare:test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarMonth } from '../src/ingest/cbp';
import type { ImportReport } from '../src/ingest/import';
import { familyCheck } from '../src/kit';
import { keys } from '../src/series/keys';
import type { CatalogEntry, Series } from '../src/series/schema';
import { readSeries } from '../src/series/store';
import { CBP, chunked, fiscalYear, importFile, write } from './fixtures/cbp';
import { app, get, seed } from './helpers';

/**
 * The breakdowns, checked against CBP's own files (byte copies in tests/fixtures/cbp). The store is
 * built the way `npm start` builds it: the three compiled series, then every CBP file in release
 * order. Expected numbers are computed here, from the files' rows, by code that shares nothing with
 * the importer but the fiscal-month arithmetic.
 */

type Layout = 'sw' | 'state';
interface Row {
  period: string;
  component: 'usbp' | 'ofo' | null;
  region: string;
  cells: Record<string, string>;
  n: number;
}
interface File {
  name: string;
  layout: Layout;
  rows: Row[];
  months: Set<string>;
}

/** The quoted field `"CHINA, PEOPLES REPUBLIC OF"` is the only quoting in these files. */
function fields(line: string): string[] {
  return [...line.matchAll(/(?:"((?:[^"]|"")*)"|([^,]*))(?:,|$)/g)]
    .slice(0, -1)
    .map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!));
}

function read(name: string, text: string): File {
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
  const names = fields(head!);
  const layout: Layout = names.includes('Component') ? 'sw' : 'state';
  const rows = lines.map((l, i) => {
    const cells = Object.fromEntries(fields(l).map((v, j) => [names[j]!, v]));
    const component = cells.Component
      ? ({ 'U.S. Border Patrol': 'usbp', 'Office of Field Operations': 'ofo' } as const)[cells.Component]!
      : null;
    return {
      period: calendarMonth(cells['Fiscal Year']!, cells['Month (abbv)']!, i + 2),
      component,
      region: cells['Land Border Region'] ?? 'Southwest Land Border',
      cells,
      n: Number(cells['Encounter Count']),
    };
  });
  return { name, layout, rows, months: new Set(rows.map((r) => r.period)) };
}

// Release order, as `npm start` imports them.
const FILES = [read('S1', CBP.fy19), read('S2', CBP.fy22), read('S4', CBP.state)];

/** Which breakdowns each layout carries (README, "Data API and imports"). */
const CARRIES: Record<Layout, (parent: string, dimension: string) => boolean> = {
  sw: (p, d) =>
    (p.startsWith('sw-') && ['demo', 'cit', 'title', 'type'].includes(d)) || (p === 'sw-total' && d === 'component'),
  state: (p, d) =>
    (p === 'nw-total' && ['region', 'state', 'demo', 'cit', 'title'].includes(d)) ||
    (p === 'sw-total' && ['state', 'demo', 'title'].includes(d)),
};

/** Whether a row counts toward a parent (`sw-usbp`: southwest rows of Border Patrol). */
function inParent(r: Row, parent: string): boolean {
  const [scope, component] = parent.split('-');
  if (scope === 'sw' && r.region !== 'Southwest Land Border') return false;
  return component === 'total' || r.component === component;
}

/** The member a row belongs to, by CBP's label, as the README says labels are read. */
function memberOf(r: Row, f: File, dimension: string): string {
  const c = r.cells;
  switch (dimension) {
    case 'component':
      return r.component === 'usbp' ? 'U.S. Border Patrol' : 'Office of Field Operations';
    case 'demo':
      return c.Demographic === 'UC / Single Minors' ? 'UAC' : c.Demographic!;
    case 'cit':
      return f.layout === 'sw' ? c['Citizenship Grouping']! : c.Citizenship!;
    case 'title':
      return c['Title of Authority']!;
    case 'type':
      return c['Title of Authority'] === 'Title 42' ? 'Expulsions' : c['Encounter Type']!;
    case 'region':
      return c['Land Border Region']!;
    case 'state':
      return c.State!;
  }
  throw new Error(`no dimension ${dimension}`);
}

function sumRows(f: File, period: string, keep: (r: Row) => boolean): number {
  let s = 0;
  for (const r of f.rows) if (r.period === period && keep(r)) s += r.n;
  return s;
}

/** The file a family's month comes from: the latest release that carries the family and covers it. */
const fileFor = (parent: string, dimension: string, period: string): File | undefined =>
  FILES.filter((f) => CARRIES[f.layout](parent, dimension) && f.months.has(period)).at(-1);

const pointsOf = (s: Series) => new Map(s.points.map((p) => [p.period, p]));
const fySum = (s: Series, fy: number) =>
  s.points.filter((p) => fiscalYear(p.period) === fy).reduce((a, p) => a + p.value, 0);

let reports: ImportReport[] = [];
let catalog: CatalogEntry[] = [];
const series = new Map<string, Series>();
/** The families in the catalog: `parent:dimension` → member ids. */
const families = new Map<string, { parent: string; dimension: string; members: string[] }>();

async function importAll(): Promise<ImportReport[]> {
  const out: ImportReport[] = [];
  for (const text of [CBP.fy19, CBP.fy22, CBP.state]) {
    const res = await importFile(chunked(text), '?allow_new=1000');
    expect(res.status, await res.clone().text()).toBe(200);
    out.push((await res.json()) as ImportReport);
  }
  return out;
}

beforeAll(async () => {
  await reset();
  await seed();
  reports = await importAll();
  catalog = ((await (await get('/api/v1/series')).json()) as { series: CatalogEntry[] }).series;
  for (const e of catalog) {
    series.set(e.id, (await readSeries(env.SERIES, e.id))!.series);
    if (!e.parent) continue;
    const key = `${e.parent}:${e.dimension}`;
    if (!families.has(key)) families.set(key, { parent: e.parent, dimension: e.dimension!, members: [] });
    families.get(key)!.members.push(e.id);
  }
}, 120_000);
afterAll(reset);

describe('breakdowns from the real CBP files', () => {
  it('imports every breakdown each layout carries', () => {
    expect([...families.keys()].sort()).toEqual(
      [
        'sw-total:component',
        ...['sw-total', 'sw-usbp', 'sw-ofo'].flatMap((p) => ['demo', 'cit', 'title', 'type'].map((d) => `${p}:${d}`)),
        'sw-total:state',
        ...['region', 'state', 'demo', 'cit', 'title'].map((d) => `nw-total:${d}`),
      ].sort(),
    );
    const count = (key: string) => families.get(key)!.members.length;
    expect(count('nw-total:state')).toBe(48);
    expect(count('nw-total:cit')).toBe(22);
    expect(count('sw-total:cit')).toBe(5);
    expect(count('sw-usbp:demo')).toBe(3); // Border Patrol has no accompanied minors in these files
    expect(count('sw-total:state')).toBe(4);
    // Series created per file (the seed already holds sw-total, sw-usbp and sw-ofo).
    expect(reports.map((r) => r.created.length)).toEqual([39, 0, 84]);
    expect(catalog).toHaveLength(3 + 39 + 84);
  });

  it('adds every family up to its parent as the same release has it, in every month', () => {
    let checked = 0;
    for (const { parent, dimension, members } of families.values()) {
      const ms = members.map((id) => series.get(id)!);
      const months = new Set(ms.flatMap((s) => s.points.map((p) => p.period)));
      for (const period of months) {
        const values = ms.map((s) => pointsOf(s).get(period));
        const sum = values.reduce((a, p) => a + (p?.value ?? 0), 0);
        if (values.every((p) => p?.src && /^S\d/.test(p.src))) {
          // Members from the compiled table (the seed's sw-usbp and sw-ofo): as that table has the total.
          expect(sum, `${parent}:${dimension} ${period}`).toBe(pointsOf(series.get(parent)!).get(period)!.value);
          continue;
        }
        const file = fileFor(parent, dimension, period);
        expect(file, `${parent}:${dimension} ${period}`).toBeDefined();
        expect(sum, `${parent}:${dimension} ${period} (${file!.name})`).toBe(
          sumRows(file!, period, (r) => inParent(r, parent)),
        );
        // Each member is exactly its rows, and every label the file has there is a member.
        for (const s of ms)
          expect(pointsOf(s).get(period)?.value, `${s.id} ${period}`).toBe(
            sumRows(file!, period, (r) => inParent(r, parent) && memberOf(r, file!, dimension) === s.member),
          );
        const labels = new Set(
          file!.rows
            .filter((r) => r.period === period && inParent(r, parent))
            .map((r) => memberOf(r, file!, dimension)),
        );
        for (const l of labels)
          expect(
            ms.map((s) => s.member),
            `${parent}:${dimension} ${period}`,
          ).toContain(l);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('has every month a file covers, 0 where a member has no rows, and no month outside the files', () => {
    for (const { parent, dimension, members } of families.values()) {
      if (dimension === 'component') continue;
      const covered = [
        ...new Set(FILES.filter((f) => CARRIES[f.layout](parent, dimension)).flatMap((f) => [...f.months])),
      ].sort();
      for (const id of members)
        expect(
          series.get(id)!.points.map((p) => p.period),
          id,
        ).toEqual(covered);
    }
    // Nebraska has one row in the state file (Mar 2025); New Hampshire one (Oct 2022).
    const ne = series.get('nw-total-state-ne')!;
    expect(ne.points).toHaveLength(38);
    expect(ne.points.filter((p) => p.value !== 0).map((p) => [p.period, p.value])).toEqual([['2025-03', 1]]);
    expect(series.get('nw-total-state-nh')!.points.filter((p) => p.value === 0)).toHaveLength(37);
    // Title 42 ended in May 2023: a real 0 after it, in every release.
    expect(pointsOf(series.get('nw-total-title-42')!).get('2023-06')!.value).toBe(0);
    expect(pointsOf(series.get('sw-usbp-title-42')!).get('2020-02')!.value).toBe(0);
    // The southwest files end in Aug 2025: Border Patrol's breakdowns stop there, the state file's go on.
    expect(series.get('sw-usbp-demo-fmua')!.points.at(-1)!.period).toBe('2025-08');
    expect(series.get('sw-total-demo-fmua')!.points.at(-1)!.period).toBe('2025-11');
    expect(series.get('nw-total-state-tx')!.points[0]!.period).toBe('2022-10');
  });

  it('reproduces FY2024 Border Patrol southwest apprehensions by demographic', () => {
    const fy = (id: string) => fySum(series.get(id)!, 2024);
    expect(fy('sw-usbp-demo-fmua')).toBe(555_578);
    expect(fy('sw-usbp-demo-single-adults')).toBe(875_241);
    expect(fy('sw-usbp-demo-uac')).toBe(99_704);
    expect(fy('sw-usbp-type-apprehensions')).toBe(1_530_523);
    // No Title 42 in FY2024: every Border Patrol encounter was an apprehension.
    expect(fy('sw-usbp-type-expulsions')).toBe(0);
    expect(fy('sw-usbp')).toBe(1_530_523);
  });

  it('reproduces FY2025 nationwide encounters in Texas', () => {
    expect(fySum(series.get('nw-total-state-tx')!, 2025)).toBe(259_878);
    // At the southwest border (the rest are Texas's airports, seaports and coast).
    expect(fySum(series.get('sw-total-state-tx')!, 2025)).toBe(219_378);
    expect(fySum(series.get('nw-total')!, 2025)).toBe(691_906);
  });

  it('names the release a breakdown comes from, and shows where the parent holds a later one', () => {
    // The seed's sw-usbp holds the final FY2025 release (Jul 2025: 4,592); the southwest file of
    // Aug 2025 had 4,596. The family says so instead of mixing the two.
    const members = families.get('sw-usbp:demo')!.members.map((id) => series.get(id)!);
    const check = familyCheck(series.get('sw-usbp')!, members);
    expect(check.releases).toEqual(['CBP Southwest Land Border Encounters, data through Aug 2025']);
    expect(check.months.find((m) => m.period === '2025-07')).toMatchObject({
      total: 4_596,
      parent: 4_592,
      diff: 4,
      status: 'revised',
      memberSources: ['cbp-sw-2025-08'],
    });
    expect(check.exact).toBe(false);
    for (const m of check.months) {
      expect(['exact', 'revised'], m.period).toContain(m.status);
      if (m.status === 'revised') expect(Math.abs(m.diff), m.period).toBeLessThanOrEqual(10);
      if (m.period < '2024-10') expect(m.status, m.period).toBe('exact');
    }
    // Against the parent as its own release has it (the catalog's family of the same file), exact.
    const fy22 = FILES[1]!;
    for (const m of check.months.filter((x) => x.status === 'revised'))
      expect(m.total).toBe(sumRows(fy22, m.period, (r) => inParent(r, 'sw-usbp')));
    // The catalog says the same: the members' release beside the parent's.
    const entry = catalog.find((e) => e.id === 'sw-usbp-demo-fmua')!;
    expect(entry.release).toBe(check.releases[0]);
    expect(catalog.find((e) => e.id === 'sw-usbp')!.release).toBe('Aug 2026 update');
  });

  it('gives an encounter type one meaning across releases: Title 42 encounters are expulsions', () => {
    // CBP's Sep 2022 file types Border Patrol's FY2022 Title 42 encounters as apprehensions; its Aug
    // 2025 file as expulsions. Read by title of authority, both give the same series.
    const s1 = reports[0]!;
    expect(s1.relabelled).toContainEqual({
      dimension: 'type',
      from: 'Apprehensions',
      to: 'Expulsions',
      rows: 127,
      why: 'encounters under Title 42 are expulsions',
    });
    expect(s1.summary.join('\n')).toContain('read 127 row(s) of type "Apprehensions" as "Expulsions"');
    const exp = pointsOf(series.get('sw-usbp-type-expulsions')!);
    const t42 = pointsOf(series.get('sw-usbp-title-42')!);
    for (const [period, p] of exp) expect(p.value, period).toBe(t42.get(period)!.value);
    expect(exp.get('2021-10')!.value).toBe(92_686);
    expect(pointsOf(series.get('sw-usbp-type-apprehensions')!).get('2021-10')!.value).toBe(66_427);
    // Nothing the later file revised: the FY2022 months were read the same from both files.
    const s2 = reports[1]!.series.find((s) => s.id === 'sw-usbp-type-expulsions')!;
    expect(s2.revised.filter((r) => r.period < '2022-10')).toEqual([]);
  });

  it('maps CBP’s renamed label to one member: UC / Single Minors is UAC', () => {
    expect(reports[0]!.relabelled).toContainEqual(
      expect.objectContaining({ dimension: 'demo', from: 'UC / Single Minors', to: 'UAC', rows: 557 }),
    );
    const uac = series.get('sw-total-demo-uac')!;
    expect(uac.member).toBe('UAC');
    expect(uac.points[0]!.period).toBe('2018-10');
    expect(uac.points.at(-1)!.period).toBe('2025-11');
    expect(catalog.some((e) => e.id.includes('single-minors'))).toBe(false);
  });

  it('describes every series in English and Spanish, with no English words on a Spanish title', () => {
    const english =
      /\b(encounters?|border|patrol|ports?|nationwide|citizens|other|under|title|single|adults|family|children|minors|apprehensions|expulsions|land|region|state)\b/i;
    for (const s of series.values()) {
      const es = s.i18n?.es;
      expect(es?.title, s.id).toBeTruthy();
      expect(es?.short, s.id).toBeTruthy();
      expect(s.short!.length, s.id).toBeLessThanOrEqual(32);
      expect(es!.short!.length, s.id).toBeLessThanOrEqual(32);
      expect(es!.title, s.id).not.toMatch(english);
      expect(es!.short, s.id).not.toMatch(english);
      if (s.parent && s.dimension !== 'state') expect(es!.member, s.id).toBeTruthy();
    }
    expect(series.get('nw-total-state-nm')!.i18n!.es!.title).toBe('Encuentros en todo el país: Nuevo México');
    expect(series.get('nw-total-state-nm')!.title).toBe('Nationwide encounters: New Mexico');
    expect(series.get('nw-total-cit-venezuela')!.i18n!.es!.title).toBe(
      'Encuentros en todo el país: ciudadanos de Venezuela',
    );
    expect(series.get('sw-usbp-demo-uac')!.short).toBe('SW USBP: unaccompanied children');
    expect(series.get('nw-total-cit-haiti')).toMatchObject({ member: 'HAITI', i18n: { es: { member: 'Haití' } } });
    expect(series.get('nw-total-cit-china')!.member).toBe('CHINA, PEOPLES REPUBLIC OF');
  });

  it('keeps ids stable: importing the files again changes nothing, and shipped ids still answer', async () => {
    const before = new Map(catalog.map((e) => [e.id, e.version]));
    const again = await importAll();
    for (const r of again) {
      expect(r.created).toEqual([]);
      expect(r.series.filter((s) => s.status !== 'unchanged').map((s) => s.id)).toEqual([]);
    }
    const after = ((await (await get('/api/v1/series')).json()) as { series: CatalogEntry[] }).series;
    expect(new Map(after.map((e) => [e.id, e.version]))).toEqual(before);
    for (const id of [
      'sw-total',
      'sw-usbp',
      'sw-ofo',
      'nw-total',
      'sw-total-demo-single-adults',
      'sw-total-demo-fmua',
      'sw-total-demo-uac',
      'sw-total-demo-accompanied-minors',
      'sw-total-title-8',
      'sw-total-title-42',
    ])
      expect((await get(`/api/v1/series/${id}`)).status, id).toBe(200);
    expect((await get('/v1/sw-usbp-demo-uac/badge.svg')).status).toBe(200);
  }, 60_000);
});

describe('the catalog', () => {
  it('gives parent, dimension and member on each breakdown, and lists one family with ?parent=&dimension=', async () => {
    expect(catalog.find((e) => e.id === 'nw-total-state-tx')).toMatchObject({
      parent: 'nw-total',
      dimension: 'state',
      member: 'TX',
      i18n: { es: { title: 'Encuentros en todo el país: Texas' } },
    });
    expect(catalog.find((e) => e.id === 'sw-usbp')).toMatchObject({
      parent: 'sw-total',
      dimension: 'component',
      member: 'U.S. Border Patrol',
      i18n: { es: { member: 'Patrulla Fronteriza' } },
    });
    expect(catalog.find((e) => e.id === 'sw-total')!.parent).toBeUndefined();

    type Family = { parent: CatalogEntry; dimension: string; series: Array<CatalogEntry & { links: object }> };
    const res = await get('/api/v1/series?parent=sw-usbp&dimension=demo');
    expect(res.status).toBe(200);
    const fam = (await res.json()) as Family;
    expect(fam.parent.id).toBe('sw-usbp');
    expect(fam.dimension).toBe('demo');
    expect(fam.series.map((e) => [e.id, e.member])).toEqual([
      ['sw-usbp-demo-fmua', 'FMUA'],
      ['sw-usbp-demo-single-adults', 'Single Adults'],
      ['sw-usbp-demo-uac', 'UAC'],
    ]);
    expect(fam.series[0]!.links).toEqual({
      json: '/api/v1/series/sw-usbp-demo-fmua',
      csv: '/api/v1/series/sw-usbp-demo-fmua.csv',
      versions: '/api/v1/series/sw-usbp-demo-fmua/versions',
    });
    const cit = (await (await get('/api/v1/series?parent=nw-total&dimension=cit')).json()) as Family;
    expect(cit.series.map((e) => e.member)).toEqual(expect.arrayContaining(['VENEZUELA', 'CUBA', 'HAITI', 'MEXICO']));
    expect(cit.series).toHaveLength(22);
    const states = (await (await get('/api/v1/series?dimension=state')).json()) as Family;
    expect(states.series).toHaveLength(48 + 4);
    const parts = (await (await get('/api/v1/series?parent=sw-total&dimension=component')).json()) as Family;
    expect(parts.series.map((e) => e.id)).toEqual(['sw-ofo', 'sw-usbp']);
  });

  it('refuses a bad filter', async () => {
    for (const q of ['dimension=country', 'parent=SW-TOTAL', 'parent=sw--total', 'parent=a&parent=b'])
      expect((await get(`/api/v1/series?${q}`)).status, q).toBe(400);
    expect((await get('/api/v1/series?parent=no-such-series&dimension=demo')).status).toBe(404);
    const none = (await (await get('/api/v1/series?parent=sw-total-demo-uac&dimension=state')).json()) as {
      series: unknown[];
    };
    expect(none.series).toEqual([]);
  });

  it('is one KV read, however many series there are', async () => {
    const reads: string[] = [];
    const kv = new Proxy(env.SERIES, {
      get(target, prop) {
        const v = Reflect.get(target, prop) as unknown;
        if (prop === 'get' || prop === 'getWithMetadata' || prop === 'list')
          return (...args: unknown[]) => {
            reads.push(String(args[0]));
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    for (const path of ['/api/v1/series', '/api/v1/series?parent=nw-total&dimension=state']) {
      reads.length = 0;
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`http://example.com${path}`), { ...env, SERIES: kv }, ctx);
      await waitOnExecutionContext(ctx);
      expect(res.status).toBe(200);
      expect(reads, path).toEqual([keys.catalog]);
    }
    const size = (await env.SERIES.get(keys.catalog))!.length;
    console.log(`catalog: ${catalog.length} series, ${size} bytes`);
    expect(size).toBeLessThan(200_000);
  });
});

describe('families beyond the real files', () => {
  const SW =
    'Fiscal Year,Month Grouping,Month (abbv),Component,Demographic,Citizenship Grouping,Title of Authority,Encounter Type,Encounter Count';
  const STATE =
    'Fiscal Year,Month Grouping,Month (abbv),Land Border Region,State,Demographic,Citizenship,Title of Authority,Encounter Count';
  const file = (header: string, rows: string[]) => [header, ...rows].join('\r\n') + '\r\n';
  const run = async (text: string): Promise<ImportReport> => {
    const res = await importFile(text, '?allow_new=1000');
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as ImportReport;
  };
  const values = async (id: string) =>
    Object.fromEntries((await readSeries(env.SERIES, id))!.series.points.map((p) => [p.period, p.value]));

  beforeEach(reset);

  it('counts a row CBP left without a category in a member that says so', async () => {
    await run(
      file(SW, [
        '2025,FYTD,OCT,U.S. Border Patrol,Single Adults,Mexico,Title 8,Apprehensions,5',
        '2025,FYTD,OCT,U.S. Border Patrol,Single Adults,,Title 8,Apprehensions,3',
      ]),
    );
    const s = (await readSeries(env.SERIES, 'sw-usbp-cit-not-stated'))!.series;
    expect(s).toMatchObject({ parent: 'sw-usbp', dimension: 'cit', member: 'Not stated' });
    expect(s.i18n!.es).toMatchObject({ title: expect.stringContaining('nacionalidad sin especificar') });
    expect(await values('sw-usbp-cit-not-stated')).toEqual({ '2024-10': 3 });
    expect(await values('sw-usbp')).toEqual({ '2024-10': 8 });
  });

  it('gives a stored member the file has no rows for a 0 in every month the file covers', async () => {
    await run(
      file(SW, [
        '2025,FYTD,OCT,U.S. Border Patrol,Single Adults,Mexico,Title 42,Expulsions,4',
        '2025,FYTD,NOV,U.S. Border Patrol,Single Adults,Mexico,Title 8,Apprehensions,6',
      ]),
    );
    // A later file without any Title 42 row: Title 42 is 0 in its months, not left behind.
    await run(file(SW, ['2025,FYTD,DEC,U.S. Border Patrol,Single Adults,Mexico,Title 8,Apprehensions,7']));
    expect(await values('sw-usbp-title-42')).toEqual({ '2024-10': 4, '2024-11': 0, '2024-12': 0 });
    expect(await values('sw-usbp-title-8')).toEqual({ '2024-10': 0, '2024-11': 6, '2024-12': 7 });
  });

  it('leaves a citizenship CBP stops naming as it was, and says so', async () => {
    await run(
      file(STATE, [
        '2026 (FYTD),FYTD,OCT,Other,NY,Single Adults,ROMANIA,Title 8,2',
        '2026 (FYTD),FYTD,OCT,Other,NY,Single Adults,OTHER,Title 8,10',
      ]),
    );
    // The next release folds Romania into OTHER: it is not a zero, it is not named.
    const report = await run(
      file(STATE, [
        '2026 (FYTD),FYTD,OCT,Other,NY,Single Adults,OTHER,Title 8,12',
        '2026 (FYTD),FYTD,NOV,Other,NY,Single Adults,OTHER,Title 8,9',
      ]),
    );
    expect(report.notNamed).toEqual(['nw-total-cit-romania']);
    expect(report.summary.join('\n')).toContain('nw-total-cit-romania: not named in this file');
    expect(await values('nw-total-cit-romania')).toEqual({ '2025-10': 2 });
    // The family check shows the month where the two releases overlap.
    const [romania, other, nw] = await Promise.all(
      ['nw-total-cit-romania', 'nw-total-cit-other', 'nw-total'].map(
        async (id) => (await readSeries(env.SERIES, id))!.series,
      ),
    );
    const check = familyCheck(nw!, [romania!, other!]);
    expect(check.months.map((m) => [m.period, m.status, m.missing])).toEqual([
      ['2025-10', 'unexplained', []],
      ['2025-11', 'exact', ['nw-total-cit-romania']],
    ]);
  });

  it('adds the AOR layout’s families up: components, regions and areas of responsibility', async () => {
    const AOR =
      'Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count';
    await run(
      file(AOR, [
        '2026 (FYTD),FYTD,NOV,Office of Field Operations,Southwest Land Border,Laredo Field Office,Laredo,Single Adults,MEXICO,Title 8,Inadmissibles,1116',
        '2026 (FYTD),FYTD,NOV,U.S. Border Patrol,Southwest Land Border,El Paso Sector,El Paso,FMUA,"CHINA, PEOPLES REPUBLIC OF",Title 8,Apprehensions,7',
        '2026 (FYTD),FYTD,NOV,U.S. Border Patrol,Northern Land Border,Blaine Sector,Blaine,Single Adults,CANADA,Title 8,Apprehensions,40',
        '2026 (FYTD),FYTD,OCT,Office of Field Operations,Other,New York Field Office,New York,Single Adults,INDIA,Title 8,Inadmissibles,300',
      ]),
    );
    const cat = ((await (await get('/api/v1/series')).json()) as { series: CatalogEntry[] }).series;
    const byFamily = new Map<string, string[]>();
    for (const e of cat.filter((x) => x.parent))
      byFamily.set(`${e.parent}:${e.dimension}`, [...(byFamily.get(`${e.parent}:${e.dimension}`) ?? []), e.id]);
    expect(byFamily.get('nw-usbp:aor')).toEqual(['nw-usbp-aor-blaine-sector', 'nw-usbp-aor-el-paso-sector']);
    expect(byFamily.get('nw-total:component')).toEqual(['nw-ofo', 'nw-usbp']);
    expect(byFamily.get('sw-total:component')).toEqual(['sw-ofo', 'sw-usbp']);
    for (const [key, ids] of byFamily) {
      const parent = (await readSeries(env.SERIES, key.split(':')[0]!))!.series;
      const members = await Promise.all(ids.map(async (id) => (await readSeries(env.SERIES, id))!.series));
      expect(familyCheck(parent, members).exact, key).toBe(true);
    }
    expect((await readSeries(env.SERIES, 'nw-ofo-aor-laredo-field-office'))!.series.i18n!.es!.title).toBe(
      'Encuentros en los puertos de entrada de todo el país: oficina de campo de Laredo',
    );
  });

  it('gives catalog fields to a stored series that lacked them, and says so', async () => {
    await seed();
    // A breakdown as an earlier version of the importer stored it: no parent, dimension or member.
    const old = await run(file(SW, ['2025,FYTD,OCT,U.S. Border Patrol,FMUA,Mexico,Title 8,Apprehensions,5']));
    const stored = (await readSeries(env.SERIES, 'sw-total-demo-fmua'))!.series;
    const { parent: _p, dimension: _d, member: _m, ...bare } = stored;
    const res = await write('/api/v1/series/sw-total-demo-fmua', {
      method: 'PUT',
      body: JSON.stringify({ ...bare, i18n: { es: { ...bare.i18n!.es, member: undefined } } }),
    });
    expect(res.status).toBe(200);
    expect(old.created).toContain('sw-total-demo-fmua');
    const again = await run(file(SW, ['2025,FYTD,OCT,U.S. Border Patrol,FMUA,Mexico,Title 8,Apprehensions,5']));
    const change = again.series.find((s) => s.id === 'sw-total-demo-fmua')!;
    expect(change).toMatchObject({ status: 'updated', added: [], revised: [] });
    expect(change.fields).toEqual(['parent', 'dimension', 'member', 'i18n.es.member']);
    expect((await readSeries(env.SERIES, 'sw-total-demo-fmua'))!.series).toMatchObject({
      parent: 'sw-total',
      dimension: 'demo',
      member: 'FMUA',
    });
  });
});

describe('familyCheck', () => {
  const s = (id: string, points: Array<[string, number, string?]>): Series => ({
    id,
    title: id,
    unit: 'encounters',
    frequency: 'monthly',
    source: { name: 'CBP', url: 'https://www.cbp.gov/', release: `release of ${id}` },
    points: points.map(([period, value, src]) => ({ period, value, ...(src ? { src } : {}) })),
  });
  it('tells an exact month from a revision, a hole and a parent without the month', () => {
    const parent = s('p', [
      ['2025-01', 10, 'a'],
      ['2025-02', 11, 'b'],
      ['2025-03', 12, 'a'],
    ]);
    const check = familyCheck(parent, [
      s('m1', [
        ['2025-01', 4, 'a'],
        ['2025-02', 4, 'a'],
        ['2025-03', 4, 'a'],
        ['2025-04', 1, 'a'],
      ]),
      s('m2', [
        ['2025-01', 6, 'a'],
        ['2025-02', 6, 'a'],
        ['2025-03', 6, 'a'],
        ['2025-04', 1, 'a'],
      ]),
    ]);
    expect(check.months.map((m) => [m.period, m.status, m.diff])).toEqual([
      ['2025-01', 'exact', 0],
      ['2025-02', 'revised', -1],
      ['2025-03', 'unexplained', -2],
      ['2025-04', 'no-parent', 0],
    ]);
    expect(check.releases).toEqual(['release of m1', 'release of m2']);
    expect(check.exact).toBe(false);
  });
});
