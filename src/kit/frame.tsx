/** @jsxImportSource satori/jsx */
import type { Palette } from '../render/theme';
import type { Element } from './widget';
import { lineHeight, type FooterModel, type TextBlock } from './layout';
import type { DeltaText } from './text';

/** Pre-broken lines; `nowrap` because the model already chose the breaks. */
export function Lines(props: { b: TextBlock; color: string }) {
  const { b, color } = props;
  const lh = lineHeight(b.size);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: b.height, flexShrink: 0 }}>
      {b.lines.map((l) => (
        <div
          style={{
            display: 'flex',
            height: lh,
            fontSize: b.size,
            lineHeight: `${lh}px`,
            fontWeight: b.bold ? 700 : 400,
            color,
            whiteSpace: 'nowrap',
          }}
        >
          {l}
        </div>
      ))}
    </div>
  );
}

/** A direction mark drawn as a shape: the Inter subset has no ▲▼ glyphs. */
function Arrow(props: { dir: DeltaText['dir']; color: string; size: number }) {
  const s = Math.round(props.size * 0.62);
  if (props.dir === 'flat') return <div style={{ display: 'flex', width: 0 }} />;
  const d = props.dir === 'up' ? `M0 ${s} L${s / 2} 0 L${s} ${s} Z` : `M0 0 L${s} 0 L${s / 2} ${s} Z`;
  return (
    <svg width={s} height={s} viewBox={`0 0 ${s} ${s}`} style={{ marginRight: Math.round(s * 0.45) }}>
      <path d={d} fill={props.color} />
    </svg>
  );
}

export function DeltaChips(props: { items: DeltaText[]; p: Palette; size: number; stacked: boolean }) {
  const { items, p, size, stacked } = props;
  const lh = lineHeight(size);
  return (
    <div style={{ display: 'flex', flexDirection: stacked ? 'column' : 'row', gap: stacked ? 0 : size * 1.2 }}>
      {items.map((d) => {
        const color = d.dir === 'down' ? p.down : d.dir === 'up' ? p.up : p.muted;
        return (
          <div style={{ display: 'flex', height: lh, fontSize: size, color: p.muted, alignItems: 'center' }}>
            <Arrow dir={d.dir} color={color} size={size} />
            <span style={{ color, fontWeight: 700, marginRight: Math.round(size * 0.35) }}>{d.value}</span>
            <span style={{ whiteSpace: 'nowrap' }}>{d.label}</span>
          </div>
        );
      })}
    </div>
  );
}

export function Footer(props: { f: FooterModel; p: Palette }) {
  const { f, p } = props;
  const lh = lineHeight(f.size);
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'flex-end',
        height: f.height,
        flexShrink: 0,
        fontSize: f.size,
        color: p.muted,
        borderTop: `1px solid ${p.grid}`,
      }}
    >
      {f.rows.map((r) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', height: lh, lineHeight: `${lh}px` }}>
          <span style={{ display: 'flex', whiteSpace: 'nowrap' }}>{r.left}</span>
          <span style={{ display: 'flex', whiteSpace: 'nowrap' }}>{r.right}</span>
        </div>
      ))}
    </div>
  );
}

export function Card(props: { width: number; height: number; pad: number; p: Palette; children: Element | Element[] }) {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        width: props.width,
        height: props.height,
        padding: props.pad,
        backgroundColor: props.p.bg,
        color: props.p.text,
        fontFamily: 'Inter',
      }}
    >
      {props.children}
    </div>
  );
}
