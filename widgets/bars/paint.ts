import {
  at,
  background,
  footer,
  line,
  lineHeight,
  lines,
  paintEvents,
  place,
  rect,
  text,
  textEnd,
  textWidth,
  type Palette,
  type Shape,
} from '../../src/kit';
import type { BarsModel } from './model';

/** The bars card: title, deck, bars with their values and axis labels, footer. */
export function paintBars(m: BarsModel, p: Palette): Shape[] {
  const c = m.chart;
  const ty = m.type;
  const pad = ty.pad;
  const inner = m.width - pad * 2;
  const lh = lineHeight(ty.small);
  const out: Shape[] = [background(m.width, m.height, p)];
  out.push(...lines(m.heading, pad, pad, p.text));
  const deckTop = pad + m.heading.height + 4;
  out.push(...lines(m.deck, pad, deckTop, p.muted));

  const top = deckTop + m.deck.height + ty.gap;
  const ev = paintEvents(c.events, c.plotBottom, p);
  out.push(
    at(pad, top, [
      ...ev.bands,
      ...c.yTicks.map((t) =>
        line({ x1: c.plotLeft, x2: c.width, y1: t.pos, y2: t.pos, stroke: p.grid, 'stroke-width': 1 }),
      ),
      ...m.bars.map((b) =>
        rect({
          x: b.x,
          y: b.y,
          width: b.w,
          height: Math.max(0, b.h),
          fill: b.partial ? p.area : p.accent,
          stroke: b.partial ? p.accent : 'none',
          'stroke-width': b.partial ? 1.5 : 0,
          'stroke-dasharray': b.partial ? '4 3' : undefined,
        }),
      ),
      ...ev.markers,
      line({ x1: c.plotLeft, x2: c.width, y1: c.plotBottom, y2: c.plotBottom, stroke: p.axis, 'stroke-width': 1 }),
    ]),
  );
  const ox = Math.round(pad);
  out.push(...ev.over(ox, Math.round(top)));
  for (const t of c.yTicks)
    out.push(
      textEnd(
        ox + c.plotLeft - 8,
        place.centred(Math.round(top + t.pos - lh / 2), lh, ty.small),
        t.label,
        ty.small,
        p.muted,
      ),
    );
  for (const b of m.bars.filter((x) => x.value)) {
    const left = Math.round(pad + b.x - 20);
    const w = textWidth(b.value, ty.small, true);
    const x = left + Math.floor((Math.round(pad + b.x + b.w + 20) - left - place.width(w)) / 2);
    out.push(text(x, place.top(Math.round(top + b.y - lh - 1), ty.small), b.value, ty.small, p.text, { weight: 700 }));
  }
  for (const t of c.xTicks)
    out.push(
      text(
        Math.round(pad + t.left),
        place.top(Math.round(top) + c.plotBottom + 4, ty.small),
        t.label,
        ty.small,
        p.muted,
      ),
    );
  out.push(...footer(m.footer, pad, top + c.height + ty.gap, inner, p));
  return out;
}
