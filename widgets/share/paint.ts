import {
  titleAndDeck,
  at,
  background,
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
import type { ShareModel } from './model';

/** The share card: header, the family's composition as stacked bands, each labelled with its latest share. */
export function paintShare(m: ShareModel, p: Palette): Shape[] {
  const c = m.chart;
  const ty = m.type;
  const pad = ty.pad;
  const inner = m.width - pad * 2;
  const out: Shape[] = [background(m.width, m.height, p)];
  out.push(...titleAndDeck(m, pad, p));
  const top = pad + m.headerHeight + ty.gap;
  const oy = Math.round(top);
  const tick = lineHeight(c.tickSize);
  out.push(
    at(pad, top, [
      // Bands with a thin background-coloured edge between them, so neighbours stay apart.
      ...c.bands.map((b) =>
        path({ d: b.d, fill: p[b.colour], stroke: p.bg, 'stroke-width': 1, 'stroke-linejoin': 'round' }),
      ),
      ...c.yTicks.map((t) =>
        line({ x1: c.plotLeft, x2: c.plotRight, y1: t.pos, y2: t.pos, stroke: p.grid, 'stroke-width': 0.5 }),
      ),
    ]),
  );
  for (const t of c.yTicks) {
    const boxTop = Math.round(top + t.pos - tick / 2);
    out.push(
      textEnd(Math.round(pad + c.plotLeft - 6), place.centred(boxTop, tick, c.tickSize), t.label, c.tickSize, p.muted),
    );
  }
  for (const t of c.xTicks)
    out.push(
      text(Math.round(pad + t.left), place.top(oy + c.plotBottom + 4, c.tickSize), t.label, c.tickSize, p.muted),
    );
  for (const b of c.bands) {
    const lx = Math.round(pad + c.labelX);
    const ly = Math.round(top + b.labelTop);
    const sy = ly + tick / 2;
    out.push(line({ x1: lx, x2: lx + 10, y1: sy, y2: sy, stroke: p[b.colour], 'stroke-width': 6 }));
    out.push(...lines(b.label, lx + 14, ly, p.text));
    out.push(text(lx + 14, place.top(ly + b.label.height, c.tickSize), b.share, c.tickSize, p.muted));
  }
  out.push(...footer(m.footer, pad, top + c.height + ty.gap, inner, p));
  return out;
}
