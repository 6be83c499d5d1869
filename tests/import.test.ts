import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../src/ingest/import';
import { readSeries } from '../src/series/store';
import { CBP, FILES, chunked, compiledTotals, fiscalYear, importFile, snapshot } from './fixtures/cbp';
import { seed } from './helpers';

afterEach(reset);

/** A first import of a layout creates every breakdown it carries: dozens of series, confirmed here. */
async function imported(text: string, query = ''): Promise<ImportReport> {
  const res = await importFile(chunked(text), `${query || '?'}${query ? '&' : ''}allow_new=1000`);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return (await res.json()) as ImportReport;
}

async function points(id: string): Promise<Map<string, number>> {
  const s = await readSeries(env.SERIES, id);
  return new Map(s!.series.points.map((p) => [p.period, p.value]));
}

function byFiscalYear(pts: Map<string, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [p, v] of pts) out.set(fiscalYear(p), (out.get(fiscalYear(p)) ?? 0) + v);
  return out;
}

// CBP's published southwest fiscal-year totals (DESIGN.md, "Data on hand").
const PUBLISHED: Record<number, number> = {
  2019: 977_509,
  2020: 458_088,
  2021: 1_734_686,
  2022: 2_378_944,
  2023: 2_475_669,
  2024: 2_135_005,
  2025: 443_671,
};

