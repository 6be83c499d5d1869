/**
 * The few scale and path helpers cards need, written out (d3-scale and d3-shape did this before;
 * a cold isolate compiled a lot of code for four functions). Same algorithms, same numbers: the
 * unit test compares them with d3.
 */

/** A linear map from `domain` to `range`. */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (v) => {
    const t = span ? (v - d0) / span : 0.5;
    return r0 * (1 - t) + r1 * t;
  };
}

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** d3-array's tick spec: [first, last, step] as integers and an increment (negative: a divisor). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = 10 ** -power / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = 10 ** power * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** Round values between `start` and `stop`, about `count` of them (d3's `ticks`). */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0) || start === stop) return [start];
  const [i1, i2, inc] = tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  return Array.from({ length: n }, (_, i) => (inc < 0 ? (i1 + i) / -inc : (i1 + i) * inc));
}

/**
 * A domain extended to round values at about `count` ticks (d3's linear `nice`): it settles when
 * the step stops changing, and a domain that never settles (or has no step) comes back unchanged.
 */
export function nice(start: number, stop: number, count: number): [number, number] {
  let prestep: number | undefined;
  let [a, b] = [start, stop];
  for (let i = 0; i < 10; i++) {
    const step = tickSpec(a, b, count)[2];
    if (step === prestep) return [a, b];
    if (step > 0) {
      a = Math.floor(a / step) * step;
      b = Math.ceil(b / step) * step;
    } else if (step < 0) {
      a = Math.ceil(a * step) / step;
      b = Math.floor(b * step) / step;
    } else break;
    prestep = step;
  }
  return [start, stop];
}

/** Evenly spaced bands over `range` (d3's `scaleBand` with inner and outer padding, centred). */
export function band(n: number, range: readonly [number, number], paddingInner: number, paddingOuter: number) {
  const [start0, stop] = range;
  const step = (stop - start0) / Math.max(1, n - paddingInner + paddingOuter * 2);
  const start = start0 + (stop - start0 - step * (n - paddingInner)) * 0.5;
  return { x: (i: number) => start + step * i, bandwidth: step * (1 - paddingInner), step };
}

/** SVG path data through points (d3's `line()`). */
export function linePath(pts: ReadonlyArray<readonly [number, number]>): string {
  if (!pts.length) return '';
  return pts.length === 1 ? `M${pts[0]![0]},${pts[0]![1]}Z` : `M${pts.map((p) => `${p[0]},${p[1]}`).join('L')}`;
}

/** SVG path data of the area between points and the line y = `y0` (d3's `area().y0(y0)`). */
export function areaPath(pts: ReadonlyArray<readonly [number, number]>, y0: number): string {
  if (!pts.length) return '';
  const top = pts.map((p) => `${p[0]},${p[1]}`).join('L');
  const bottom = [...pts]
    .reverse()
    .map((p) => `${p[0]},${y0}`)
    .join('L');
  return `M${top}L${bottom}Z`;
}
