/** @jsxImportSource satori/jsx */
import { Card, Footer, Lines, lineHeight, type Palette } from '../../src/kit';
import type { BarsModel } from './model';

export function BarsView(props: { m: BarsModel; p: Palette }) {
  const { m, p } = props;
  const c = m.chart;
  const ty = m.type;
  const lh = lineHeight(ty.small);
  return (
    <Card width={m.width} height={m.height} pad={ty.pad} p={p}>
      <Lines b={m.heading} color={p.text} />
      <div style={{ display: 'flex', marginTop: 4 }}>
        <Lines b={m.deck} color={p.muted} />
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
          {c.yTicks.map((t) => (
            <line x1={c.plotLeft} x2={c.width} y1={t.pos} y2={t.pos} stroke={p.grid} stroke-width={1} />
          ))}
          {m.bars.map((b) => (
            <rect
              x={b.x}
              y={b.y}
              width={b.w}
              height={Math.max(0, b.h)}
              fill={b.partial ? p.area : p.accent}
              stroke={b.partial ? p.accent : 'none'}
              stroke-width={b.partial ? 1.5 : 0}
              stroke-dasharray={b.partial ? '4 3' : undefined}
            />
          ))}
          <line x1={c.plotLeft} x2={c.width} y1={c.plotBottom} y2={c.plotBottom} stroke={p.axis} stroke-width={1} />
        </svg>
        {c.yTicks.map((t) => (
          <div
            style={{
              position: 'absolute',
              left: 0,
              top: t.pos - lh / 2,
              width: c.plotLeft - 8,
              height: lh,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'flex-end',
              fontSize: ty.small,
              color: p.muted,
            }}
          >
            {t.label}
          </div>
        ))}
        {m.bars
          .filter((b) => b.value)
          .map((b) => (
            <div
              style={{
                position: 'absolute',
                left: b.x - 20,
                top: b.y - lh - 1,
                width: b.w + 40,
                height: lh,
                display: 'flex',
                justifyContent: 'center',
                fontSize: ty.small,
                fontWeight: 700,
                color: p.text,
              }}
            >
              {b.value}
            </div>
          ))}
        {c.xTicks.map((t) => (
          <div
            style={{
              position: 'absolute',
              left: t.left,
              top: c.plotBottom + 4,
              width: t.width + 2,
              height: lh,
              display: 'flex',
              fontSize: ty.small,
              color: p.muted,
              whiteSpace: 'nowrap',
            }}
          >
            {t.label}
          </div>
        ))}
      </div>
      <Footer f={m.footer} p={p} />
    </Card>
  );
}
