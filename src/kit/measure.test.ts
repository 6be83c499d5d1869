import { describe, expect, it } from 'vitest';
import { fitSize, glue, textWidth, wrap } from './measure';

describe('textWidth', () => {
  it('grows with the text and the size, and bold is wider', () => {
    expect(textWidth('Border Patrol', 13)).toBeGreaterThan(textWidth('Border', 13));
    expect(textWidth('Border', 26)).toBeCloseTo(textWidth('Border', 13) * 2, 6);
    expect(textWidth('Border', 13, true)).toBeGreaterThan(textWidth('Border', 13));
  });
});

describe('wrap', () => {
  const title = 'Encuentros de la Patrulla Fronteriza, frontera suroeste';

  it('breaks at spaces into lines no wider than asked', () => {
    const lines = wrap(title, 17, 200, 4, true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(title);
    for (const l of lines) expect(textWidth(l, 17, true)).toBeLessThanOrEqual(200);
  });

  it('cuts an overlong last line with an ellipsis after a whole word, within the width', () => {
    const text = glue('Lowest November in the series since Nov 2018, down 84% from Nov 2024');
    const lines = wrap(text, 13, 160, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(160);
    // What is kept is whole words of the text, in order.
    const kept = lines.join(' ').replace(/[;,:]?…$/, '');
    expect(text.startsWith(kept)).toBe(true);
    expect(text[kept.length]).toMatch(/[ ,;:]/);
  });

  it('keeps a month and its year together', () => {
    expect(glue('since Aug 2025')).toBe('since Aug\u00a02025');
    for (const l of wrap(glue('lowest since Aug 2025 and Sep 2025'), 12, 60, 6)) expect(l).not.toMatch(/^\d{4}/);
  });
});

describe('fitSize', () => {
  it('takes the largest size at which the text fits, else the smallest offered', () => {
    expect(fitSize('7,353', [60, 50, 40], 1000)).toBe(60);
    const s = fitSize('301,981', [60, 50, 40], textWidth('301,981', 45, true), true);
    expect(s).toBe(40);
    expect(fitSize('x'.repeat(200), [60, 50, 40], 10)).toBe(40);
  });
});
