import {
  caveats,
  eventsIn,
  block,
  deckText,
  deltas,
  describe,
  fitSize,
  fmt,
  footerModel,
  footerSource,
  glue,
  lineHeight,
  monthTable,
  sparkline,
  textWidth,
  typeFor,
  valueMonth,
  type CardModel,
  type DeltaText,
  type FooterModel,
  type Spark,
  type TextBlock,
  type Type,
  type WidgetInput,
} from '../../src/kit';
import type { StatOptions } from './schema';

export interface StatModel extends CardModel {
  type: Type;
  heading: TextBlock;
  deck: TextBlock;
  value: string;
  valueSize: number;
  /** Height kept for the big number: its size, and room under it for the comma's tail. */
  valueBox: number;
  month: string;
  deltas: DeltaText[];
  /** Sparkline beside the number (wide) or under it (compact). */
  side: boolean;
  spark: Spark;
  /** First and last month of the sparkline, printed under its ends. */
  sparkSpan: [string, string];
  footer: FooterModel;
}

/** One number, its month, the two changes, a sparkline and the claim the data prove. Pure. */
export function statModel(input: WidgetInput<StatOptions>): StatModel {
  const { opts, lang, t, s } = input;
  const facts = s.facts;
  const width = input.frame?.width ?? opts.width;
  const ty = typeFor(width);
  let height = input.frame?.height ?? (ty.compact ? Math.round(width * 1.1) : Math.round(width * 0.45));
  const inner = width - ty.pad * 2;
  const win = s.points.slice(-opts.months);
  const month = fmt.month(lang, facts.latest.period);
  /** Beside the value: the month, and "per day" on a per-day card. */
  const beside = valueMonth(lang, s);
  const value = s.value(facts.latest.value);
  const heading = block(s.title, ty.title, inner, 2, true);
  const deck = block(glue(deckText(lang, t, s, win[0]!.period)), ty.deck, inner, ty.compact ? 3 : 2);
  const notes = caveats(lang, input, win[0]!.period);
  const shownEvents = eventsIn(input.events, win[0]!.period, facts.latest.period);
  const footer = footerModel(footerSource(s.stored, t), `${t.asOf} ${month}`, input.brand, ty.small, inner, notes);
  const ds = deltas(lang, facts, t);
  const side = !ty.compact;
  const leftW = side
    ? Math.ceil(Math.max(...ds.map((d) => textWidth(`${d.value} ${d.label}`, ty.body) + ty.body * 1.6), inner * 0.4))
    : inner;
  const valueSize = fitSize(value, [ty.big * 1.75, ty.big * 1.5, ty.big * 1.25, ty.big], leftW, true);
  const valueBox = Math.ceil(valueSize * 1.1);
  const numberBlock = valueBox + lineHeight(ty.body) + ds.length * lineHeight(ty.body) + 8;
  const fixed = ty.pad * 2 + heading.height + deck.height + footer.height + ty.gap * 3 + 4;
  const spanH = lineHeight(ty.small) + 2;
  const minBody = side ? 100 : Math.ceil(numberBlock + spanH + ty.gap + 50);
  if (!input.frame) height = Math.max(height, fixed + minBody);
  const body = height - fixed;
  const spark = side
    ? sparkline(win, inner - leftW - ty.gap * 2, Math.max(40, body - spanH))
    : sparkline(win, inner, Math.max(36, body - numberBlock - spanH - ty.gap));
  const sparkSpan: [string, string] = [fmt.month(lang, win[0]!.period), month];
  return {
    width,
    height,
    type: ty,
    heading,
    deck,
    value,
    valueSize,
    valueBox,
    month: beside,
    deltas: ds,
    side,
    spark,
    sparkSpan,
    footer,
    title: `${s.title}, ${month}`,
    desc: describe(lang, s, t, { events: shownEvents, notes }),
    events: shownEvents,
    notes,
    table: monthTable(lang, s, t, win),
  };
}
