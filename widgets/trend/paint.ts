import {
  at,
  background,
  circle,
  deltaChips,
  footer,
  line,
  lineHeight,
  lines,
  paintEvents,
  path,
  place,
  text,
  textEnd,
  textWidth,
  type Palette,
  type Shape,
} from '../../src/kit';
import type { Marker, TrendModel } from './model';

/** From the point to the nearest edge of its label, when the label had to move away. */
function leader(m: Marker): { x2: number; y2: number } {
  const b = m.box;
  return {
    x2: Math.max(b.left, Math.min(b.left + b.width, m.x)),
    y2: m.y < b.top ? b.top : m.y > b.top + b.height ? b.top + b.height : m.y,
  };
}

/** The trend card (and the social card, its 1200×630 form): header, chart, footer. */
export function paintTrend(m: TrendModel, p: Palette): Shape[] {
  const c = m.chart;
  const ty = m.type;
  const pad = ty.pad;
  const inner = m.width - pad * 2;
  const out: Shape[] = [background(m.width, m.height, p)];

  // Header, left column: title, (compact) value and month, deck, changes.
  let y = pad;
  out.push(...lines(m.heading, pad, y, p.text));
  y += m.heading.height;
  if (ty.compact) {
    // Value and month sit on one line, aligned by the bottoms of their text boxes.
    const rowTop = Math.round(y);
    const valueH = place.height(m.valueSize);
    out.push(text(Math.round(pad), place.top(rowTop, m.valueSize), m.value, m.valueSize, p.text, { weight: 700 }));
    const monthX = Math.round(pad) + place.width(textWidth(m.value, m.valueSize, true)) + 8;
    out.push(text(monthX, place.bottom(rowTop, valueH, ty.body), m.month, ty.body, p.muted));
    y += lineHeight(m.valueSize) + 2;
  }
  if (m.deck.lines.length) {
    y += 4;
    out.push(...lines(m.deck, pad, y, p.muted));
    y += m.deck.height;
  }
  out.push(...deltaChips(m.deltas, pad, y + 6, p, ty.body, m.deltasStacked));
  if (!ty.compact) {
    // Right column: the latest value in its line box, its month under it.
    const right = pad + inner;
    const lh = lineHeight(m.valueSize);
    out.push(textEnd(right, place.line(pad, lh, m.valueSize), m.value, m.valueSize, p.text, true));
    out.push(textEnd(right, place.top(Math.round(pad) + lh, ty.body), m.month, ty.body, p.muted));
  }

  // The chart box: shapes in its own coordinates; labels placed absolutely, as boxes inside it.
  const top = pad + m.headerHeight + ty.gap;
  const ex = c.extreme;
  const tick = lineHeight(c.tickSize);
  const ox = Math.round(pad);
  const oy = Math.round(top);
  const ev = paintEvents(c.events, c.plotBottom, p);
  out.push(
    at(pad, top, [
      ...ev.bands,
      ...c.yTicks.map((t, i) =>
        line({
          x1: c.plotLeft,
          x2: c.width,
          y1: t.pos,
          y2: t.pos,
          stroke: i === 0 ? p.axis : p.grid,
          'stroke-width': 1,
        }),
      ),
      ...(c.area ? [path({ d: c.area, fill: p.area, stroke: 'none' })] : []),
      ...ev.markers,
      path({
        d: c.line,
        fill: 'none',
        stroke: p.accent,
        'stroke-width': ty.compact ? 2 : 2.5,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      }),
      ...(ex?.box.far ? [line({ x1: ex.x, y1: ex.y, ...leader(ex), stroke: p.axis, 'stroke-width': 1 })] : []),
      ...(c.latest.box.far
        ? [line({ x1: c.latest.x, y1: c.latest.y, ...leader(c.latest), stroke: p.axis, 'stroke-width': 1 })]
        : []),
      ...(ex ? [circle({ cx: ex.x, cy: ex.y, r: 3.5, fill: p.bg, stroke: p.marker, 'stroke-width': 1.75 })] : []),
      circle({ cx: c.latest.x, cy: c.latest.y, r: 4, fill: p.accent, stroke: p.bg, 'stroke-width': 1.5 }),
    ]),
  );
  out.push(...ev.over(ox, oy));
  for (const t of c.yTicks) {
    const boxTop = Math.round(top + t.pos - tick / 2);
    out.push(textEnd(ox + c.plotLeft - 8, place.centred(boxTop, tick, c.tickSize), t.label, c.tickSize, p.muted));
  }
  for (const t of c.xTicks)
    out.push(
      text(Math.round(pad + t.left), place.top(oy + c.plotBottom + 4, c.tickSize), t.label, c.tickSize, p.muted),
    );
  for (const [mk, color] of [...(ex ? [[ex, p.marker] as const] : []), [c.latest, p.text] as const]) {
    const boxTop = Math.round(top + mk.box.top);
    out.push(
      text(Math.round(pad + mk.box.left), place.centred(boxTop, mk.box.height, ty.body), mk.label, ty.body, color, {
        weight: mk.bold ? 700 : 400,
      }),
    );
  }
  out.push(...footer(m.footer, pad, top + c.height + ty.gap, inner, p));
  return out;
}
