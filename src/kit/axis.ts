import { fmt, type Lang } from '../copy';
import { textWidth } from './measure';
import { linear, nice, ticks } from './scale';

export interface Tick {
  pos: number;
  label: string;
  /** Left edge of the label box, already kept inside the chart. */
  left: number;
  width: number;
}

/**
 * Round y ticks from zero (counts start at zero on an honest chart), compact labels. The domain is
 * `nice()`d so the top tick is the top of the plot and never lies above it.
 */
export function yAxis(max: number, top: number, bottom: number, count: number, lang: Lang) {
  const [d0, d1] = nice(0, max > 0 ? max : 1, count);
  const y = linear([d0, d1], [bottom, top]);
  const labels = ticks(d0, d1, count).map((v) => {
    const label = fmt.compact(lang, v);
    return { pos: y(v), label, left: 0, width: 0 };
  });
  return { y, ticks: labels };
}

/** Widest y label at `size`, for the plot's left margin. */
export function yLabelWidth(ticks: readonly Tick[], size: number): number {
  return Math.ceil(Math.max(0, ...ticks.map((t) => textWidth(t.label, size))));
}

/**
 * Month labels that never collide and stay evenly spaced: the smallest calendar-aligned step (1, 2,
 * 3, 4, 6 months, then whole years) that is wide enough for the widest label and at which no label,
 * once kept inside [minX, maxX], touches its neighbour. Past the largest step, a label that would
 * still touch its neighbour is dropped.
 */
export function monthTicks(
  periods: readonly string[],
  x: (i: number) => number,
  lang: Lang,
  size: number,
  minX: number,
  maxX: number,
): Tick[] {
  const n = periods.length;
  const years = n > 24;
  const label = (p: string) => (years ? fmt.year(p) : fmt.month(lang, p));
  const widest = Math.max(...periods.map((p) => textWidth(label(p), size)));
  const perMonth = n > 1 ? Math.abs(x(1) - x(0)) : Infinity;
  const need = (widest + size) / perMonth;
  const steps = years ? [12, 24, 36, 60, 120] : [1, 2, 3, 4, 6, 12];
  const first = steps.findIndex((st) => st >= need);
  let kept: Tick[] = [];
  // The smallest step at which no label has to be dropped keeps the labels evenly spaced; labels
  // at the chart's edges are pushed inwards, which can crowd a neighbour that the width alone would not.
  for (const step of first < 0 ? [steps.at(-1)!] : steps.slice(first)) {
    const out: Tick[] = [];
    periods.forEach((p, i) => {
      const m = Number(p.slice(5, 7)) - 1;
      const y = Number(p.slice(0, 4));
      const aligned = n < 2 || (step >= 12 ? m === 0 && y % (step / 12) === 0 : m % step === 0);
      if (!aligned) return;
      const l = label(p);
      const w = Math.ceil(textWidth(l, size));
      const pos = x(i);
      out.push({ pos, label: l, width: w, left: Math.max(minX, Math.min(maxX - w, pos - w / 2)) });
    });
    kept = [];
    for (const t of out) {
      const prev = kept.at(-1);
      if (!prev || t.left >= prev.left + prev.width + size * 0.8) kept.push(t);
    }
    if (kept.length === out.length) break;
  }
  return kept;
}
