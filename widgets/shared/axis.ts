import { scaleLinear } from 'd3-scale';
import { fmt, type Lang } from '../../src/lib/i18n';

export interface Tick {
  pos: number;
  label: string;
}

/** Round y ticks from zero (counts start at zero on an honest chart), compact labels. */
export function yAxis(max: number, top: number, bottom: number, count: number, lang: Lang) {
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(count)
    .range([bottom, top]);
  const ticks: Tick[] = y.ticks(count).map((v) => ({ pos: y(v), label: fmt.compact(lang, v) }));
  return { y, ticks };
}

/**
 * Month labels that never collide: a calendar-aligned step (1, 2, 3, 4, 6 months, then whole
 * years) wide enough for the widest label at this width.
 */
export function monthTicks(
  periods: readonly string[],
  x: (i: number) => number,
  lang: Lang,
  labelWidth: number,
): Tick[] {
  const n = periods.length;
  if (n < 2) return n ? [{ pos: x(0), label: fmt.month(lang, periods[0]!) }] : [];
  const perMonth = Math.abs(x(1) - x(0));
  const years = n > 24;
  const need = (years ? labelWidth * 0.55 : labelWidth) / perMonth;
  const steps = years ? [12, 24, 36, 60, 120] : [1, 2, 3, 4, 6, 12];
  const step = steps.find((s) => s >= need) ?? steps.at(-1)!;
  const out: Tick[] = [];
  periods.forEach((p, i) => {
    const m = Number(p.slice(5, 7)) - 1;
    const y = Number(p.slice(0, 4));
    const aligned = step >= 12 ? m === 0 && y % (step / 12) === 0 : m % step === 0;
    if (aligned) out.push({ pos: x(i), label: years ? fmt.year(p) : fmt.month(lang, p) });
  });
  return out;
}
