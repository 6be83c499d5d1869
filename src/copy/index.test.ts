import { describe, expect, it } from 'vitest';
import { copy, fmt, plural } from './index';

/** Every source file that could say a word, as text (Vite reads them at build time). */
const sources = import.meta.glob(['../**/*.{ts,tsx}', '../../widgets/**/*.{ts,tsx}', '!**/*.test.ts', '!./*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('the copy catalogue', () => {
  it('has the same keys in every language', () => {
    expect(Object.keys(copy.es).sort()).toEqual(Object.keys(copy.en).sort());
  });

  it('has no unused keys: every key is read somewhere as t.<key> (the name every caller gives the catalogue)', () => {
    const text = Object.values(sources).join('\n');
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const unused = Object.keys(copy.en).filter((k) => k !== 'locale' && !new RegExp(`\\bt\\.${k}\\b`).test(text));
    expect(unused).toEqual([]);
  });

  it('formats numbers and dates as es-US readers expect: 1,234.5 and "noviembre de 2025"', () => {
    expect(new Intl.NumberFormat(copy.es.locale, { maximumFractionDigits: 1 }).format(1234.5)).toBe('1,234.5');
    expect(fmt.number('es', 7353)).toBe('7,353');
    expect(fmt.compact('es', 50_000)).toMatch(/^50\sK$/);
    expect(fmt.monthLong('es', '2025-11')).toBe('noviembre de 2025');
    expect(fmt.month('es', '2025-08')).toBe('ago 2025');
    expect(fmt.pct('en', -0.842)).toBe('−84%');
    // Whatever was formatted first, small changes keep their decimal and large ones do not.
    expect([fmt.pctAbs('en', 0.5), fmt.pctAbs('en', 0.012), fmt.pctAbs('en', 0.5)]).toEqual(['50%', '1.2%', '50%']);
    expect([fmt.pct('en', -0.5), fmt.pct('en', -0.046)]).toEqual(['−50%', '−4.6%']);
  });

  it('chooses plural forms with the language’s own rules', () => {
    for (const [lang, n, word] of [
      ['en', 1, 'month'],
      ['en', 11, 'months'],
      ['es', 1, 'mes'],
      ['es', 0, 'meses'],
    ] as const)
      expect(plural(lang, n, copy[lang].months)).toBe(word);
    expect(copy.es.fyLabel(2026, { n: 1, months: plural('es', 1, copy.es.months) })).toBe('AF2026 (en curso, 1 mes)');
  });
});
