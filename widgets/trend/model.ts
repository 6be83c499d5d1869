import {
  areaPath,
  block,
  caveats,
  eventLayer,
  eventsIn,
  deckText,
  deltas,
  describe,
  fmt,
  footerModel,
  footerSource,
  glue,
  headline,
  lineHeight,
  linePath,
  linear,
  monthTable,
  monthStops,
  monthTicks,
  placeLabel,
  textWidth,
  typeFor,
  valueMonth,
  windowText,
  yAxis,
  yLabelWidth,
  type Box,
  type CardModel,
  type DeltaText,
  type EventLayer,
  type FooterModel,
  type TextBlock,
  type Tick,
  type Type,
  type WidgetInput,
} from '../../src/kit';
import type { TrendOptions } from './schema';

export interface Marker {
  x: number;
  y: number;
  label: string;
  box: Box & { far: boolean };
  bold: boolean;
}

export interface TrendModel extends CardModel {
  type: Type;
  heading: TextBlock;
  deck: TextBlock;
  value: string;
  valueSize: number;
  month: string;
  valueWidth: number;
  deltas: DeltaText[];
  deltasStacked: boolean;
  headerHeight: number;
  footer: FooterModel;
  chart: {
    width: number;
    height: number;
    plotLeft: number;
    plotBottom: number;
    tickSize: number;
    yTicks: Tick[];
    xTicks: Tick[];
    line: string;
    area: string | null;
    /** Policy events: markers, bands and their labels or numbers, above the plot's top. */
    events: EventLayer;
    latest: Marker;
    extreme: Marker | null;
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Series + options → everything the view draws, in pixels and finished strings. Pure. */
export function trendModel(input: WidgetInput<TrendOptions>, variant: { fullHeadline?: boolean } = {}): TrendModel {
  const { opts, lang, t, s } = input;
  const facts = s.facts;
  const width = input.frame?.width ?? opts.width;
  const ty = typeFor(width);
  const compact = ty.compact;
  let height = input.frame?.height ?? (compact ? Math.round(width * 1.25) : Math.round(width * 0.5625));
  const inner = width - ty.pad * 2;

  // Header: title + deck on the left, the latest value and its month on the right (stacked when compact).
  const value = s.value(facts.latest.value);
  const month = fmt.month(lang, facts.latest.period);
  /** Beside the value: the month, and "per day" on a per-day card. */
  const beside = valueMonth(lang, s);
  // The title stays the largest text; the latest value matches it, in bold, beside its month.
  const valueSize = ty.title;
  const valueWidth = Math.ceil(Math.max(textWidth(value, valueSize, true), textWidth(beside, ty.body)));
  const textW = compact ? inner : inner - valueWidth - ty.gap * 2;
  const heading = block(s.title, ty.title, textW, 2, true);
  const win = s.points.slice(-opts.months);
  const deckStr = variant.fullHeadline
    ? headline(lang, s) || windowText(lang, t, win[0]!.period, facts.latest.period, s.per)
    : deckText(lang, t, s, win[0]!.period);
  const deck = block(glue(deckStr), ty.deck, textW, compact ? 3 : 2);
  // A full headline already states the change from a year earlier; don't say it twice.
  const ds = deltas(lang, facts, t).filter(
    (d) => !(variant.fullHeadline && d.label === t.vsYearAgo && facts.vsYearAgo?.pct != null),
  );
  const rowW = ds.reduce((s, d) => s + textWidth(`${d.value} ${d.label}`, ty.body) + ty.body * 2.2, 0);
  const deltasStacked = compact || rowW > textW;
  const deltasH = (deltasStacked ? ds.length : 1) * lineHeight(ty.body);
  const valueH = compact ? lineHeight(valueSize) + 2 : 0;
  const leftH = heading.height + valueH + (deck.lines.length ? deck.height + 4 : 0) + 6 + deltasH;
  const headerHeight = Math.ceil(Math.max(leftH, compact ? 0 : lineHeight(valueSize) + lineHeight(ty.body)));

  const chartW = inner;
  const tickSize = ty.small;
  // Policy events in the window: their x depends only on the y labels' width, not on the plot's top.
  const n = win.length;
  // The y labels' width, for either tick count the plot's height may choose.
  const maxValue = Math.max(...win.map((p) => p.value));
  const left0 = Math.max(...[3, 4].map((k) => yLabelWidth(yAxis(maxValue, 0, 100, k, lang).ticks, tickSize))) + 8;
  const x = linear([0, Math.max(1, n - 1)], [left0 + 4, chartW - 4]);
  const monthIndex = (p: string) =>
    (Number(p.slice(0, 4)) - Number(win[0]!.period.slice(0, 4))) * 12 +
    Number(p.slice(5, 7)) -
    Number(win[0]!.period.slice(5, 7));
  const events = eventLayer(
    lang,
    input.events,
    { first: win[0]!.period, last: win.at(-1)!.period },
    (p) => r1(x(monthIndex(p))),
    (chartW - 4 - (left0 + 4)) / Math.max(1, n - 1),
    { plotLeft: left0, right: chartW, size: tickSize, compact },
  );
  const notes = caveats(lang, input, win[0]!.period);
  const shownEvents = eventsIn(input.events, win[0]!.period, win.at(-1)!.period);
  const footer = footerModel(footerSource(s.stored, t), `${t.asOf} ${month}`, input.brand, ty.small, inner, [
    ...events.list,
    ...notes,
  ]);
  const fixed = ty.pad * 2 + headerHeight + footer.height + ty.gap * 2;
  // Without a fixed frame the card grows rather than squeeze its chart (a two-line title at 480 px).
  if (!input.frame) height = Math.max(height, fixed + (compact ? 150 : Math.round(width * 0.28)));
  const chartH = Math.max(60, height - fixed);

  // Under the events' rows, room for a value label above the highest point.
  const plotTop =
    (events.height ? events.height + lineHeight(ty.body) + 2 : 0) + Math.ceil(lineHeight(tickSize) / 2) + 2;
  const plotBottom = chartH - lineHeight(tickSize) - 4;
  const { y, ticks: yTicks } = yAxis(
    Math.max(...win.map((p) => p.value)),
    plotTop,
    plotBottom,
    compact || chartH < 160 ? 3 : 4,
    lang,
  );
  const plotLeft = left0;
  const xTicks = monthTicks(
    win.map((p) => p.period),
    (i) => x(i),
    lang,
    tickSize,
    plotLeft,
    chartW,
  );

  const pts = win.map((p, i) => [r1(x(i)), r1(y(p.value))] as [number, number]);
  const linePathD = linePath(pts);
  const areaPathD = opts.chart === 'area' ? areaPath(pts, r1(y(0))) : null;
  const bounds = { left: plotLeft, top: 0, width: chartW - plotLeft, height: plotBottom - 2 };
  const dot = (px: number, py: number): Box => ({ left: px - 5, top: py - 5, width: 10, height: 10 });
  const lh = lineHeight(ty.body);

  const last = pts.at(-1)!;
  // Labels keep clear of the latest point and of the events' marker lines.
  const taken: Box[] = [
    dot(last[0], last[1]),
    ...events.marks
      .filter((m) => m.x2 === undefined)
      .map((m) => ({ left: m.x - 2, top: events.height, width: 4, height: plotBottom - events.height })),
    // the events' own labels, or their numbered badges, in the rows above the plot
    ...events.marks.map((m) =>
      m.box
        ? {
            left: m.box.left,
            top: m.box.row * lineHeight(events.size),
            width: m.box.width,
            height: lineHeight(events.size),
          }
        : { left: (m.badgeX ?? m.x) - events.height / 2, top: 0, width: events.height, height: events.height },
    ),
  ];
  const lBox = placeLabel(last, { width: textWidth(value, ty.body, true) + 2, height: lh }, pts, bounds, [], 'above');
  const latest: Marker = { x: last[0], y: last[1], label: value, box: lBox, bold: true };
  taken.push(lBox);

  // Mark the series low or high (over the whole span up to as_of) when it is in view and not the latest point.
  let extreme: Marker | null = null;
  for (const [ex, word, prefer] of [
    [facts.low, t.low, 'above'],
    [facts.high, t.high, 'below'],
  ] as const) {
    const i = win.findIndex((p) => p.period === ex.point.period);
    if (i < 0 || i === win.length - 1 || extreme) continue;
    const pt = pts[i]!;
    // The full label, else a shorter one; none at all rather than one drawn across the line.
    for (const label of [
      `${word}: ${s.value(ex.point.value)} (${fmt.month(lang, ex.point.period)})`,
      `${word}: ${s.value(ex.point.value)}`,
    ]) {
      const box = placeLabel(pt, { width: textWidth(label, ty.body) + 2, height: lh }, pts, bounds, taken, prefer);
      if (box.clash > 0) continue;
      extreme = { x: pt[0], y: pt[1], label, box, bold: false };
      break;
    }
  }

  return {
    width,
    height,
    type: ty,
    heading,
    deck,
    value,
    valueSize,
    month: beside,
    valueWidth,
    deltas: ds,
    deltasStacked,
    headerHeight,
    footer,
    chart: {
      width: chartW,
      height: chartH,
      plotLeft,
      plotBottom,
      tickSize,
      yTicks,
      xTicks,
      line: linePathD,
      area: areaPathD,
      events,
      latest,
      extreme,
    },
    title: `${s.title}, ${month}`,
    desc: describe(lang, s, t, { events: shownEvents, notes }),
    events: shownEvents,
    notes,
    table: monthTable(lang, s, t, win),
    explore: {
      top: Math.round(ty.pad + headerHeight + ty.gap + plotTop),
      bottom: Math.round(ty.pad + headerHeight + ty.gap + plotBottom),
      stops: monthStops(lang, t, s, win, (i) => ty.pad + x(i)),
    },
  };
}
