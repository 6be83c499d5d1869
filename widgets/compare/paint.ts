import {
  titleAndDeck,
  at,
  background,
  circle,
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
} from '../../src/kit';
import type { CompareModel } from './model';

/** The comparison card: header, one chart with a line per series labelled at its end, footer. */
export function paintCompare(m: CompareModel, p: Palette): Shape[] {
  const c = m.chart;
  const ty = m.type;
  const pad = ty.pad;
  const inner = m.width - pad * 2;
  const out: Shape[] = [background(m.width, m.height, p)];

  out.push(...titleAndDeck(m, pad, p));

  const top = pad + m.headerHeight + ty.gap;
  const tick = lineHeight(c.tickSize);
  const ox = Math.round(pad);
  const oy = Math.round(top);
  const stroke = ty.compact ? 2 : 2.5;
  out.push(
    at(pad, top, [
      ...c.yTicks.map((t, i) =>
        line({
          x1: c.plotLeft,
          x2: c.plotRight + 4,
          y1: t.pos,
          y2: t.pos,
          stroke: i === 0 ? p.axis : p.grid,
          'stroke-width': 1,
        }),
      ),
      // The path's series last, so it is drawn on top.
      ...[...c.lines].reverse().map((l) =>
        path({
          d: l.d,
          fill: 'none',
          stroke: p[l.colour],
          'stroke-width': stroke,
          'stroke-linejoin': 'round',
          'stroke-linecap': 'round',
        }),
      ),
      // A dot at each line's end; its label, in the same colour, sits in the column at the right.
      ...c.lines.flatMap((l) =>
        l.end
          ? [circle({ cx: l.end.x, cy: l.end.y, r: 3.5, fill: p[l.colour], stroke: p.bg, 'stroke-width': 1.5 })]
          : [],
      ),
    ]),
  );
  for (const t of c.yTicks) {
    const boxTop = Math.round(top + t.pos - tick / 2);
    out.push(textEnd(ox + c.plotLeft - 8, place.centred(boxTop, tick, c.tickSize), t.label, c.tickSize, p.muted));
  }
  for (const t of c.xTicks)
    out.push(
      text(Math.round(pad + t.left), place.top(oy + c.plotBottom + 4, c.tickSize), t.label, c.tickSize, p.muted),
    );
  const lh = lineHeight(ty.small);
  for (const l of c.lines) {
    const lx = Math.round(pad + c.labelX);
    const ly = Math.round(top + l.label.top);
    // A swatch of the line before its name, so the label and its line match without a legend.
    const sy = ly + lh / 2;
    out.push(
      line({ x1: lx, x2: lx + 10, y1: sy, y2: sy, stroke: p[l.colour], 'stroke-width': 3, 'stroke-linecap': 'round' }),
    );
    out.push(...lines(l.label.name, lx + 14, ly, p[l.colour]));
    out.push(text(lx + 14, place.top(ly + l.label.name.height, ty.small), l.label.value, ty.small, p.muted));
  }
  out.push(...footer(m.footer, pad, top + c.height + ty.gap, inner, p));
  return out;
}
