import { group, path, place, rect, text, type Shape } from '../render/draw';
import type { Palette } from '../render/theme';
import { lineHeight, type FooterModel, type TextBlock } from './layout';
import { textWidth } from './measure';
import type { DeltaText } from './text';

/**
 * Drawing helpers every card shares: pre-broken lines, the change chips, the footer and the
 * background, placed at absolute pixel positions by the layout rules in `place` (src/render/draw.ts).
 */

/** The lines of a block, each centred in its line box; the first box's top at `top`. */
export function lines(b: TextBlock, x: number, top: number, fill: string): Shape[] {
  const lh = lineHeight(b.size);
  return b.lines.map((l, i) =>
    text(Math.round(x), place.line(top + i * lh, lh, b.size), l, b.size, fill, { weight: b.bold ? 700 : 400 }),
  );
}

/** A card's title block and, 4 px under it, its muted deck, from the top-left padding corner. */
export function titleAndDeck(m: { heading: TextBlock; deck: TextBlock }, pad: number, p: Palette): Shape[] {
  return [...lines(m.heading, pad, pad, p.text), ...lines(m.deck, pad, pad + m.heading.height + 4, p.muted)];
}

/** Text ending at `right` (a box of whole pixels), on baseline `y`. */
export function textEnd(right: number, y: number, s: string, size: number, fill: string, bold = false): Shape {
  return text(place.end(right, textWidth(s, size, bold)), y, s, size, fill, { weight: bold ? 700 : 400 });
}

/** A direction mark drawn as a triangle (the font subset has no ▲▼), its box's top-left at (x, y). */
function arrow(dir: DeltaText['dir'], x: number, y: number, s: number, fill: string): Shape | null {
  if (dir === 'flat') return null;
  const d =
    dir === 'up'
      ? `M${x} ${y + s}L${x + s / 2} ${y}L${x + s} ${y + s}Z`
      : `M${x} ${y}L${x + s} ${y}L${x + s / 2} ${y + s}Z`;
  return path({ d, fill });
}

/** Width of one change chip: the mark, the value (bold) and the label, in whole-pixel text boxes. */
function chipWidth(d: DeltaText, size: number): number {
  const s = Math.round(size * 0.62);
  const mark = d.dir === 'flat' ? 0 : s + Math.round(s * 0.45);
  return (
    mark + place.width(textWidth(d.value, size, true)) + Math.round(size * 0.35) + place.width(textWidth(d.label, size))
  );
}

/**
 * The changes (vs. previous month, vs. a year earlier): a mark and a bold value coloured by
 * direction, then the muted label. In a row with a gap, or stacked one per line.
 */
export function deltaChips(
  items: DeltaText[],
  x: number,
  top: number,
  p: Palette,
  size: number,
  stacked: boolean,
): Shape[] {
  const lh = lineHeight(size);
  const s = Math.round(size * 0.62);
  const out: Shape[] = [];
  let left = x;
  items.forEach((d, i) => {
    const rowTop = stacked ? top + i * lh : top;
    const color = d.dir === 'down' ? p.down : d.dir === 'up' ? p.up : p.muted;
    const y = place.centred(Math.round(rowTop), lh, size);
    let at = Math.round(stacked ? x : left);
    const mark = arrow(d.dir, at, Math.round(rowTop + (lh - s) / 2), s, color);
    if (mark) {
      out.push(mark);
      at += s + Math.round(s * 0.45);
    }
    out.push(text(at, y, d.value, size, color, { weight: 700 }));
    at += place.width(textWidth(d.value, size, true)) + Math.round(size * 0.35);
    out.push(text(at, y, d.label, size, p.muted));
    left += chipWidth(d, size) + size * 1.2;
  });
  return out;
}

/** The footer: a rule on top, then its rows at the bottom of its box, left text and right text. */
export function footer(f: FooterModel, x: number, top: number, width: number, p: Palette): Shape[] {
  const lh = lineHeight(f.size);
  const t = Math.round(top);
  const out: Shape[] = [
    rect({ x: Math.round(x), y: t, width: Math.round(x + width) - Math.round(x), height: 1, fill: p.grid }),
  ];
  f.rows.forEach((r, i) => {
    const rowTop = top + f.height - (f.rows.length - i) * lh;
    const y = place.line(rowTop, lh, f.size);
    if (r.left) out.push(text(Math.round(x), y, r.left, f.size, p.muted));
    if (r.right) out.push(textEnd(x + width, y, r.right, f.size, p.muted));
  });
  return out;
}

/** The card's background. */
export const background = (width: number, height: number, p: Palette): Shape =>
  rect({ x: 0, y: 0, width, height, fill: p.bg });

/** Shapes drawn in a box's own coordinates, moved to its (whole-pixel) corner at (x, y). */
export const at = (x: number, y: number, shapes: Shape[]): Shape =>
  group({ transform: `translate(${Math.round(x)} ${Math.round(y)})` }, shapes);
