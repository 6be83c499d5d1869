import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaleBand, scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { areaPath, band, linePath, linear, nice, ticks } from './scale';

// The card code used d3-scale and d3-shape until the lean-card rewrite; these helpers replace them
// and must draw the same numbers, so d3 stays as the oracle here (a dev dependency only).

const domain = fc
  // Card domains are counts, rates and shares: tenths from 0 to five million cover them.
  .tuple(fc.integer({ min: 0, max: 5e7 }), fc.integer({ min: 0, max: 5e7 }))
  .map(([a, b]) => [Math.min(a, b) / 10, Math.max(a, b) / 10] as [number, number]);

describe('scale helpers match d3', () => {
  it('ticks and nice agree for counts 2–10 over arbitrary domains', () => {
    fc.assert(
      fc.property(domain, fc.integer({ min: 2, max: 10 }), ([a, b], count) => {
        const d3 = scaleLinear().domain([a, b]);
        expect(ticks(a, b, count)).toEqual(d3.ticks(count));
        expect(nice(a, b, count)).toEqual(d3.copy().nice(count).domain());
      }),
      { numRuns: 500 },
    );
  });

  it('the real axis domains give the same ticks', () => {
    for (const max of [0, 1, 7, 99, 249_740, 1_000_000, 2_476_000, 2_945_000]) {
      const d3 = scaleLinear()
        .domain([0, max || 1])
        .nice(4);
      expect(nice(0, max || 1, 4)).toEqual(d3.domain());
      expect(ticks(...nice(0, max || 1, 4), 4)).toEqual(d3.ticks(4));
    }
  });

  it('linear maps like scaleLinear, including a zero-width domain', () => {
    fc.assert(
      fc.property(domain, fc.double({ min: -1e6, max: 1e7, noNaN: true }), ([a, b], v) => {
        const mine = linear([a, b], [210, 10])(v);
        const theirs = scaleLinear().domain([a, b]).range([210, 10])(v);
        expect(mine).toBeCloseTo(theirs, 6);
      }),
    );
  });

  it('band places bars like scaleBand', () => {
    for (const n of [1, 2, 12, 24, 95]) {
      const mine = band(n, [0, 600], 0.2, 0.1);
      const d3 = scaleBand<number>()
        .domain(Array.from({ length: n }, (_, i) => i))
        .range([0, 600])
        .paddingInner(0.2)
        .paddingOuter(0.1);
      expect(mine.bandwidth).toBeCloseTo(d3.bandwidth(), 9);
      for (let i = 0; i < n; i++) expect(mine.x(i)).toBeCloseTo(d3(i)!, 9);
    }
  });

  it('line and area paths are the strings d3-shape writes', () => {
    const pts: [number, number][] = [
      [0, 10],
      [12.5, 40.25],
      [25, 3],
    ];
    expect(linePath(pts)).toBe(line()(pts));
    expect(linePath(pts.slice(0, 1))).toBe(line()(pts.slice(0, 1)));
    expect(areaPath(pts, 210)).toBe(area().y0(210)(pts));
    expect(linePath([])).toBe('');
  });
});
