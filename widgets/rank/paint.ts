import {
  titleAndDeck,
  background,
  footer,
  lineHeight,
  lines,
  place,
  rect,
  text,
  textEnd,
  type Palette,
  type Shape,
} from '../../src/kit';
import type { RankModel } from './model';

/** The rank card: header, one bar per member (largest first, "all others" last and muted), footer. */
export function paintRank(m: RankModel, p: Palette): Shape[] {
  const ty = m.type;
  const pad = ty.pad;
  const inner = m.width - pad * 2;
  const out: Shape[] = [background(m.width, m.height, p)];
  out.push(...titleAndDeck(m, pad, p));
  const top = pad + m.headerHeight + ty.gap;
  const c = m.chart;
  const size = ty.body;
  const lh = lineHeight(size);
  for (const r of c.rows) {
    const rowTop = Math.round(top + r.top);
    out.push(...lines(r.label, pad, rowTop, r.others ? p.muted : p.text));
    const barTop = rowTop + Math.round((lh - c.barH) / 2);
    out.push(
      rect({ x: pad + c.barX, y: barTop, width: r.barWidth, height: c.barH, fill: r.others ? p.axis : p.accent }),
    );
    out.push(
      text(Math.round(pad + c.barX + r.barWidth + 6), place.top(rowTop, size), r.value, size, p.text, { weight: 700 }),
    );
    if (r.change) {
      const fill = r.change.dir === 'up' ? p.up : r.change.dir === 'down' ? p.down : p.muted;
      out.push(textEnd(Math.round(pad + inner), place.top(rowTop, size), r.change.text, size, fill, true));
    }
  }
  out.push(...footer(m.footer, pad, top + c.height + ty.gap, inner, p));
  return out;
}
