import {
  addMonths,
  block,
  descEnd,
  familyNotes,
  familyRows,
  familySpan,
  membersOf,
  fmt,
  footerModel,
  footerSource,
  lineHeight,
  linear,
  monthTicks,
  spreadApart,
  textWidth,
  typeFor,
  windowText,
  type CardModel,
  type FooterModel,
  type Palette,
  type TextBlock,
  type Tick,
  type Type,
  type WidgetInput,
} from '../../src/kit';
import type { ShareOptions } from './schema';

/** Band colours, bottom to top; "all others" is always the last, in grey. */
const BANDS = ['accent', 'down', 's3', 's4', 's5'] as const satisfies ReadonlyArray<keyof Palette>;
const OTHERS = 'axis' as const;
const SHOWN = 5;

interface Band {
  colour: (typeof BANDS)[number] | typeof OTHERS;
  /** The band's outline: its top edge left to right, then its bottom edge back. */
  d: string;
  label: TextBlock;
  share: string;
  labelTop: number;
}

export interface ShareModel extends CardModel {
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
    bands: Band[];
    labelX: number;
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** A breakdown's composition over time: each member's share of the family's total, month by month. */
export function shareModel(input: WidgetInput<ShareOptions>): ShareModel {
  const { opts, lang, t, s } = input;
  const members = membersOf(input);
  const width = input.frame?.width ?? opts.width;
  const ty = typeFor(width);
  const compact = ty.compact;
  let height = input.frame?.height ?? (compact ? Math.round(width * 1.25) : Math.round(width * 0.5625));
  const inner = width - ty.pad * 2;

  const span = familySpan(members, 'month');
  const last = span.to;
  const earliest = members.reduce((m, x) => (x.monthly[0]!.period < m ? x.monthly[0]!.period : m), last);
  let first = addMonths(last, -(opts.months - 1));
  if (first < earliest) first = earliest;
  const periods: string[] = [];
  for (let p = first; p <= last; p = addMonths(p, 1)) periods.push(p);

  // The largest members over the window, the rest as "all others".
  const windowRows = familyRows(members, { from: first, to: last, kind: 'month' }, lang);
  const groups =
    windowRows.length <= SHOWN + 1
      ? windowRows.map((r) => ({ label: r.label, ids: [r.id] }))
      : [
          ...windowRows.slice(0, SHOWN).map((r) => ({ label: r.label, ids: [r.id] })),
          { label: t.allOthers(windowRows.length - SHOWN), ids: windowRows.slice(SHOWN).map((r) => r.id) },
        ];
  const valueAt = new Map(members.map((m) => [m.id, new Map(m.monthly.map((p) => [p.period, p.value]))]));
  const shares = periods.map((p) => {
    const vals = groups.map((g) => g.ids.reduce((a, id) => a + (valueAt.get(id)!.get(p) ?? 0), 0));
    const total = vals.reduce((a, b) => a + b, 0);
    return vals.map((v) => (total > 0 ? v / total : 0));
  });

  const dim = t.dimensionName[opts.by] ?? opts.by;
  const title = t.byDimension(s.title, dim);
  const heading = block(title, ty.title, inner, compact ? 3 : 2, true);
  const deck = block(`${t.shareOf} · ${windowText(lang, t, first, last)}`, ty.deck, inner, 2);
  const headerHeight = Math.ceil(heading.height + 4 + deck.height);
  const notes = familyNotes(lang, s, members, { from: first, to: last, kind: 'month' });
  const footer = footerModel(
    footerSource(members[0]!.stored, t),
    `${t.asOf} ${fmt.month(lang, last)}`,
    input.brand,
    ty.small,
    inner,
    notes,
  );
  const fixed = ty.pad * 2 + headerHeight + footer.height + ty.gap * 2;
  if (!input.frame) height = Math.max(height, fixed + (compact ? 190 : Math.round(width * 0.3)));
  const chartW = inner;
  const chartH = Math.max(90, height - fixed);
  const tickSize = ty.small;
  const plotTop = Math.ceil(lineHeight(tickSize) / 2) + 2;
  const plotBottom = chartH - lineHeight(tickSize) - 4;
  const y = linear([0, 1], [plotBottom, plotTop]);
  const yTicks: Tick[] = [0, 0.5, 1].map((v) => {
    const label = fmt.pctAbs(lang, v);
    return { pos: r1(y(v)), label, left: 0, width: textWidth(label, tickSize) };
  });
  const plotLeft = Math.max(...yTicks.map((k) => k.width)) + 8;

  const latest = shares.at(-1)!;
  const labelText = groups.map((g, i) => ({ name: g.label, share: fmt.pctAbs(lang, latest[i]!) }));
  const labelW = Math.ceil(
    Math.min(
      chartW * (compact ? 0.42 : 0.3),
      Math.max(...labelText.map((l) => textWidth(`${l.name} ${l.share}`, tickSize, true))) + 14,
    ),
  );
  const plotRight = chartW - labelW - 8;
  const x = linear([0, Math.max(1, periods.length - 1)], [plotLeft, plotRight]);
  const xTicks = monthTicks(periods, (i) => x(i), lang, tickSize, plotLeft, plotRight);

  // Stack bottom to top in group order; each band's outline is its top edge, then its bottom back.
  const cum = shares.map(() => 0);
  const lh = lineHeight(tickSize);
  const bands: Band[] = groups.map((g, gi) => {
    const lower = cum.slice();
    shares.forEach((row, i) => (cum[i] = cum[i]! + row[gi]!));
    const top = cum.map((v, i) => `${r1(x(i))},${r1(y(v))}`);
    const bottom = lower.map((v, i) => `${r1(x(i))},${r1(y(v))}`).reverse();
    const mid = y((lower.at(-1)! + cum.at(-1)!) / 2);
    const isOthers = g.ids.length > 1;
    return {
      colour: isOthers ? OTHERS : BANDS[gi]!,
      d: `M${top.join('L')}L${bottom.join('L')}Z`,
      label: block(labelText[gi]!.name, tickSize, labelW - 14, 2, true),
      share: labelText[gi]!.share,
      labelTop: mid - lh,
    };
  });
  // Labels beside the latest month, moved apart just enough not to touch, top band first.
  const order = [...bands].reverse();
  const tops = spreadApart(
    order.map((b) => ({ top: b.labelTop, height: b.label.height + lh + 2 })),
    chartH,
  );
  order.forEach((b, i) => (b.labelTop = tops[i]!));

  const latestText = groups.map((g, i) => `${g.label} ${fmt.pctAbs(lang, latest[i]!)}`).join('; ');
  return {
    width,
    height,
    type: ty,
    heading,
    deck,
    headerHeight,
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
      bands,
      labelX: plotRight + 8,
    },
    title: `${title}, ${fmt.month(lang, last)}`,
    desc: `${title}, ${t.shareOf.toLowerCase()}, ${fmt.month(lang, last)}: ${latestText}. ${descEnd(t, members[0]!.stored, notes)}`,
    notes,
    table: {
      columns: [t.month, ...groups.map((g) => g.label)],
      rows: periods.map((p, i) => ({
        head: fmt.monthLong(lang, p),
        cells: shares[i]!.map((v) => fmt.pctAbs(lang, v)),
      })),
    },
  };
}
