import { areaPath, linePath, linear } from './scale';
import type { Point } from '../../src/series/schema';

export interface Spark {
  width: number;
  height: number;
  line: string;
  area: string;
  last: [number, number];
}

/** A sparkline from zero (so its height means something) with room for the end dot. */
export function sparkline(points: readonly Point[], width: number, height: number): Spark {
  const m = 5;
  const x = linear([0, Math.max(1, points.length - 1)], [m, width - m]);
  const y = linear([0, Math.max(1, ...points.map((p) => p.value))], [height - 1, m]);
  const r = (n: number) => Math.round(n * 10) / 10;
  const pts = points.map((p, i) => [r(x(i)), r(y(p.value))] as [number, number]);
  return {
    width,
    height,
    line: linePath(pts),
    area: areaPath(pts, height - 1),
    last: pts.at(-1)!,
  };
}
