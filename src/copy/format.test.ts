import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, type Lang } from './format';

/** `Intl` is the oracle: cards format without it (it costs a fresh isolate ~15 ms), and must say the same. */
const LOCALE: Record<Lang, string> = { en: 'en-US', es: 'es-US' };
const intl = {
  number: (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n),
  compact: (lang: Lang, n: number) =>
    new Intl.NumberFormat(LOCALE[lang], { notation: 'compact', maximumFractionDigits: 1 }).format(n),
  percent: (r: number, signed: boolean) =>
    new Intl.NumberFormat('en-US', {
      style: 'percent',
      maximumFractionDigits: Math.abs(r) < 0.1 ? 1 : 0,
      signDisplay: signed ? 'exceptZero' : 'auto',
    })
      .format(r)
      .replace('-', '\u2212'),
  date: (lang: Lang, period: string, o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', ...o }).format(new Date(`${period}-01T00:00:00Z`)),
};
const run = { seed: 20261129, numRuns: 3000 };
/** Counts are never negative zero (Intl writes it "-0"); cards never show one. */
const noNegZero = (n: number) => (n === 0 ? 0 : n);
const counts = fc
  .oneof(
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 0, max: 1e12 }),
    fc.double({ min: 0, max: 1e12, noNaN: true }),
    fc.constantFrom(
      999,
      999.95,
      999.96,
      1049,
      1050,
      9999,
      99_950,
      999_949,
      999_950,
      999_950_000,
      9.99e9,
      1e10,
      999.96e9,
    ),
  )
  .map(noNegZero);

describe('formats without Intl say what Intl says', () => {
  it('whole numbers with grouping, rounding half away from zero', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          counts,
          fc
            .double({ min: -1e9, max: 1e9, noNaN: true })
            .filter((n) => Math.round(n) !== 0 || n >= 0)
            .map(noNegZero),
        ),
        (n) => {
          expect(format.number(n)).toBe(intl.number(n));
        },
      ),
      run,
    );
  });

  for (const lang of ['en', 'es'] as const)
    it(`compact numbers in ${lang} (K, M, ${lang === 'en' ? 'B, T' : 'mil M, B'})`, () => {
      fc.assert(
        fc.property(counts, (n) => {
          expect(format.compact(lang, n)).toBe(intl.compact(lang, n));
        }),
        run,
      );
    });

  it('percentages, signed and not, one decimal below 10%', () => {
    const ratios = fc.oneof(
      fc.double({ min: -1, max: 20, noNaN: true }),
      fc.constantFrom(0, -0.0004, 0.0995, 0.0994, -0.842, 12.345),
    );
    fc.assert(
      fc.property(ratios, fc.boolean(), (r, signed) => {
        const want = intl.percent(signed ? r : Math.abs(r), signed);
        expect(format.percent(signed ? r : Math.abs(r), signed)).toBe(want);
      }),
      run,
    );
  });

  it('months, short and long, and month names, in both languages', () => {
    for (const lang of ['en', 'es'] as const)
      for (let m = 1; m <= 12; m++) {
        const period = `2025-${String(m).padStart(2, '0')}`;
        expect(format.month(lang, period)).toBe(
          intl.date(lang, period, { month: 'short', year: 'numeric' }).replace('.', ''),
        );
        expect(format.monthLong(lang, period)).toBe(intl.date(lang, period, { month: 'long', year: 'numeric' }));
        expect(format.monthName(lang, m)).toBe(intl.date(lang, period, { month: 'long' }));
      }
  });
});
