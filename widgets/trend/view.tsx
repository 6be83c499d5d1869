/** @jsxImportSource satori/jsx */
import { Card, DeltaChips, Footer, Lines, lineHeight, type Palette } from '../../src/kit';
import type { Marker, TrendModel } from './model';

function Label(props: { m: Marker; size: number; color: string }) {
  const { m, size } = props;
  return (
    <div
      style={{
        position: 'absolute',
        left: m.box.left,
        top: m.box.top,
        width: m.box.width,
        height: m.box.height,
        display: 'flex',
        alignItems: 'center',
        fontSize: size,
        fontWeight: m.bold ? 700 : 400,
        color: props.color,
        whiteSpace: 'nowrap',
      }}
    >
      {m.label}
    </div>
  );
}

/** From the point to the nearest edge of its label, when the label had to move away. */
function leader(m: Marker): { x2: number; y2: number } {
  const b = m.box;
  return {
    x2: Math.max(b.left, Math.min(b.left + b.width, m.x)),
    y2: m.y < b.top ? b.top : m.y > b.top + b.height ? b.top + b.height : m.y,
  };
}

export function TrendView(props: { m: TrendModel; p: Palette }) {
  const { m, p } = props;
  const c = m.chart;
  const ty = m.type;
  const ex = c.extreme;
  return (
    <Card width={m.width} height={m.height} pad={ty.pad} p={p}>
      <div style={{ display: 'flex', height: m.headerHeight, justifyContent: 'space-between', flexShrink: 0 }}>
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <Lines b={m.heading} color={p.text} />
          {ty.compact ? (
            <div style={{ display: 'flex', alignItems: 'baseline', height: lineHeight(m.valueSize) + 2 }}>
              <span style={{ fontSize: m.valueSize, fontWeight: 700 }}>{m.value}</span>
              <span style={{ fontSize: ty.body, color: p.muted, marginLeft: 8 }}>{m.month}</span>
            </div>
          ) : null}
          {m.deck.lines.length ? (
            <div style={{ display: 'flex', marginTop: 4 }}>
              <Lines b={m.deck} color={p.muted} />
            </div>
          ) : null}
          <div style={{ display: 'flex', marginTop: 6 }}>
            <DeltaChips items={m.deltas} p={p} size={ty.body} stacked={m.deltasStacked} />
          </div>
        </div>
        {ty.compact ? null : (
          <div
            style={{
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'flex-end',
              flexShrink: 0,
              width: m.valueWidth,
            }}
          >
            <span style={{ fontSize: m.valueSize, fontWeight: 700, lineHeight: `${lineHeight(m.valueSize)}px` }}>
              {m.value}
            </span>
            <span style={{ fontSize: ty.body, color: p.muted }}>{m.month}</span>
          </div>
        )}
      </div>
      <div
        style={{
          display: 'flex',
          position: 'relative',
          width: c.width,
          height: c.height,
          marginTop: ty.gap,
          marginBottom: ty.gap,
          flexShrink: 0,
        }}
      >
        <svg
          width={c.width}
          height={c.height}
          viewBox={`0 0 ${c.width} ${c.height}`}
          style={{ position: 'absolute', left: 0, top: 0 }}
        >
          {c.yTicks.map((t, i) => (
            <line
              x1={c.plotLeft}
              x2={c.width}
              y1={t.pos}
              y2={t.pos}
              stroke={i === 0 ? p.axis : p.grid}
              stroke-width={1}
            />
          ))}
          {c.area ? <path d={c.area} fill={p.area} stroke="none" /> : null}
          <path
            d={c.line}
            fill="none"
            stroke={p.accent}
            stroke-width={ty.compact ? 2 : 2.5}
            stroke-linejoin="round"
            stroke-linecap="round"
          />
          {ex?.box.far ? <line x1={ex.x} y1={ex.y} {...leader(ex)} stroke={p.axis} stroke-width={1} /> : null}
          {c.latest.box.far ? (
            <line x1={c.latest.x} y1={c.latest.y} {...leader(c.latest)} stroke={p.axis} stroke-width={1} />
          ) : null}
          {ex ? <circle cx={ex.x} cy={ex.y} r={3.5} fill={p.bg} stroke={p.marker} stroke-width={1.75} /> : null}
          <circle cx={c.latest.x} cy={c.latest.y} r={4} fill={p.accent} stroke={p.bg} stroke-width={1.5} />
        </svg>
        {c.yTicks.map((t) => (
          <div
            style={{
              position: 'absolute',
              left: 0,
              top: t.pos - lineHeight(c.tickSize) / 2,
              width: c.plotLeft - 8,
              height: lineHeight(c.tickSize),
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'flex-end',
              fontSize: c.tickSize,
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
              left: t.left,
              top: c.plotBottom + 4,
              width: t.width + 2,
              height: lineHeight(c.tickSize),
              display: 'flex',
              fontSize: c.tickSize,
              color: p.muted,
              whiteSpace: 'nowrap',
            }}
          >
            {t.label}
          </div>
        ))}
        {ex ? <Label m={ex} size={ty.body} color={p.marker} /> : null}
        <Label m={c.latest} size={ty.body} color={p.text} />
      </div>
      <Footer f={m.footer} p={p} />
    </Card>
  );
}
