import {
  titleAndDeck,
  background,
  contrast,
  footer,
  place,
  rect,
  text,
  textWidth,
  type Palette,
  type Shape,
} from '../../src/kit';
import type { MapModel } from './model';

/** The map card: header, one square per state in its bin's colour with its code, the legend, footer. */
export function paintMap(m: MapModel, p: Palette): Shape[] {
  const ty = m.type;
  const pad = ty.pad;
  const inner = m.width - pad * 2;
  const out: Shape[] = [background(m.width, m.height, p)];
  out.push(...titleAndDeck(m, pad, p));
  const g = m.map;
  // Text on a tile takes whichever of the text and page colours stands out more from its fill.
  const ink = (fill: string) => (contrast(p.text, fill) >= contrast(p.bg, fill) ? p.text : p.bg);
  for (const tile of g.tiles) {
    const x = Math.round(pad + tile.x);
    const ty0 = Math.round(g.top + tile.y);
    const fill = p[tile.fill];
    out.push(
      rect({
        x,
        y: ty0,
        width: g.size,
        height: g.size,
        rx: 2,
        fill,
        ...(tile.missing ? { stroke: p.axis, 'stroke-width': 1, 'stroke-dasharray': '3 2' } : {}),
      }),
    );
    const colour = tile.missing ? p.muted : ink(fill);
    const cw = textWidth(tile.code, g.codeSize, true);
    const codeTop = tile.value ? ty0 + Math.round(g.size * 0.16) : ty0 + Math.round((g.size - g.codeSize * 1.2) / 2);
    out.push(
      text(Math.round(x + (g.size - cw) / 2), place.top(codeTop, g.codeSize), tile.code, g.codeSize, colour, {
        weight: 700,
      }),
    );
    if (tile.value) {
      const vw = textWidth(tile.value, g.valueSize);
      out.push(
        text(
          Math.round(x + (g.size - vw) / 2),
          place.top(ty0 + Math.round(g.size * 0.56), g.valueSize),
          tile.value,
          g.valueSize,
          colour,
        ),
      );
    }
  }
  const l = m.legend;
  for (const it of l.items) {
    const x = Math.round(pad + it.x);
    const top = Math.round(l.top + it.y);
    out.push(
      rect({
        x,
        y: top + 1,
        width: l.sw,
        height: l.sw,
        rx: 2,
        fill: p[it.fill],
        ...(it.missing ? { stroke: p.axis, 'stroke-width': 1, 'stroke-dasharray': '3 2' } : {}),
      }),
    );
    out.push(text(x + l.sw + 4, place.top(top, l.size), it.label, l.size, p.muted));
  }
  out.push(...footer(m.footer, pad, m.footerTop, inner, p));
  return out;
}