describe('CBP importer', () => {
  it('has fixtures that are byte-for-byte the shared CBP files', async () => {
    for (const line of CBP.sums.trim().split('\n')) {
      const [hash, name] = line.split(/\s+/);
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(FILES[name!]!));
      expect([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''), name).toBe(hash);
    }
  });

  it('gives the published southwest fiscal-year totals from the two southwest files', async () => {
    await imported(CBP.fy19);
    await imported(CBP.fy22);
    const fy = byFiscalYear(await points('sw-total'));
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024]) expect(fy.get(year), `FY${year}`).toBe(PUBLISHED[year]);
    // FY2025 in this file runs Oct–Aug in the Aug 2025 release; the compiled table holds a later
    // release, so the two may differ only by that release's small revisions (a few per month).
    const compiled = compiledTotals();
    const fy25 = [...(await points('sw-total'))].filter(([p]) => fiscalYear(p) === 2025);
    expect(fy25.map(([p]) => p)).toEqual([...compiled.keys()].filter((p) => p >= '2024-10' && p <= '2025-08'));
    for (const [p, v] of fy25) expect(Math.abs(v - compiled.get(p)!.total), p).toBeLessThanOrEqual(10);
    // Components add up, and match the compiled table where that table is from the same releases.
    const usbp = await points('sw-usbp');
    const ofo = await points('sw-ofo');
    for (const [p, v] of await points('sw-total')) {
      expect(usbp.get(p)! + ofo.get(p)!).toBe(v);
      const c = compiled.get(p)!;
      if (p < '2024-10') expect({ p, usbp: usbp.get(p), ofo: ofo.get(p) }).toEqual({ p, usbp: c.usbp, ofo: c.ofo });
    }
  });

  it('gives the same monthly southwest totals from the state file where the releases agree', async () => {
    const fromSw = await imported(CBP.fy22);
    expect(fromSw.series.find((s) => s.id === 'sw-total')!.status).toBe('created');
    const sw = await points('sw-total');
    const report = await imported(CBP.state);
    const total = report.series.find((s) => s.id === 'sw-total')!;
    // Oct 2022 – Sep 2024 (FY2023–FY2024) are identical in both releases: no revisions there.
    expect(total.revised.filter((r) => r.period < '2024-10')).toEqual([]);
    // FY2025 months were revised by the later release by a few encounters each, and reported old → new.
    for (const r of total.revised) {
      expect(r.old).toBe(sw.get(r.period));
      expect(Math.abs(r.new - r.old)).toBeLessThanOrEqual(10);
    }
    expect(total.added.map((a) => a.period)).toEqual(['2025-09', '2025-10', '2025-11']);
    const merged = await points('sw-total');
    // The state file carries the final FY2025 release: the published FY2025 total.
    expect(byFiscalYear(merged).get(2025)).toBe(PUBLISHED[2025]);
    // Months before the state file (FY2022) are kept from the southwest file.
    for (const [p, v] of sw) if (p < '2022-10') expect(merged.get(p)).toBe(v);
    // No Component column: the state layout cannot split USBP/OFO, so those stay as they were.
    expect(report.series.map((s) => s.id)).not.toContain('sw-usbp');
    expect(report.series.map((s) => s.id)).toContain('nw-total');
  });

  it('builds demographic and title-of-authority breakdowns that add up to the total', async () => {
    const report = await imported(CBP.fy19);
    const ids = report.series.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'sw-total-demo-single-adults',
        'sw-total-demo-fmua',
        'sw-total-demo-uac',
        'sw-total-demo-accompanied-minors',
        'sw-total-title-8',
        'sw-total-title-42',
      ]),
    );
    const total = await points('sw-total');
    const demo = await Promise.all(ids.filter((i) => i.startsWith('sw-total-demo-')).map(points));
    const title = await Promise.all(ids.filter((i) => i.startsWith('sw-total-title-')).map(points));
    for (const [p, v] of total) {
      expect(demo.reduce((s, m) => s + m.get(p)!, 0)).toBe(v);
      expect(title.reduce((s, m) => s + m.get(p)!, 0)).toBe(v);
    }
    // Title 42 began in March 2020: the months before it are real zeros, not gaps.
    const t42 = await points('sw-total-title-42');
    expect(t42.get('2020-02')).toBe(0);
    expect(t42.get('2020-04')).toBeGreaterThan(0);
  });

  it('reads the 12-column nationwide layout by area of responsibility', async () => {
    const header =
      'Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count';
    const rows = [
      // The example row from CBP's AOR export (DESIGN.md), then rows for other components and regions.
      '2026 (FYTD),FYTD,NOV,Office of Field Operations,Southwest Land Border,Laredo Field Office,Laredo,Single Adults,MEXICO,Title 8,Inadmissibles,1116',
      '2026 (FYTD),FYTD,NOV,U.S. Border Patrol,Southwest Land Border,El Paso Sector,El Paso,FMUA,"CHINA, PEOPLES REPUBLIC OF",Title 8,Apprehensions,7.0',
      '2026 (FYTD),FYTD,NOV,U.S. Border Patrol,Northern Land Border,Blaine Sector,Blaine,Single Adults,CANADA,Title 8,Apprehensions,40',
      '2026 (FYTD),FYTD,OCT,Office of Field Operations,Other,New York Field Office,New York,Single Adults,INDIA,Title 8,Inadmissibles,300',
    ];
    const report = await imported([header, ...rows].join('\r\n') + '\r\n');
    expect(report.layout).toBe('aor');
    expect(Object.fromEntries(await points('sw-ofo'))).toEqual({ '2025-10': 0, '2025-11': 1116 });
    expect(Object.fromEntries(await points('sw-usbp'))).toEqual({ '2025-10': 0, '2025-11': 7 });
    expect(Object.fromEntries(await points('sw-total'))).toEqual({ '2025-10': 0, '2025-11': 1123 });
    expect(Object.fromEntries(await points('nw-total'))).toEqual({ '2025-10': 300, '2025-11': 1163 });
    expect(Object.fromEntries(await points('sw-total-demo-fmua'))).toEqual({ '2025-10': 0, '2025-11': 7 });
  });

  it('changes nothing when the same file is imported twice', async () => {
    await imported(CBP.fy22);
    const before = await snapshot();
    const again = await imported(CBP.fy22);
    expect(again.series.every((s) => s.status === 'unchanged')).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('reports a dry run without writing anything', async () => {
    await seed();
    const before = await snapshot();
    const report = await imported(CBP.state, '?dry_run=1');
    expect(report.dryRun).toBe(true);
    const nw = report.series.find((s) => s.id === 'nw-total')!;
    expect(nw.status).toBe('created');
    expect(nw.version).toBeNull();
    expect(nw.added).toHaveLength(report.months.count);
    expect(report.summary[0]).toMatch(/^DRY RUN/);
    expect(await snapshot()).toEqual(before);
    // The real run then does exactly what the dry run said.
    const real = await imported(CBP.state);
    expect(real.series.map(({ id, added, revised, kept }) => ({ id, added, revised, kept }))).toEqual(
      report.series.map(({ id, added, revised, kept }) => ({ id, added, revised, kept })),
    );
  });

  it('does not let an older release undo a newer one, unless forced', async () => {
    await seed(); // runs to Aug 2026, from later releases than the state file (data through Nov 2025)
    const seeded = await points('sw-total');
    const report = await imported(CBP.state);
    const total = report.series.find((s) => s.id === 'sw-total')!;
    expect(total.status).toBe('unchanged');
    expect(total.kept.length).toBeGreaterThan(0);
    for (const k of total.kept) expect(k.stored).toBe(seeded.get(k.period));
    expect(await points('sw-total')).toEqual(seeded);
    expect(report.summary.join('\n')).toMatch(/sw-total: unchanged .*kept \d+ month/);

    const forced = await imported(CBP.state, '?force=1');
    const revised = forced.series.find((s) => s.id === 'sw-total')!.revised;
    expect(revised.map(({ period, old, new: v }) => ({ period, stored: old, file: v }))).toEqual(total.kept);
    const after = await points('sw-total');
    for (const r of revised) expect(after.get(r.period)).toBe(r.new);
  });

  it('merges into the seeded series, keeping months the file does not cover and recording the vintage', async () => {
    await seed();
    const seeded = await points('sw-total');
    const report = await imported(CBP.fy19);
    const merged = await points('sw-total');
    expect(merged.size).toBe(seeded.size);
    for (const [p, v] of seeded) if (p >= '2022-10') expect(merged.get(p)).toBe(v);
    const s = await readSeries(env.SERIES, 'sw-total');
    expect(report.vintage).toMatch(/data through Sep 2022/);
    // An older file does not move the series' release back; the seed's months after it are newer.
    expect(s!.series.source.release).toBe('Aug 2026 update');
  });
});
