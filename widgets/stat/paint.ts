import {
  background,
  circle,
  deltaChips,
  footer,
  line,
  lineHeight,
  lines,
  path,
  place,
  text,
  textEnd,
  type Palette,
  type Shape,
  type Spark,
} from '../../src/kit';
import type { StatModel } from './model';

/** A sparkline from zero: baseline rule, faint area, the line, the latest point; its box's corner at (x, y). */
function spark(s: Spark, x: number, y: number, p: Palette, stroke: number): Shape[] {
  const t = `translate(${Math.round(x)} ${Math.round(y)})`;
  return [
    line({
      x1: 0,
      x2: s.width,
      y1: s.height - 0.5,
      y2: s.height - 0.5,
      stroke: p.axis,
      'stroke-width': 1,
      transform: t,
    }),
    path({ d: s.area, fill: p.area, stroke: 'none', transform: t }),
    path({
      d: s.line,
      fill: 'none',
      stroke: p.accent,
      'stroke-width': stroke,
      'stroke-linejoin': 'round',
      transform: t,
    }),
    circle({
      cx: s.last[0],
      cy: s.last[1],
      r: stroke + 1.5,
      fill: p.accent,
      stroke: p.bg,
      'stroke-width': 1.5,
      transform: t,
    }),
  ];
}

/** The stat card: title, deck; the big number with its month and changes beside (or over) a sparkline; footer. */
export function paintStat(m: StatModel, p: Palette): Shape[] {
  const ty = m.type;
  const pad = ty.pad;
  const inner = m.width - pad * 2;
  const out: Shape[] = [background(m.width, m.height, p)];
  out.push(...lines(m.heading, pad, pad, p.text));
  const deckTop = pad + m.heading.height + 4;
  out.push(...lines(m.deck, pad, deckTop, p.muted));

  // The body fills what the title, deck and footer leave.
  const bodyTop = deckTop + m.deck.height + ty.gap;
  const footerTop = m.height - pad - m.footer.height;
  const bodyBottom = footerTop - ty.gap;
  const valueBox = m.valueBox;
  const lhBody = lineHeight(ty.body);
  const numberH = valueBox + lhBody + 8 + m.deltas.length * lhBody;
  const sparkH = m.spark.height + lineHeight(ty.small) + 2;
  // Side by side, both sit on the body's bottom; stacked, the number is on top and the spark at the bottom.
  const numberTop = m.side ? bodyBottom - numberH : bodyTop;
  const sparkLeft = m.side ? pad + inner - m.spark.width : pad;
  const sparkTop = bodyBottom - sparkH;

  out.push(
    text(Math.round(pad), place.line(numberTop, m.valueSize, m.valueSize), m.value, m.valueSize, p.text, {
      weight: 700,
    }),
  );
  out.push(text(Math.round(pad), place.top(Math.round(numberTop) + valueBox, ty.body), m.month, ty.body, p.muted));
  out.push(...deltaChips(m.deltas, pad, numberTop + valueBox + lhBody + 8, p, ty.body, true));

  out.push(...spark(m.spark, sparkLeft, sparkTop, p, ty.compact ? 2 : 2.5));
  const spanTop = Math.round(sparkTop) + m.spark.height + 2;
  out.push(text(Math.round(sparkLeft), place.top(spanTop, ty.small), m.sparkSpan[0], ty.small, p.muted));
  out.push(textEnd(sparkLeft + m.spark.width, place.top(spanTop, ty.small), m.sparkSpan[1], ty.small, p.muted));

  out.push(...footer(m.footer, pad, footerTop, inner, p));
  return out;
}
