import { describe, expect, it } from 'vitest';
import { monthTicks, yAxis } from './axis';
import { fmt } from '../copy';
import { textWidth } from './measure';

const fmtShort = (p: string) => fmt.month('en', p);

const months = (from: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(`${from}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i);
    return d.toISOString().slice(0, 7);
  });

describe('yAxis', () => {
  it('starts at zero, ends at or above the maximum, with round compact labels', () => {
    const { y, ticks } = yAxis(249_740, 10, 210, 4, 'en');
    expect(ticks[0]!.label).toBe('0');
    expect(y(0)).toBe(210);
    expect(y(249_740)).toBeGreaterThanOrEqual(10); // the maximum lies inside the plot
    expect(ticks.map((t) => t.label)).toEqual(['0', '50K', '100K', '150K', '200K', '250K']);
    expect(ticks.at(-1)!.pos).toBeGreaterThanOrEqual(10);
  });

  it('draws a flat zero series on a 0–1 axis instead of dividing by zero', () => {
    const { ticks } = yAxis(0, 0, 100, 3, 'en');
    expect(ticks.every((t) => Number.isFinite(t.pos))).toBe(true);
  });
});

describe('monthTicks', () => {
  const x = (n: number, width: number) => (i: number) => (i * width) / Math.max(1, n - 1);

  it('labels whole years past 24 months, on January, and keeps every label inside the chart', () => {
    const ps = months('2018-10', 95);
    const ticks = monthTicks(ps, x(95, 600), 'en', 11, 0, 600);
    expect(ticks.map((t) => t.label)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    for (const t of ticks) {
      expect(t.left).toBeGreaterThanOrEqual(0);
      expect(t.left + t.width).toBeLessThanOrEqual(600);
    }
  });

  it('never lets two labels touch, however narrow the chart', () => {
    for (const width of [120, 200, 290, 600, 1100])
      for (const n of [3, 12, 24, 36, 240]) {
        const ticks = monthTicks(months('2006-01', n), x(n, width), 'es', 11, 0, width);
        for (let i = 1; i < ticks.length; i++)
          expect(ticks[i]!.left, `${width}px ${n} months`).toBeGreaterThan(ticks[i - 1]!.left + ticks[i - 1]!.width);
      }
  });

  it('steps months by one calendar-aligned interval, wide enough for the widest label', () => {
    const ps = months('2025-01', 12);
    const ticks = monthTicks(ps, x(12, 300), 'en', 11, 0, 300);
    // 25 px a month and ~50 px a label would allow every third month, but January's label is pushed
    // inside the chart and would crowd April: every fourth month keeps them even.
    expect(ticks.map((t) => t.label)).toEqual(['Jan 2025', 'May 2025', 'Sep 2025']);
    expect(ticks.map((t) => ps.findIndex((p) => t.label === fmtShort(p)))).toEqual([0, 4, 8]);
    expect(ticks[0]!.label).toBe('Jan 2025');
    expect(textWidth(ticks[0]!.label, 11)).toBeLessThanOrEqual(ticks[0]!.width);
  });
});
