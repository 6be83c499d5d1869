import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
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
  const x = scaleLinear()
    .domain([0, Math.max(1, points.length - 1)])
    .range([m, width - m]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...points.map((p) => p.value))])
    .range([height - 1, m]);
  const r = (n: number) => Math.round(n * 10) / 10;
  const pts = points.map((p, i) => [r(x(i)), r(y(p.value))] as [number, number]);
  return {
    width,
    height,
    line: line()(pts) ?? '',
    area: area().y0(height - 1)(pts) ?? '',
    last: pts.at(-1)!,
  };
}
