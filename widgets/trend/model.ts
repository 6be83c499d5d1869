import { line, area } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { fmt } from '../../src/lib/i18n';
import type { WidgetInput } from '../../src/render/widget';
import { monthTicks, yAxis, type Tick } from '../shared/axis';
import { deltas, describe, sourceLine, type DeltaText } from '../shared/text';
import type { TrendOptions } from './schema';

export interface Marker {
  x: number;
  y: number;
  label: string;
  /** Where the label sits relative to the point. */
  place: 'above' | 'below';
}

export interface TrendModel {
  width: number;
  height: number;
  compact: boolean;
  pad: number;
  title: string;
  value: string;
  month: string;
  deltas: DeltaText[];
  headerHeight: number;
  footerHeight: number;
  chart: {
    width: number;
    height: number;
    plotLeft: number;
    yTicks: Tick[];
    xTicks: Tick[];
    line: string;
    area: string | null;
    latest: Marker;
    extreme: Marker | null;
  };
  source: string;
  asOf: string;
  brand: string;
  a11yTitle: string;
  desc: string;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Series + options → everything the view draws, in pixels and finished strings. Pure. */
export function trendModel(input: WidgetInput<TrendOptions>): TrendModel {
  const { opts, lang, t, facts, stored } = input;
  const width = input.frame?.width ?? opts.width;
  const compact = width < 480;
  const height = input.frame?.height ?? (compact ? Math.round(width * 1.2) : Math.round(width * 0.5625));
  const pad = compact ? 14 : 20;
  const headerHeight = compact ? 122 : 86;
  const footerHeight = compact ? 40 : 26;
  const chartW = width - pad * 2;
  const chartH = height - pad * 2 - headerHeight - footerHeight;

  const win = input.points.slice(-opts.months);
  const plotLeft = compact ? 34 : 40;
  const plotTop = 24;
  const plotBottom = chartH - 20;
  const plotRight = chartW - (compact ? 6 : 10);
  const x = scaleLinear()
    .domain([0, Math.max(1, win.length - 1)])
    .range([plotLeft, plotRight]);
  const max = Math.max(...win.map((p) => p.value));
  const { y, ticks: yTicks } = yAxis(max, plotTop, plotBottom, compact ? 3 : 4, lang);
  const xTicks = monthTicks(
    win.map((p) => p.period),
    (i) => x(i),
    lang,
    compact ? 48 : 56,
  );

  const pts = win.map((p, i) => [r1(x(i)), r1(y(p.value))] as [number, number]);
  const linePath = line()(pts) ?? '';
  const areaPath = opts.chart === 'area' ? (area().y0(r1(y(0)))(pts) ?? null) : null;

  const last = pts.at(-1)!;
  const latest: Marker = { x: last[0], y: last[1], label: fmt.number(lang, facts.latest.value), place: 'above' };

  // Mark the series low or high (over the whole span up to as_of) when it is in view and not the latest point.
  let extreme: Marker | null = null;
  const firstInView = win[0]!.period;
  for (const [ex, label] of [
    [facts.low, t.low],
    [facts.high, t.high],
  ] as const) {
    const i = win.findIndex((p) => p.period === ex.point.period);
    if (i < 0 || i === win.length - 1 || ex.point.period < firstInView || extreme) continue;
    const isLow = ex === facts.low;
    extreme = {
      x: pts[i]![0],
      y: pts[i]![1],
      label: `${label}: ${fmt.number(lang, ex.point.value)} (${fmt.month(lang, ex.point.period)})`,
      place: isLow ? 'below' : 'above',
    };
  }

  return {
    width,
    height,
    compact,
    pad,
    title: stored.series.title,
    value: fmt.number(lang, facts.latest.value),
    month: fmt.month(lang, facts.latest.period),
    deltas: deltas(lang, facts, t),
    headerHeight,
    footerHeight,
    chart: { width: chartW, height: chartH, plotLeft, yTicks, xTicks, line: linePath, area: areaPath, latest, extreme },
    source: sourceLine(stored, t),
    asOf: `${t.asOf} ${fmt.month(lang, facts.latest.period)}`,
    brand: input.brand,
    a11yTitle: `${stored.series.title}, ${fmt.month(lang, facts.latest.period)}`,
    desc: describe(lang, stored, facts, t),
  };
}
