/**
 * The yardstick: a hand-written SVG string of the same kind of card (title, deck, polyline of the
 * last 36 months, axis labels, footer), with no layout engine. Widgets are reported as multiples of it.
 */
const esc = (s) => String(s).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function baselineSvg(series, width = 640, height = 400) {
  const pts = series.points.slice(-36);
  const max = Math.max(...pts.map((p) => p.value));
  const x = (i) => 40 + (i * (width - 80)) / (pts.length - 1);
  const y = (v) => height - 60 - (v / max) * (height - 160);
  const line = pts.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = pts.at(-1);
  const ticks = [0, 0.5, 1]
    .map((f) => `<text x="8" y="${y(max * f).toFixed(1)}" font-size="11">${Math.round((max * f) / 1000)}K</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${esc(series.title)}</title><rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="16" y="32" font-size="20" font-weight="700">${esc(series.title)}</text>` +
    `<text x="16" y="56" font-size="14">${esc(`${last.value.toLocaleString('en-US')} in ${last.period}`)}</text>` +
    `${ticks}<polyline points="${line}" fill="none" stroke="#1f5fa8" stroke-width="2"/>` +
    `<text x="16" y="${height - 16}" font-size="11">${esc(`Source: ${series.source.name}`)}</text></svg>`
  );
}
