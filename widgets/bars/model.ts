import {
  band,
  block,
  caveats,
  daysIn,
  describe,
  eventLayer,
  eventsIn,
  fiscalYearOf,
  fmt,
  footerModel,
  footerSource,
  glue,
  lineHeight,
  monthTable,
  monthStops,
  monthTicks,
  plural,
  textWidth,
  typeFor,
  windowText,
  yAxis,
  yLabelWidth,
  type CardModel,
  type EventLayer,
  type FooterModel,
  type Point,
  type TextBlock,
  type Tick,
  type Type,
  type WidgetInput,
} from '../../src/kit';
import type { BarsOptions } from './schema';

interface Bar {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Year to date: drawn lighter with an outline, so it is not read as a full year. */
  partial: boolean;
  /** Value label above the bar; empty when bars are too narrow for one. */
  value: string;
  label: string;
}

export interface BarsModel extends CardModel {
  type: Type;
  heading: TextBlock;
  deck: TextBlock;
  footer: FooterModel;
  chart: {
    width: number;
    height: number;
    plotLeft: number;
    plotBottom: number;
    yTicks: Tick[];
    xTicks: Tick[];
    events: EventLayer;
  };
  bars: Bar[];
}

interface Group {
  key: string;
  value: number;
  months: number;
  /** Days the group's months cover (a per-day fiscal year divides by these). */
  days: number;
  fy: number | null;
  first: string;
}

/**
 * Whole fiscal years in the data, plus the running one; a first year the data start inside is left
 * out. Per day, a year's total is divided by the days its months cover (so far, for a running year).
 */
function fiscalYears(points: readonly Point[], perDay: boolean): Group[] {
  const by = new Map<number, Group>();
  for (const p of points) {
    const fy = fiscalYearOf(p.period);
    const g = by.get(fy) ?? { key: `FY${fy}`, value: 0, months: 0, days: 0, fy, first: p.period };
    g.value += p.value;
    g.months += 1;
    g.days += daysIn(p.period);
    by.set(fy, g);
  }
  const all = [...by.values()];
  return all
    .filter((g, i) => g.months === 12 || i === all.length - 1)
    .map((g) => (perDay ? { ...g, value: g.value / g.days } : g));
}

