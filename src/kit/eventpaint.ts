import { circle, line, place, rect, text, type Shape } from '../render/draw';
import type { Palette } from '../render/theme';
import type { EventLayer } from './events';
import { lineHeight } from './layout';

/**
 * The events layer of a chart, in the chart box's coordinates: bands for ranges, dashed marker
 * lines for dates from the label rows down to the plot's bottom, then the labels (inline) or the
 * numbered badges. `ox`/`oy` place the text (drawn absolutely, like every card's text).
 */
export function paintEvents(
  layer: EventLayer,
  plotBottom: number,
  p: Palette,
): { bands: Shape[]; markers: Shape[]; over: (ox: number, oy: number) => Shape[] } {
  if (!layer.marks.length) return { bands: [], markers: [], over: () => [] };
  const lh = lineHeight(layer.size);
  const top = layer.height;
  const bands: Shape[] = [];
  const markers: Shape[] = [];
  for (const m of layer.marks) {
    if (m.x2 !== undefined)
      bands.push(
        rect({
          x: Math.round(m.x),
          y: top,
          width: Math.max(1, Math.round(m.x2) - Math.round(m.x)),
          height: Math.max(0, plotBottom - top),
          fill: p.grid,
          'fill-opacity': 0.55,
        }),
      );
    else
      markers.push(
        line({
          x1: m.x,
          x2: m.x,
          y1: layer.mode === 'inline' ? (m.box ? m.box.row * lh + lh : top) : top,
          y2: plotBottom,
          stroke: p.axis,
          'stroke-width': 1,
          'stroke-dasharray': '3 3',
        }),
      );
  }
  const over = (ox: number, oy: number): Shape[] => {
    const out: Shape[] = [];
    for (const m of layer.marks) {
      if (layer.mode === 'inline' && m.box) {
        const boxTop = Math.round(oy + m.box.row * lh);
        out.push(
          text(Math.round(ox + m.box.left), place.centred(boxTop, lh, layer.size), m.label, layer.size, p.muted),
        );
      } else if (layer.mode === 'numbered') {
        const d = layer.height - 4;
        const cx = m.badgeX ?? m.x;
        out.push(circle({ cx: ox + cx, cy: oy + d / 2 + 1, r: d / 2, fill: p.bg, stroke: p.axis, 'stroke-width': 1 }));
        out.push(
          text(
            Math.round(ox + cx),
            place.centred(Math.round(oy + 1), d, layer.size - 1),
            String(m.n),
            layer.size - 1,
            p.text,
            {
              anchor: 'middle',
              weight: 700,
            },
          ),
        );
      }
    }
    return out;
  };
  return { bands, markers, over };
}
