/** @jsxImportSource satori/jsx */
import type { Palette } from '../../src/render/theme';
import type { Element } from '../../src/render/widget';
import type { DeltaText } from './text';

export function DeltaChips(props: { items: DeltaText[]; p: Palette; size: number; stacked: boolean }) {
  const { items, p, size, stacked } = props;
  return (
    <div style={{ display: 'flex', flexDirection: stacked ? 'column' : 'row', gap: stacked ? 2 : 14 }}>
      {items.map((d) => (
        <div style={{ display: 'flex', fontSize: size, color: p.muted, alignItems: 'center' }}>
          <span
            style={{
              color: d.dir === 'down' ? p.down : d.dir === 'up' ? p.up : p.muted,
              fontWeight: 700,
              marginRight: 4,
            }}
          >
            {d.value}
          </span>
          <span>{d.label}</span>
        </div>
      ))}
    </div>
  );
}

/** Footer every card shares: source and release on the left, as-of and the service name on the right. */
export function Footer(props: {
  source: string;
  asOf: string;
  brand: string;
  p: Palette;
  height: number;
  stacked: boolean;
}) {
  const { source, asOf, brand, p, height, stacked } = props;
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: stacked ? 'column' : 'row',
        justifyContent: 'space-between',
        alignItems: stacked ? 'flex-start' : 'flex-end',
        height,
        fontSize: 11,
        color: p.muted,
        borderTop: `1px solid ${p.grid}`,
        paddingTop: 6,
      }}
    >
      <span style={{ display: 'flex', flexShrink: 1 }}>{`${source} · ${asOf}`}</span>
      <span style={{ display: 'flex', flexShrink: 0, marginLeft: stacked ? 0 : 12 }}>{brand}</span>
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
