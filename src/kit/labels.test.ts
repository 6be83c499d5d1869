import { describe, expect, it } from 'vitest';
import { placeLabel, type Box } from './labels';

const bounds: Box = { left: 0, top: 0, width: 400, height: 200 };
const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('placeLabel', () => {
  it('puts a label above its point when that is clear', () => {
    const b = placeLabel([200, 100], { width: 60, height: 16 }, [], bounds, [], 'above');
    expect(b.top + b.height).toBeLessThanOrEqual(100);
    expect(b.far).toBe(false);
  });

  it('avoids a line that runs through the preferred place, and labels already placed', () => {
    const line: Array<[number, number]> = [
      [0, 80],
      [200, 100],
      [400, 80],
    ];
    const taken = [{ left: 150, top: 110, width: 100, height: 16 }];
    const b = placeLabel([200, 100], { width: 60, height: 16 }, line, bounds, taken, 'above');
    expect(overlaps(b, taken[0]!)).toBe(false);
    expect(b.top + b.height).toBeLessThanOrEqual(100);
  });

  it('stays inside the bounds at the edges', () => {
    for (const pt of [
      [2, 2],
      [398, 198],
      [398, 2],
    ] as Array<[number, number]>) {
      const b = placeLabel(pt, { width: 90, height: 16 }, [], bounds, [], 'above');
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.left + b.width).toBeLessThanOrEqual(400);
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.top + b.height).toBeLessThanOrEqual(200);
    }
  });
});