export function barsModel(input: WidgetInput<BarsOptions>): BarsModel {
  const { opts, lang, t, s } = input;
  const facts = s.facts;
  const width = input.frame?.width ?? opts.width;
  const ty = typeFor(width);
  let height = input.frame?.height ?? (ty.compact ? Math.round(width * 1.15) : Math.round(width * 0.5625));
  const inner = width - ty.pad * 2;
  const month = fmt.month(lang, facts.latest.period);

  const fy = opts.by === 'fy';
  /** "FY2026 (YTD, 11 months)" for a running year, "FY2025" for a whole one. */
  const fyLabel = (g: Group) =>
    t.fyLabel(g.fy!, g.months < 12 ? { n: g.months, months: plural(lang, g.months, t.months) } : null);
  const win = s.points.slice(-opts.months);
  const groups: Group[] = fy
    ? fiscalYears(s.monthly, s.per === 'day')
    : win.map((p) => ({ key: p.period, value: p.value, months: 1, days: daysIn(p.period), fy: null, first: p.period }));
  const running = fy ? groups.at(-1)! : null;
  const ytd = running && running.months < 12 ? running : null;
  const deckStr = fy
    ? `${s.per === 'day' ? t.fyPerDay : t.fyTotals} (${t.fyNote})${ytd ? `; ${fyLabel(ytd)}` : ''}`
    : windowText(lang, t, win[0]!.period, facts.latest.period, s.per);
  const heading = block(s.title, ty.title, inner, 2, true);
  const deck = block(glue(deckStr), ty.deck, inner, ty.compact ? 3 : 2);
  // Policy events (none unless asked for): placed at their month, inside a fiscal year's bar.
  const tick = ty.small;
  const maxValue = Math.max(...groups.map((g) => g.value)) * 1.06;
  const plotLeft = yLabelWidth(yAxis(maxValue, 0, 100, 4, lang).ticks, tick) + 8;
  const xb = band(groups.length, [plotLeft + 2, inner], fy ? 0.25 : 0.15, 0.1);
  const x = xb.x;
  const bw = xb.bandwidth;
  const first = groups[0]!.first;
  const xOf = (p: string): number => {
    if (!fy) return x(groups.findIndex((g) => g.key === p))! + bw / 2;
    const i = groups.findIndex((g) => g.fy === fiscalYearOf(p));
    const m = (Number(p.slice(5, 7)) + 2) % 12; // Oct = 0 … Sep = 11
    return i < 0 ? x(0)! : x(i)! + ((m + 0.5) / 12) * bw;
  };
  const events = eventLayer(lang, input.events, { first, last: facts.latest.period }, xOf, fy ? bw / 12 : xb.step, {
    plotLeft,
    right: inner,
    size: tick,
    compact: ty.compact,
  });
  const notes = caveats(lang, input, first);
  const shownEvents = eventsIn(input.events, first, facts.latest.period);
  const footer = footerModel(footerSource(s.stored, t), `${t.asOf} ${month}`, input.brand, ty.small, inner, [
    ...events.list,
    ...notes,
  ]);

  const fixed = ty.pad * 2 + heading.height + deck.height + 4 + footer.height + ty.gap * 2;
  if (!input.frame) height = Math.max(height, fixed + (ty.compact ? 160 : Math.round(width * 0.28)));
  const chartH = Math.max(80, height - fixed);
  const plotTop = events.height + lineHeight(tick) + 2;
  const plotBottom = chartH - lineHeight(tick) - 4;
  // Headroom so the tallest bar's value label clears the top gridline.
  const { y, ticks: yTicks } = yAxis(maxValue, plotTop, plotBottom, 4, lang);
  const short = (g: Group) => t.fyShort(g.fy!, g === ytd);
  const labelsFit = fy && groups.every((g) => textWidth(short(g), tick) <= bw + xb.step * 0.2);
  // Per day, a bar's value reads like every other per-day number: one decimal below 100.
  const barValue = (v: number) => (s.per === 'day' ? s.value(v) : fmt.compact(lang, v));
  const valuesFit = groups.every((g) => textWidth(barValue(g.value), tick, true) <= xb.step - 2);
  const bars: Bar[] = groups.map((g, i) => ({
    x: x(i)!,
    y: y(g.value),
    w: bw,
    h: y(0) - y(g.value),
    partial: g === ytd,
    value: valuesFit ? barValue(g.value) : '',
    label: fy ? short(g) : '',
  }));
  // Narrow cards label fiscal years by their last two digits; the deck names the YTD year in full.
  if (fy && !labelsFit) for (const b of bars) b.label = b.label.replace(/^\D+(\d\d).*$/, '$1');
  const xTicks: Tick[] = fy
    ? bars.map((b) => {
        const w = Math.ceil(textWidth(b.label, tick));
        return { pos: b.x + bw / 2, label: b.label, width: w, left: b.x + bw / 2 - w / 2 };
      })
    : monthTicks(
        win.map((p) => p.period),
        (i) => x(i)! + bw / 2,
        lang,
        tick,
        plotLeft,
        inner,
      );

  const chartTop = ty.pad + heading.height + 4 + deck.height + ty.gap;
  const centre = (i: number) => ty.pad + x(i)! + bw / 2;
  /** A whole fiscal year's change from the whole year before; none for a running year. */
  const fyDetail = (g: Group, i: number): string => {
    const prev = groups[i - 1];
    if (!prev || g === ytd || prev.months < 12 || prev.value === 0) return '';
    return `${fmt.pct(lang, (g.value - prev.value) / prev.value)}${t.versus}${fyLabel(prev)}`;
  };
  const explore = {
    top: Math.round(chartTop + plotTop),
    bottom: Math.round(chartTop + plotBottom),
    stops: fy
      ? groups.map((g, i) => ({
          x: Math.round(centre(i) * 10) / 10,
          head: fyLabel(g),
          value: s.per === 'day' ? `${s.value(g.value)} ${t.perDay}` : s.value(g.value),
          detail: fyDetail(g, i),
        }))
      : monthStops(lang, t, s, win, centre),
  };

  return {
    width,
    height,
    type: ty,
    heading,
    deck,
    footer,
    explore,
    chart: { width: inner, height: chartH, plotLeft, plotBottom, yTicks, xTicks, events },
    bars,
    title: `${s.title}, ${fy ? t.fyTotals.toLowerCase() : t.monthly.toLowerCase()}, ${month}`,
    desc: describe(lang, s, t, { events: shownEvents, notes }),
    events: shownEvents,
    notes,
    table: fy
      ? {
          columns: [s.per === 'day' ? t.fyPerDay : t.fyTotals, s.unit],
          rows: groups.map((g) => ({ head: fyLabel(g), cells: [s.value(g.value)] })),
        }
      : monthTable(lang, s, t, win),
  };
}
