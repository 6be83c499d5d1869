import { contrast, path, place, rect, text, textWidth, type Palette, type Shape } from '../../src/kit';
import type { BadgeModel } from './model';

/** A box with its left or right corners rounded (radius 3), as shields.io draws a badge's halves. */
function half(x: number, y: number, w: number, h: number, side: 'left' | 'right', fill: string): Shape {
  const r = 3;
  const d =
    side === 'left'
      ? `M${x + r} ${y}H${x + w}V${y + h}H${x + r}A${r} ${r} 0 0 1 ${x} ${y + h - r}V${y + r}A${r} ${r} 0 0 1 ${x + r} ${y}Z`
      : `M${x} ${y}H${x + w - r}A${r} ${r} 0 0 1 ${x + w} ${y + r}V${y + h - r}A${r} ${r} 0 0 1 ${x + w - r} ${y + h}H${x}Z`;
  return path({ d, fill });
}

/**
 * The badge, shields.io's flat style: label | value · month, 20 px tall. Value text is the page
 * colour on the accent (white on the light accent, near-black on the dark one); a caller's accent
 * too close to the page colour gets the text colour instead.
 */
export function paintBadge(m: BadgeModel, p: Palette): Shape[] {
  const valueText = contrast(p.bg, p.accent) >= 4.5 ? p.bg : p.text;
  const left = Math.round((m.width - m.labelWidth - m.valueWidth) / 2);
  const top = Math.round((m.height - 20) / 2);
  const y = place.centred(top, 20, m.size);
  const centred = (x: number, w: number, s: string, bold: boolean) =>
    x + Math.floor((w - textWidth(s, m.size, bold)) / 2 + 1e-6);
  return [
    ...(m.frame ? [rect({ x: 0, y: 0, width: m.width, height: m.height, fill: p.bg })] : []),
    half(left, top, m.labelWidth, 20, 'left', p.badgeLabel),
    half(left + m.labelWidth, top, m.valueWidth, 20, 'right', p.accent),
    text(centred(left, m.labelWidth, m.label, false), y, m.label, m.size, p.badgeLabelText),
    text(centred(left + m.labelWidth, m.valueWidth, m.value, true), y, m.value, m.size, valueText, { weight: 700 }),
  ];
}
