/** @jsxImportSource satori/jsx */
import { contrast, type Palette } from '../../src/kit';
import type { BadgeModel } from './model';

/**
 * Value text is the page colour on the accent (white on the light accent, near-black on the dark
 * one); a caller's accent too close to the page colour gets the text colour instead.
 */
export function BadgeView(props: { m: BadgeModel; p: Palette }) {
  const { m, p } = props;
  const valueText = contrast(p.bg, p.accent) >= 4.5 ? p.bg : p.text;
  const half = (text: string, w: number, bg: string, color: string, bold: boolean, radius: string) => (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: w,
        height: 20,
        backgroundColor: bg,
        color,
        fontSize: m.size,
        fontWeight: bold ? 700 : 400,
        borderRadius: radius,
        whiteSpace: 'nowrap',
      }}
    >
      {text}
    </div>
  );
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: m.width,
        height: m.height,
        fontFamily: 'Inter',
        backgroundColor: m.frame ? p.bg : 'transparent',
      }}
    >
      {half(m.label, m.labelWidth, p.badgeLabel, p.badgeLabelText, false, '3px 0 0 3px')}
      {half(m.value, m.valueWidth, p.accent, valueText, true, '0 3px 3px 0')}
    </div>
  );
}
