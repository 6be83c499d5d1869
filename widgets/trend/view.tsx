/** @jsxImportSource satori/jsx */
import type { Palette } from '../../src/render/theme';
import { Card, DeltaChips, Footer } from '../shared/frame';
import type { Marker, TrendModel } from './model';

function Label(props: { m: Marker; p: Palette; w: number; h: number; bold?: boolean; color: string }) {
  const { m, w, h } = props;
  const boxW = Math.min(200, w);
  const left = Math.max(0, Math.min(w - boxW, m.x - boxW / 2));
  const top = Math.max(0, Math.min(h - 16, m.place === 'above' ? m.y - 20 : m.y + 6));
  const align = m.x - boxW / 2 < 0 ? 'flex-start' : m.x + boxW / 2 > w ? 'flex-end' : 'center';
  return (
    <div
      style={{
        position: 'absolute',
        left,
        top,
        width: boxW,
        height: 16,
        display: 'flex',
        justifyContent: align,
        fontSize: 12,
        fontWeight: props.bold ? 700 : 400,
        color: props.color,
      }}
    >
      {m.label}
    </div>
  );
}

export function TrendView(props: { m: TrendModel; p: Palette }) {
  const { m, p } = props;
  const c = m.chart;
  const plotBottom = c.yTicks[0]?.pos ?? c.height - 20;
  return (
    <Card width={m.width} height={m.height} pad={m.pad} p={p}>
      <div
        style={{
          display: 'flex',
          flexDirection: m.compact ? 'column' : 'row',
          height: m.headerHeight,
          justifyContent: 'space-between',
        }}
      >
        <div style={{ display: 'flex', flexDirection: 'column', flexShrink: 1, paddingRight: m.compact ? 0 : 16 }}>
          <div style={{ display: 'flex', fontSize: m.compact ? 17 : 20, fontWeight: 700, lineHeight: 1.2 }}>
            {m.title}
          </div>
          {m.compact ? (
            <div style={{ display: 'flex', alignItems: 'baseline', marginTop: 4 }}>
              <span style={{ fontSize: 28, fontWeight: 700 }}>{m.value}</span>
              <span style={{ fontSize: 13, color: p.muted, marginLeft: 8 }}>{m.month}</span>
            </div>
          ) : null}
          <div style={{ display: 'flex', marginTop: 6 }}>
            <DeltaChips items={m.deltas} p={p} size={m.compact ? 12 : 13} stacked={m.compact} />
          </div>
        </div>
        {m.compact ? null : (
          <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', flexShrink: 0 }}>
            <span style={{ fontSize: 34, fontWeight: 700, lineHeight: 1.1 }}>{m.value}</span>
            <span style={{ fontSize: 13, color: p.muted }}>{m.month}</span>
          </div>
        )}
      </div>
      <div style={{ display: 'flex', position: 'relative', width: c.width, height: c.height }}>
        <svg
          width={c.width}
          height={c.height}
          viewBox={`0 0 ${c.width} ${c.height}`}
          style={{ position: 'absolute', left: 0, top: 0 }}
        >
          {c.yTicks.map((t) => (
            <line
              x1={c.plotLeft}
              x2={c.width}
              y1={t.pos}
              y2={t.pos}
              stroke={t.pos === plotBottom ? p.axis : p.grid}
              stroke-width={1}
            />
          ))}
          {c.area ? <path d={c.area} fill={p.area} stroke="none" /> : null}
          <path
            d={c.line}
            fill="none"
            stroke={p.accent}
            stroke-width={2.25}
            stroke-linejoin="round"
            stroke-linecap="round"
          />
          {c.extreme ? (
            <circle cx={c.extreme.x} cy={c.extreme.y} r={3.5} fill={p.bg} stroke={p.marker} stroke-width={1.5} />
          ) : null}
          <circle cx={c.latest.x} cy={c.latest.y} r={4} fill={p.accent} stroke={p.bg} stroke-width={1.5} />
        </svg>
        {c.yTicks.map((t) => (
          <div
            style={{
              position: 'absolute',
              left: 0,
              top: t.pos - 8,
              width: c.plotLeft - 6,
              height: 16,
              display: 'flex',
              justifyContent: 'flex-end',
              fontSize: 11,
              color: p.muted,
            }}
          >
            {t.label}
          </div>
        ))}
        {c.xTicks.map((t) => (
          <div
            style={{
              position: 'absolute',
              left: Math.max(c.plotLeft - 10, Math.min(c.width - 64, t.pos - 32)),
              top: plotBottom + 4,
              width: 64,
              height: 16,
              display: 'flex',
              justifyContent: 'center',
              fontSize: 11,
              color: p.muted,
            }}
          >
            {t.label}
          </div>
        ))}
        {c.extreme ? <Label m={c.extreme} p={p} w={c.width} h={plotBottom} color={p.marker} /> : null}
        <Label m={c.latest} p={p} w={c.width} h={plotBottom} bold color={p.text} />
      </div>
      <Footer source={m.source} asOf={m.asOf} brand={m.brand} p={p} height={m.footerHeight} stacked={m.compact} />
    </Card>
  );
}
