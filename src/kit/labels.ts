/** Collision-aware placement of the few direct labels a chart carries (latest value, series low/high). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}
type Pt = readonly [number, number];

/** Liang–Barsky: does segment a→b pass through box `r`? */
function segmentHits(a: Pt, b: Pt, r: Box): boolean {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return (
    clip(-dx, a[0] - r.left) &&
    clip(dx, r.left + r.width - a[0]) &&
    clip(-dy, a[1] - r.top) &&
    clip(dy, r.top + r.height - a[1])
  );
}

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

function collisions(box: Box, line: readonly Pt[], taken: readonly Box[], pad: number): number {
  const r = { left: box.left - pad, top: box.top - pad, width: box.width + pad * 2, height: box.height + pad * 2 };
  let n = 0;
  for (let i = 1; i < line.length; i++) if (segmentHits(line[i - 1]!, line[i]!, r)) n++;
  for (const t of taken) if (overlaps(r, t)) n += 10;
  return n;
}

/**
 * Tries positions around the point — above or below first as `prefer` says, then further away,
 * then to either side — and returns the first that touches neither the line nor another label,
 * inside `bounds`. If none is clear, the least crowded one. `far` says a leader line is needed;
 * `clash` is how many line segments or labels the chosen box still touches (0 when clear).
 */
export function placeLabel(
  pt: Pt,
  size: { width: number; height: number },
  line: readonly Pt[],
  bounds: Box,
  taken: readonly Box[],
  prefer: 'above' | 'below',
): Box & { far: boolean; clash: number } {
  const { width: w, height: h } = size;
  const [x, y] = pt;
  const gap = 6;
  const cands: Array<Box & { far: boolean }> = [];
  const vertical = prefer === 'above' ? [-1, 1] : [1, -1];
  for (const step of [0, 1, 2, 3])
    for (const dir of vertical) {
      const top = dir < 0 ? y - gap - h - step * h : y + gap + step * h;
      for (const left of [x - w / 2, x - w + 6, x - 6]) cands.push({ left, top, width: w, height: h, far: step > 0 });
    }
  for (const left of [x - w - gap - 2, x + gap + 2])
    cands.push({ left, top: y - h / 2, width: w, height: h, far: false });
  let best: (Box & { far: boolean }) | null = null;
  let bestScore = Infinity;
  for (const c0 of cands) {
    const c = { ...c0, left: Math.max(bounds.left, Math.min(bounds.left + bounds.width - w, c0.left)) };
    if (c.top < bounds.top || c.top + h > bounds.top + bounds.height) continue;
    const score = collisions(c, line, taken, 2);
    if (score === 0) return { ...c, clash: 0 };
    if (score < bestScore) [best, bestScore] = [c, score];
  }
  if (best) return { ...best, clash: bestScore };
  return {
    left: Math.max(bounds.left, x - w / 2),
    top: Math.max(bounds.top, y - gap - h),
    width: w,
    height: h,
    far: false,
    clash: Infinity,
  };
}

/**
 * Direct labels in a column (line ends, stacked bands): boxes given top to bottom are moved down
 * just enough not to touch, then, if the last runs past `bottom`, pushed back up, never above 0.
 * Returns the new tops, in the same order.
 */
export function spreadApart(boxes: ReadonlyArray<{ top: number; height: number }>, bottom: number): number[] {
  const tops: number[] = [];
  let floor = 0;
  for (const b of boxes) {
    tops.push(Math.max(b.top, floor));
    floor = tops.at(-1)! + b.height;
  }
  if (floor > bottom) {
    let ceil = bottom;
    for (let i = boxes.length - 1; i >= 0; i--) {
      tops[i] = Math.max(0, Math.min(tops[i]!, ceil - boxes[i]!.height));
      ceil = tops[i]!;
    }
  }
  return tops;
}
