import {
  addMonths,
  block,
  caveats,
  rankText,
  valueClause,
  fmt,
  footerModel,
  footerSource,
  glue,
  lineHeight,
  linePath,
  linear,
  monthTicks,
  spreadApart,
  textWidth,
  typeFor,
  windowText,
  yAxis,
  yLabelWidth,
  type CardModel,
  type FooterModel,
  type Palette,
  type TextBlock,
  type Tick,
  type Type,
  type WidgetInput,
} from '../../src/kit';
import type { CompareOptions } from './schema';

/** Line colours, in series order: the path's series takes the accent. */
export const LINE_COLOURS = ['accent', 'down', 's3', 's4', 's5'] as const satisfies ReadonlyArray<keyof Palette>;

interface CompareLine {
  colour: (typeof LINE_COLOURS)[number];
  d: string;
  end: { x: number; y: number } | null;
  /** The direct label at the line's end: its short name, and its latest value and month under it. */
  label: { name: TextBlock; value: string; top: number };
}

export interface CompareModel extends CardModel {
  type: Type;
  heading: TextBlock;
  deck: TextBlock;
  headerHeight: number;
  footer: FooterModel;
  chart: {
    width: number;
    height: number;
    plotLeft: number;
    plotRight: number;
    plotBottom: number;
    tickSize: number;
    yTicks: Tick[];
    xTicks: Tick[];
    lines: CompareLine[];
    labelX: number;
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Months from `a` to `b` (YYYY-MM), negative when b is earlier. */
const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/**
 * Two to five series on one time axis, labelled at their line ends (no legend). The window is the
 * path series' last `months` months; the others are drawn where they have data in it.
 */
export function compareModel(input: WidgetInput<CompareOptions>): CompareModel {
  const { opts, lang, t, s } = input;
  const all = input.series.length > 1 ? input.series : [s, ...input.context];
  // Nothing to compare with (a series that is not a total or component, and no with=): the series
  // alone, and a note saying how to add others, rather than an error image in a story.
  const alone = all.length < 2 ? [t.compareAlone] : [];
  const list = all.slice(0, LINE_COLOURS.length);
  const width = input.frame?.width ?? opts.width;
  const ty = typeFor(width);
  const compact = ty.compact;
  let height = input.frame?.height ?? (compact ? Math.round(width * 1.25) : Math.round(width * 0.5625));
  const inner = width - ty.pad * 2;

  const win = s.points.slice(-opts.months);
  const first = win[0]!.period;
  const last = win.at(-1)!.period;
  const n = monthsBetween(first, last) + 1;
  const shown = list.map((c) => c.points.filter((p) => p.period >= first && p.period <= last));

  // A per-day card says "per day" once, in the title, not after every name.
  const suffix = `, ${t.perDay}`;
  const bare = (name: string) => (s.per === 'day' && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name);
  const names = list.map((c) => bare(c.short));
  const heading = block(
    `${names.join(t.versus)}${s.per === 'day' ? suffix : ''}`,
    ty.title,
    inner,
    compact ? 3 : 2,
    true,
  );
  const deck = block(glue(windowText(lang, t, first, last, s.per)), ty.deck, inner, 2);
  const headerHeight = Math.ceil(heading.height + 4 + deck.height);

  // Caveats: the Title 42 months shown, and series that moved in opposite directions.
  // Every series that ends earlier, or comes from another release, says so: never mixed silently.
  const releases = list.slice(1).flatMap((c, i) => {
    const end = shown[i + 1]!.at(-1)?.period;
    if (end === last && c.stored.vintage === s.stored.vintage) return [];
    return [
      t.compareRelease(
        names[i + 1]!,
        end ? fmt.month(lang, end) : t.noData,
        c.stored.vintage === s.stored.vintage ? null : c.stored.vintage,
      ),
    ];
  });
  const notes = [
    ...caveats(lang, { s, context: [] }, first),
    ...oppositeNote(input, list, names),
    ...releases,
    ...alone,
  ];
  const footer = footerModel(
    footerSource(s.stored, t),
    `${t.asOf} ${fmt.month(lang, last)}`,
    input.brand,
    ty.small,
    inner,
    notes,
  );
  const fixed = ty.pad * 2 + headerHeight + footer.height + ty.gap * 2;
  if (!input.frame) height = Math.max(height, fixed + (compact ? 170 : Math.round(width * 0.3)));
  const chartW = inner;
  const chartH = Math.max(80, height - fixed);
  const tickSize = ty.small;

  // Direct labels take a column at the right: the widest name or value decides its width.
  const values = list.map((c, i) => {
    const latest = shown[i]!.at(-1);
    return latest ? `${c.value(latest.value)} (${fmt.month(lang, latest.period)})` : t.noData;
  });
  const labelW = Math.ceil(
    Math.min(
      chartW * (compact ? 0.46 : 0.34),
      Math.max(...list.map((_, i) => Math.max(textWidth(names[i]!, ty.small, true), textWidth(values[i]!, ty.small)))) +
        14,
    ),
  );
  // A name too long for the column wraps to two lines (three at most), never past the card's edge.
  const labels = list.map((_, i) => ({ name: block(names[i]!, ty.small, labelW - 14, 3, true), value: values[i]! }));
  const maxValue = Math.max(1, ...shown.flat().map((p) => p.value));
  const plotTop = Math.ceil(lineHeight(tickSize) / 2) + 2;
  const plotBottom = chartH - lineHeight(tickSize) - 4;
  const { y, ticks: yTicks } = yAxis(maxValue, plotTop, plotBottom, compact || chartH < 160 ? 3 : 4, lang);
  const plotLeft = yLabelWidth(yTicks, tickSize) + 8;
  const plotRight = chartW - labelW - 10;
  const x = linear([0, Math.max(1, n - 1)], [plotLeft + 4, plotRight]);
  const xTicks = monthTicks(
    Array.from({ length: n }, (_, i) => addMonths(first, i)),
    (i) => x(i),
    lang,
    tickSize,
    plotLeft,
    plotRight + 4,
  );

  // Each line, broken where a series has no month; its end is its latest point in the window.
  const lh = lineHeight(ty.small);
  const lines: CompareLine[] = list.map((c, i) => {
    const pts = shown[i]!.map((p) => [r1(x(monthsBetween(first, p.period))), r1(y(p.value))] as [number, number]);
    const segs: Array<Array<[number, number]>> = [];
    shown[i]!.forEach((p, j) => {
      const gap = j === 0 || monthsBetween(shown[i]![j - 1]!.period, p.period) !== 1;
      if (gap) segs.push([]);
      segs.at(-1)!.push(pts[j]!);
    });
    const end = pts.at(-1);
    return {
      colour: LINE_COLOURS[i]!,
      d: segs.map((sg) => (sg.length === 1 ? `M${sg[0]![0]},${sg[0]![1]}h0.1` : linePath(sg))).join(' '),
      end: end ? { x: end[0], y: end[1] } : null,
      label: { ...labels[i]!, top: (end?.[1] ?? plotBottom) - lh / 2 },
    };
  });
  // Labels at their line ends, moved apart just enough not to touch (two lines each), inside the plot.
  const order = [...lines].sort((a, b) => a.label.top - b.label.top);
  const tops = spreadApart(
    order.map((l) => ({ top: l.label.top, height: l.label.name.height + lh + 4 })),
    plotBottom + lineHeight(tickSize),
  );
  order.forEach((l, i) => (l.label.top = tops[i]!));

  const title = list.map((c) => c.title).join(t.versus);
  const desc = [
    `${t.compareOf(list.length)} ${windowText(lang, t, first, last, s.per)}.`,
    ...list.map((c) => {
      // The value and both changes, then the rank the data prove (the year-ago change is already said).
      const rank = rankText(lang, c);
      return `${valueClause(lang, c, t)}${rank ? ` (${rank})` : ''}.`;
    }),
    ...notes,
  ].join(' ');

  // One row per month, built once: the table shows it, the explore readout names it.
  const byPeriod = shown.map((pts) => new Map(pts.map((p) => [p.period, p])));
  const rows = Array.from({ length: n }, (_, i) => addMonths(first, i)).map((period) => ({
    head: fmt.monthLong(lang, period),
    cells: list.map((c, j) => {
      const p = byPeriod[j]!.get(period);
      return p ? c.value(p.value) : '—';
    }),
  }));
  const chartTop = ty.pad + headerHeight + ty.gap;
  // A readout per month: the path's series first (its value), then each other series by name.
  const explore = {
    top: Math.round(chartTop + plotTop),
    bottom: Math.round(chartTop + plotBottom),
    stops: rows.map(({ head, cells }, i) => ({
      x: r1(ty.pad + x(i)),
      head,
      value: `${names[0]} ${cells[0]}`,
      detail: cells
        .slice(1)
        .map((v, j) => `${names[j + 1]} ${v}`)
        .join(' · '),
    })),
  };

  return {
    width,
    height,
    type: ty,
    heading,
    deck,
    headerHeight,
    explore,
    footer,
    chart: {
      width: chartW,
      height: chartH,
      plotLeft,
      plotRight,
      plotBottom,
      tickSize,
      yTicks,
      xTicks,
      lines,
      labelX: plotRight + 10,
    },
    title,
    desc,
    notes,
    table: {
      columns: [t.month, ...names],
      rows,
    },
  };
}

/** "From a year earlier, A rose 40% while B fell 1.2%." for the biggest riser and faller, when both exist. */
function oppositeNote(input: WidgetInput<CompareOptions>, list: WidgetInput['series'], names: string[]): string[] {
  const { lang, t } = input;
  const moved = list
    .map((c, i) => ({ c, name: names[i]!, pct: c.facts.vsYearAgo?.pct ?? null }))
    .filter((m): m is { c: (typeof list)[number]; name: string; pct: number } => m.pct !== null && m.pct !== 0);
  const up = moved.filter((m) => m.pct > 0).sort((a, b) => b.pct - a.pct)[0];
  const down = moved.filter((m) => m.pct < 0).sort((a, b) => a.pct - b.pct)[0];
  if (!up || !down || up.c.facts.latest.period !== down.c.facts.latest.period) return [];
  return [
    t.componentShift(up.c.short, 'up', fmt.pctAbs(lang, up.pct), down.c.short, 'down', fmt.pctAbs(lang, down.pct)),
  ];
}
