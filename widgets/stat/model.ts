import { fmt } from '../../src/lib/i18n';
import type { WidgetInput } from '../../src/render/widget';
import { block, footerModel, lineHeight, typeFor, type FooterModel, type TextBlock, type Type } from '../shared/layout';
import { fitSize, glue, textWidth } from '../shared/measure';
import { sparkline, type Spark } from '../shared/spark';
import { deckText, deltas, describe, footerSource, type DeltaText } from '../shared/text';
import type { StatOptions } from './schema';

export interface StatModel {
  width: number;
  height: number;
  type: Type;
  title: TextBlock;
  deck: TextBlock;
  value: string;
  valueSize: number;
  month: string;
  deltas: DeltaText[];
  /** Sparkline beside the number (wide) or under it (compact). */
  side: boolean;
  spark: Spark;
  /** First and last month of the sparkline, printed under its ends. */
  sparkSpan: [string, string];
  footer: FooterModel;
  a11yTitle: string;
  desc: string;
}

/** One number, its month, the two changes, a sparkline and the claim the data prove. Pure. */
export function statModel(input: WidgetInput<StatOptions>): StatModel {
  const { opts, lang, t, facts, stored } = input;
  const width = input.frame?.width ?? opts.width;
  const ty = typeFor(width);
  let height = input.frame?.height ?? (ty.compact ? Math.round(width * 1.1) : Math.round(width * 0.45));
  const inner = width - ty.pad * 2;
  const win = input.points.slice(-opts.months);
  const month = fmt.month(lang, facts.latest.period);
  const value = fmt.number(lang, facts.latest.value);
  const title = block(stored.series.title, ty.title, inner, 2, true);
  const deck = block(glue(deckText(lang, t, input.points, facts, win[0]!.period)), ty.deck, inner, ty.compact ? 3 : 2);
  const footer = footerModel(footerSource(stored, t), `${t.asOf} ${month}`, input.brand, ty.small, inner);
  const ds = deltas(lang, facts, t);
  const side = !ty.compact;
  const leftW = side
    ? Math.ceil(Math.max(...ds.map((d) => textWidth(`${d.value} ${d.label}`, ty.body) + ty.body * 1.6), inner * 0.4))
    : inner;
  const valueSize = fitSize(value, [ty.big * 1.75, ty.big * 1.5, ty.big * 1.25, ty.big], leftW, true);
  const numberBlock = Math.ceil(valueSize) + lineHeight(ty.body) + ds.length * lineHeight(ty.body) + 8;
  const fixed = ty.pad * 2 + title.height + deck.height + footer.height + ty.gap * 3 + 4;
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
    title,
    deck,
    value,
    valueSize,
    month,
    deltas: ds,
    side,
    spark,
    sparkSpan,
    footer,
    a11yTitle: `${stored.series.title}, ${month}`,
    desc: describe(lang, stored, input.points, facts, t),
  };
}
