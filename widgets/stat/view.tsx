/** @jsxImportSource satori/jsx */
import { Card, DeltaChips, Footer, Lines, lineHeight, type Palette, type Spark } from '../../src/kit';
import type { StatModel } from './model';

function SparkView(props: { s: Spark; p: Palette; stroke: number }) {
  const { s, p } = props;
  return (
    <svg width={s.width} height={s.height} viewBox={`0 0 ${s.width} ${s.height}`}>
      <line x1={0} x2={s.width} y1={s.height - 0.5} y2={s.height - 0.5} stroke={p.axis} stroke-width={1} />
      <path d={s.area} fill={p.area} stroke="none" />
      <path d={s.line} fill="none" stroke={p.accent} stroke-width={props.stroke} stroke-linejoin="round" />
      <circle cx={s.last[0]} cy={s.last[1]} r={props.stroke + 1.5} fill={p.accent} stroke={p.bg} stroke-width={1.5} />
    </svg>
  );
}

export function StatView(props: { m: StatModel; p: Palette }) {
  const { m, p } = props;
  const ty = m.type;
  const number = (
    <div style={{ display: 'flex', flexDirection: 'column', flexShrink: 0 }}>
      <div
        style={{
          display: 'flex',
          height: Math.ceil(m.valueSize),
          fontSize: m.valueSize,
          fontWeight: 700,
          lineHeight: 1,
        }}
      >
        {m.value}
      </div>
      <div style={{ display: 'flex', fontSize: ty.body, color: p.muted, height: lineHeight(ty.body) }}>{m.month}</div>
      <div style={{ display: 'flex', marginTop: 8 }}>
        <DeltaChips items={m.deltas} p={p} size={ty.body} stacked />
      </div>
    </div>
  );
  return (
    <Card width={m.width} height={m.height} pad={ty.pad} p={p}>
      <Lines b={m.heading} color={p.text} />
      <div style={{ display: 'flex', marginTop: 4 }}>
        <Lines b={m.deck} color={p.muted} />
      </div>
      <div
        style={{
          display: 'flex',
          flexDirection: m.side ? 'row' : 'column',
          justifyContent: 'space-between',
          alignItems: m.side ? 'flex-end' : 'flex-start',
          flexGrow: 1,
          marginTop: ty.gap,
          marginBottom: ty.gap,
        }}
      >
        {number}
        <div style={{ display: 'flex', flexDirection: 'column', marginTop: m.side ? 0 : ty.gap }}>
          <SparkView s={m.spark} p={p} stroke={ty.compact ? 2 : 2.5} />
          <div
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              width: m.spark.width,
              height: lineHeight(ty.small) + 2,
              flexShrink: 0,
              paddingTop: 2,
              fontSize: ty.small,
              color: p.muted,
            }}
          >
            <span>{m.sparkSpan[0]}</span>
            <span>{m.sparkSpan[1]}</span>
          </div>
        </div>
      </div>
      <Footer f={m.footer} p={p} />
    </Card>
  );
}
