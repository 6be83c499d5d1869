import { describe, expect, it } from 'vitest';
import { copy, type Lang } from '../src/copy';
import { computeFacts, cutAt } from '../src/series/facts';
import { claims, rankClaim, RULES } from '../src/series/headlines';
import type { Point } from '../src/series/schema';
import { claimText, headline } from '../src/kit/text';
import { cardSeries } from '../src/card/load';
import type { CardSpec } from '../src/card';
import type { StoredSeries } from '../src/series/schema';
import { SEED } from './helpers';

/** A series as a card of `per` sees it, from the given points. */
const cs = (points: Point[], lang: Lang = 'en', per: 'month' | 'day' = 'month') =>
  cardSeries(
    {
      version: '000001-000000000000',
      writtenAt: '2026-09-15T12:00:00.000Z',
      vintage: 'seed',
      series: { ...SEED['sw-usbp'], points },
    } as StoredSeries,
    { opts: { lang, per } } as CardSpec,
  );

const usbp = SEED['sw-usbp'].points as Point[];
const total = SEED['sw-total'].points as Point[];
const at = (points: Point[], asOf: string) => {
  const cut = cutAt(points, asOf);
  return { cut, facts: computeFacts(cut) };
};
const value = (points: Point[], period: string) => points.find((p) => p.period === period)!.value;

describe('headline claims against the CBP seed data', () => {
  it('calls Jul 2025 the lowest Border Patrol month on record, naming the span', () => {
    const { cut, facts } = at(usbp, '2025-07');
    expect(facts.latest.value).toBe(4592);
    expect(rankClaim(cut, facts)).toEqual({ kind: 'record', dir: 'low', first: '2018-10' });
    expect(claimText('en', rankClaim(cut, facts)!)).toBe('lowest on record (since Oct 2018)');
  });

  it('calls Nov 2025 the lowest November in the series, not a record, and states the year-earlier drop', () => {
    const { cut, facts } = at(usbp, '2025-11');
    expect(facts.latest.value).toBe(7353);
    expect(facts.low.point.period).toBe('2025-07');
    const rank = rankClaim(cut, facts)!;
    expect(rank).toMatchObject({ kind: 'sameMonth', dir: 'low', month: 11, firstYear: 2018 });
    const pct = Math.round((1 - 7353 / value(usbp, '2024-11')) * 100);
    expect(pct).toBe(84);
    expect(headline('en', cs(cut, 'en'))).toBe(
      `Lowest November in the series (since 2018); down ${pct}% from a year earlier`,
    );
    expect(headline('es', cs(cut, 'es'))).toBe(
      `El noviembre más bajo de la serie (desde 2018); ${pct}% menos que un año antes`,
    );
  });

  it('calls Dec 2023 the highest on record in both the total and the Border Patrol series', () => {
    for (const [points, v] of [
      [total, 301981],
      [usbp, 249740],
    ] as const) {
      const { cut, facts } = at(points, '2023-12');
      expect(facts.latest.value).toBe(v);
      expect(rankClaim(cut, facts)).toEqual({ kind: 'record', dir: 'high', first: '2018-10' });
      expect(headline('en', cs(cut, 'en'))).toMatch(/^Highest on record \(since Oct 2018\)/);
    }
  });

  it('makes no rank claim for Aug 2026, whose lower month lies only five months back', () => {
    const { cut, facts } = at(usbp, '2026-08');
    expect(facts.lowestSince?.monthsBack).toBeLessThan(RULES.sinceMinMonths);
    expect(rankClaim(cut, facts)).toBeNull();
    expect(headline('en', cs(cut, 'en'))).toMatch(/^Up \d+% from a year earlier$/);
  });

  it('never makes a rank claim over fewer months than the rules require', () => {
    const { cut, facts } = at(usbp, '2019-02');
    expect(facts.span.months).toBeLessThan(RULES.recordMinMonths);
    expect(rankClaim(cut, facts)).toBeNull();
  });

  it('proves every claim it makes for every month of every series by brute force', () => {
    for (const points of Object.values(SEED).map((s) => s.points as Point[])) {
      for (let n = 1; n <= points.length; n++) {
        const cut = points.slice(0, n);
        const latest = cut.at(-1)!;
        const earlier = cut.slice(0, -1);
        for (const c of claims(cut, computeFacts(cut))) {
          const beyond = (v: number) => ('dir' in c && c.dir === 'low' ? v > latest.value : v < latest.value);
          if (c.kind === 'record') {
            expect(earlier.every((p) => beyond(p.value))).toBe(true);
            expect(cut.length).toBeGreaterThanOrEqual(RULES.recordMinMonths);
          } else if (c.kind === 'sameMonth') {
            const same = earlier.filter((p) => Number(p.period.slice(5)) === c.month);
            expect(same.length + 1).toBeGreaterThanOrEqual(RULES.sameMonthMinYears);
            expect(same.every((p) => beyond(p.value))).toBe(true);
          } else if (c.kind === 'since') {
            const between = earlier.filter((p) => p.period > c.since);
            expect(between.length).toBeGreaterThanOrEqual(RULES.sinceMinMonths);
            expect(between.every((p) => beyond(p.value))).toBe(true);
            expect(beyond(cut.find((p) => p.period === c.since)!.value)).toBe(false);
          } else {
            const from = cut.find((p) => p.period === c.from)!;
            expect(c.pct).toBeCloseTo((latest.value - from.value) / from.value, 10);
          }
        }
      }
    }
  });

  it('uses neutral words only, in both languages', () => {
    for (const lang of ['en', 'es'] as Lang[]) {
      for (let n = 1; n <= usbp.length; n++) {
        const cut = usbp.slice(0, n);
        const h = headline(lang, cs(cut, lang));
        expect(h).not.toMatch(/crisis|surge|success|record-breaking|oleada|éxito/i);
      }
      expect(copy[lang].eventsNote.length).toBeGreaterThan(10);
    }
  });
});
