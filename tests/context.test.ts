import { reset } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardModel } from '../src/card';
import { daysIn, perDay } from '../src/card/load';
import { copy, fmt, type Lang } from '../src/copy';
import { format } from '../src/copy/format';
import { claimText, TITLE42 } from '../src/kit/text';
import { computeFacts, cutAt } from '../src/series/facts';
import { rankClaim } from '../src/series/headlines';
import type { Point } from '../src/series/schema';
import type { TrendModel } from '../widgets/trend/model';
import type { BarsModel } from '../widgets/bars/model';
import events from '../seed/events/policy-events.json';
import { CBP, importFile } from './fixtures/cbp';
import { SEED, get, seed, seedCard } from './helpers';

// What a reader needs beside the numbers: policy events on the charts, per-day rates, and the
// caveats the data call for, all checked against the real data.

beforeAll(seed);
afterAll(reset);

type Id = keyof typeof SEED;
const IDS: Id[] = ['sw-total', 'sw-usbp', 'sw-ofo'];
const months = (id: Id) => (SEED[id].points as Point[]).map((p) => p.period);
const trend = (id: Id, q: Record<string, string> = {}) => cardModel(seedCard(id, 'trend', q), 'B') as TrendModel;

/** Days in a month by the Gregorian rule, written out independently of the code under test. */
function gregorianDays(period: string): number {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

describe('per-day rates', () => {
  it('divide each month by its days, leap years included', () => {
    expect(['2020-02', '2024-02', '2023-02', '2100-02', '2000-02'].map(daysIn)).toEqual([29, 29, 28, 28, 29]);
    for (const id of IDS) for (const p of months(id)) expect(daysIn(p), `${id} ${p}`).toBe(gregorianDays(p));
  });

  it('are exact for every month in the API, JSON and CSV', async () => {
    for (const id of IDS) {
      const raw = SEED[id].points as Point[];
      const json = (await (await get(`/api/v1/series/${id}?per=day`)).json()) as {
        per: string;
        series: { unit: string; points: Point[] };
      };
      expect(json.per).toBe('day');
      expect(json.series.unit).toMatch(/per day$/);
      expect(json.series.points.map((p) => p.value)).toEqual(raw.map((p) => p.value / gregorianDays(p.period)));
      const feb = json.series.points.find((p) => p.period === '2024-02')!;
      expect(feb.value * 29).toBeCloseTo(raw.find((p) => p.period === '2024-02')!.value, 9);
      const csv = (await (await get(`/api/v1/series/${id}.csv?per=day`)).text()).trim().split('\r\n').slice(1);
      expect(csv.map((l) => Number(l.split(',')[1]))).toEqual(raw.map((p) => p.value / gregorianDays(p.period)));
    }
    expect((await get('/api/v1/series/sw-usbp?per=week')).status).toBe(400);
  });

  it('show one decimal below 100 and whole numbers above', () => {
    expect([7, 95.44, 99.94, 99.96, 148.129, 1234.5].map(format.rate)).toEqual([
      '7.0',
      '95.4',
      '99.9',
      '100',
      '148',
      '1,235',
    ]);
  });

  it('label the card "per day" wherever its numbers appear', () => {
    for (const lang of ['en', 'es'] as Lang[]) {
      const t = copy[lang];
      const m = trend('sw-usbp', { per: 'day', lang });
      expect(m.title).toContain(t.perDay);
      expect(m.month).toContain(t.perDay);
      expect(m.table.columns[1]).toContain(t.perDay);
      expect(m.desc).toContain(t.perDayNote);
      const latest = (SEED['sw-usbp'].points as Point[]).at(-1)!;
      expect(m.value).toBe(format.rate(latest.value / daysIn(latest.period)));
    }
  });

  it('divide a fiscal year by the days it covers, a running year by the days so far', () => {
    const m = cardModel(seedCard('sw-usbp', 'bars', { per: 'day' }), 'B') as BarsModel;
    const raw = SEED['sw-usbp'].points as Point[];
    const fy = (y: number) => raw.filter((p) => p.period >= `${y - 1}-10` && p.period <= `${y}-09`);
    const row = (label: string) => m.table.rows.find((r) => r.head === label)!.cells[0];
    const sum = (ps: Point[]) => ps.reduce((a, p) => a + p.value, 0);
    expect(row('FY2024')).toBe(format.rate(sum(fy(2024)) / 366)); // Oct 2023 – Sep 2024 spans Feb 29
    expect(row('FY2023')).toBe(format.rate(sum(fy(2023)) / 365));
    const running = fy(2026);
    expect(running.at(-1)!.period).toBe('2026-08');
    expect(row('FY2026 (YTD, 11 months)')).toBe(format.rate(sum(running) / 335)); // Oct 2025 – Aug 2026
  });
});

describe('claims on the measure shown, and never a record the other measure contradicts silently', () => {
  const expected = (lang: Lang, points: Point[], per: 'month' | 'day'): string | null => {
    const t = copy[lang];
    const shownPts = per === 'day' ? perDay(points) : points;
    const otherPts = per === 'day' ? points : perDay(points);
    const shown = rankClaim(shownPts, computeFacts(shownPts));
    if (!shown || shown.kind === 'yearAgo') return null;
    const other = rankClaim(otherPts, computeFacts(otherPts));
    let s = claimText(lang, shown);
    if (per === 'day') s = t.perDayClaim(s);
    if (JSON.stringify(shown) !== JSON.stringify(other))
      s += ` ${t.otherMeasure(per === 'day' ? 'month' : 'day', other ? claimText(lang, other) : null, shown.dir)}`;
    return s.charAt(0).toUpperCase() + s.slice(1);
  };

  it('every month of every series, in both measures and both languages (brute force)', () => {
    let qualified = 0;
    let checked = 0;
    for (const id of IDS)
      for (const asOf of months(id).slice(1))
        for (const per of ['month', 'day'] as const)
          for (const lang of ['en', 'es'] as Lang[]) {
            const m = cardModel(seedCard(id, 'stat', { as_of: asOf, per, lang }), 'B') as TrendModel;
            const want = expected(lang, cutAt(SEED[id].points as Point[], asOf), per);
            const deck = m.deck.lines.join(' ').replace(/\u00a0/g, ' ');
            if (want) expect(deck, `${id} ${asOf} ${per} ${lang}`).toBe(want.replace(/\u00a0/g, ' '));
            else expect(deck, `${id} ${asOf} ${per} ${lang}`).toMatch(/^(Monthly|Mensual|Daily|Promedio)/);
            if (want?.includes('—')) qualified++;
            checked++;
          }
    // The rule is not idle on the real data: some months' ranks differ between the measures.
    expect(checked).toBeGreaterThan(1000);
    expect(qualified).toBeGreaterThan(0);
  });

  it('names the measure where total and per-day ranks differ, on the real data', () => {
    // Find a month whose total is a record low but whose per-day rate is not, or the reverse.
    const found: string[] = [];
    for (const id of IDS) {
      const pts = SEED[id].points as Point[];
      for (let i = 24; i < pts.length; i++) {
        const cut = pts.slice(0, i + 1);
        const a = rankClaim(cut, computeFacts(cut));
        const d = perDay(cut);
        const b = rankClaim(d, computeFacts(d));
        if (JSON.stringify(a) !== JSON.stringify(b)) found.push(`${id} ${cut.at(-1)!.period}`);
      }
    }
    expect(found.length).toBeGreaterThan(0);
    const [id, asOf] = found[0]!.split(' ') as [Id, string];
    const deck = trend(id, { as_of: asOf }).deck.lines.join(' ');
    expect(deck).toMatch(/ — per day/);
    const daily = trend(id, { as_of: asOf, per: 'day' }).deck.lines.join(' ');
    expect(daily).toMatch(/^Per day, .* — in total/);
  });
});

describe('policy events on the cards', () => {
  const line = (m: TrendModel) =>
    m.chart.line
      .slice(1)
      .split('L')
      .map((p) => Number(p.split(',')[0]));

  it('the Title 42 band on the sw-usbp trend covers Mar 2020 – May 2023', () => {
    const m = trend('sw-usbp', { months: '95' });
    const xs = line(m);
    const ps = months('sw-usbp');
    const step = xs[1]! - xs[0]!;
    const band = m.chart.events.marks.find((k) => k.events.some((e) => e.id === 'note-title42-in-encounters'))!;
    expect(band.x2).toBeDefined();
    expect(band.x).toBeCloseTo(xs[ps.indexOf('2020-03')]! - step / 2, 0);
    expect(band.x2!).toBeCloseTo(xs[ps.indexOf('2023-05')]! + step / 2, 0);
    expect(TITLE42).toEqual({ from: '2020-03', to: '2023-05' });
  });

  it('events on the same date make one marker, and every event in the window is shown', () => {
    const m = trend('sw-usbp', { months: '95' });
    const jan = m.chart.events.marks.filter((k) => k.events.some((e) => e.start === '2025-01-20'));
    expect(jan).toHaveLength(1);
    expect(jan[0]!.events.map((e) => e.id).sort()).toEqual(
      events.events
        .filter((e) => e.start === '2025-01-20')
        .map((e) => e.id)
        .sort(),
    );
    expect(m.chart.events.marks.flatMap((k) => k.events).length).toBe(events.events.length);
    for (const e of events.events) expect(m.desc).toContain(e.label.en);
  });

  it('labels never collide, at any width, in either language', () => {
    for (const lang of ['en', 'es'] as Lang[])
      for (const width of [320, 400, 479, 480, 560, 640, 800, 1000, 1200])
        for (const monthsShown of ['12', '36', '60', '95']) {
          const m = trend('sw-usbp', { width: String(width), months: monthsShown, lang });
          const ev = m.chart.events;
          const where = `${lang} ${width}px ${monthsShown} months (${ev.mode})`;
          if (width < 480) expect(ev.mode === 'numbered' || !ev.marks.length, where).toBe(true);
          if (ev.mode === 'inline')
            for (const a of ev.marks)
              for (const b of ev.marks) {
                if (a === b || a.box!.row !== b.box!.row) continue;
                const apart = a.box!.left + a.box!.width <= b.box!.left || b.box!.left + b.box!.width <= a.box!.left;
                expect(apart, `${where}: "${a.label}" / "${b.label}"`).toBe(true);
                expect(a.box!.left).toBeGreaterThanOrEqual(m.chart.plotLeft);
                expect(a.box!.left + a.box!.width).toBeLessThanOrEqual(m.chart.width);
              }
          else {
            const xs = ev.marks.map((k) => k.badgeX!).sort((a, b) => a - b);
            for (let i = 1; i < xs.length; i++)
              expect(xs[i]! - xs[i - 1]!, where).toBeGreaterThanOrEqual(Math.ceil(ev.size * 1.35));
            expect(ev.list).toHaveLength(ev.marks.length);
          }
        }
  });

  it('events=none, a list of ids, and an unknown id (a 400 error card)', async () => {
    expect(trend('sw-usbp', { events: 'none' }).chart.events.marks).toEqual([]);
    const one = trend('sw-usbp', { events: 'securing-the-border-2024', months: '95' });
    expect(one.chart.events.marks.flatMap((k) => k.events.map((e) => e.id))).toEqual(['securing-the-border-2024']);
    const bad = await get('/v1/sw-usbp/trend.svg?events=nope');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('no event');
    // bars and stat show none unless asked
    expect((cardModel(seedCard('sw-usbp', 'bars'), 'B') as BarsModel).chart.events.marks).toEqual([]);
    const all = (cardModel(seedCard('sw-usbp', 'bars', { events: 'all' }), 'B') as BarsModel).chart.events;
    expect(all.marks.flatMap((k) => k.events).length).toBe(events.events.length);
  });

  it('the embed page lists each event shown, with its citation and a link to its source', async () => {
    const html = await (await get('/embed/sw-usbp/trend?months=95')).text();
    for (const e of events.events) {
      expect(html).toContain(`id="event-${e.id}"`);
      expect(html).toContain(`href="${e.source.url.replace(/&/g, '&amp;')}"`);
    }
    expect(html).toContain('Encounters count events, not unique people.');
    const es = await (await get('/embed/sw-usbp/trend?months=95&lang=es')).text();
    expect(es).toContain(events.events[1]!.description.es);
  });
});

describe('caveats computed from the data', () => {
  it('a Title 42 note exactly when the months shown include expulsions', () => {
    for (const asOf of ['2019-12', '2020-02', '2020-03', '2021-06', '2023-05', '2023-06', '2025-11', '2026-08']) {
      const m = trend('sw-usbp', { as_of: asOf, months: '12' });
      const first = cutAt(SEED['sw-usbp'].points as Point[], asOf).slice(-12)[0]!.period;
      const has = !(asOf < TITLE42.from || first > TITLE42.to);
      expect(
        m.notes!.some((n) => n.includes('Title 42')),
        asOf,
      ).toBe(has);
    }
  });

  it("the Title 42 months are those the events document and CBP's own Title 42 rows give", async () => {
    const note = events.events.find((e) => e.id === 'note-title42-in-encounters')!;
    expect([note.start.slice(0, 7), note.end!.slice(0, 7)]).toEqual([TITLE42.from, TITLE42.to]);
    for (const f of [CBP.fy19, CBP.fy22]) expect((await importFile(f, '?allow_new=1000')).status).toBe(200);
    const t42 = (await (await get('/api/v1/series/sw-total-title-42')).json()) as { series: { points: Point[] } };
    const nonzero = t42.series.points.filter((p) => p.value > 0).map((p) => p.period);
    expect([nonzero[0], nonzero.at(-1)]).toEqual([TITLE42.from, TITLE42.to]);
  });

  it('a component-shift note exactly when Border Patrol and ports of entry moved apart (brute force)', () => {
    const yoy = (id: Id, asOf: string) => computeFacts(cutAt(SEED[id].points as Point[], asOf)).vsYearAgo?.pct;
    let notes = 0;
    for (const asOf of months('sw-total').slice(12))
      for (const id of IDS) {
        const m = cardModel(seedCard(id, 'stat', { as_of: asOf }), 'B') as TrendModel;
        const a = yoy('sw-usbp', asOf);
        const b = yoy('sw-ofo', asOf);
        const apart = a != null && b != null && Math.sign(a) * Math.sign(b) === -1;
        const note = m.notes!.find((n) => n.startsWith('From a year earlier'));
        expect(!!note, `${id} ${asOf}`).toBe(apart);
        if (note) {
          notes++;
          expect(note).toContain(fmt.pctAbs('en', a!));
          expect(note).toContain(fmt.pctAbs('en', b!));
          expect(m.desc).toContain(note);
        }
      }
    expect(notes).toBeGreaterThan(0);
  });
});
