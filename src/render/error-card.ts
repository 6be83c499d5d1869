import { copy, type Lang } from '../copy';
import { wrap } from '../kit/measure';
import { place, rect, text, toSvg, type Shape } from './draw';
import { svgToPng } from './png';
import { autoThemeStyle, dark, light, palette } from './theme';
import { escapeXml } from './xml';

/**
 * The image an image URL returns when it cannot show its chart: still an image, saying why, and
 * cheap, since anyone can ask for bad URLs. An SVG error is written by hand (microseconds, the
 * exact problem in its text); a PNG error says only its status's words, so there are a few dozen
 * of them (status × language × theme × width class), each drawn once and then cached.
 */
export interface ErrorCardInput {
  status: number;
  title: string;
  detail: string;
  lang: Lang;
  theme: 'light' | 'dark' | 'auto';
  width: number;
}

const height = (width: number) => Math.max(160, Math.round(width * 0.3));
const FONT = 'Inter,"Helvetica Neue",Arial,sans-serif';
// (An SVG error is written by hand with a font stack; a PNG error is drawn from the glyph outlines.)

/** The error card's id prefix and CSS scope, so that its style reaches nothing else on a page that inlines it. */
const SCOPE = 'bserr';

export function errorSvg(e: ErrorCardInput): string {
  const t = copy[e.lang];
  const w = e.width;
  const h = height(w);
  const p = e.theme === 'dark' ? dark : light;
  const pad = 20;
  const detail = wrap(e.detail.slice(0, 300), 13, w - pad * 2, Math.floor((h - 92) / 18));
  const text = (x: number, y: number, size: number, fill: string, s: string, bold = false) =>
    `<text x="${x}" y="${y}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${fill}">${escapeXml(s)}</text>`;
  const style =
    `<style>#${SCOPE} text{font-family:${FONT}}` +
    (e.theme === 'auto' ? autoThemeStyle(light, dark, `#${SCOPE}`) : '') +
    '</style>';
  return (
    `<svg id="${SCOPE}" xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="${SCOPE}-t ${SCOPE}-d" lang="${e.lang}">` +
    `<title id="${SCOPE}-t">${escapeXml(`${t.errorCard}: ${e.title}`)}</title><desc id="${SCOPE}-d">${escapeXml(e.detail)}</desc>${style}` +
    `<rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" fill="${p.bg}" stroke="${p.grid}"/>` +
    text(pad, 36, 12, p.muted, `${t.errorCard} · ${e.status}`) +
    text(pad, 62, 18, p.text, e.title.slice(0, 80), true) +
    detail.map((l, i) => text(pad, 88 + i * 18, 13, p.muted, l)).join('') +
    `</svg>`
  );
}

/** The generic error PNG for a status: the status's own words, drawn from the glyph outlines. */
export async function errorPng(
  status: number,
  lang: Lang,
  theme: 'light' | 'dark',
  width: number,
): Promise<Uint8Array> {
  const t = copy[lang];
  const h = height(width);
  const p = palette(theme);
  const pad = 20;
  const lines: Array<[number, string, string, boolean]> = [
    [12, p.muted, `${t.errorCard} · ${status}`, false],
    [18, p.text, t.errorTitle(status), true],
    [13, p.muted, t.errorHint(status), false],
  ];
  // Three lines, 6 px apart, centred in the card.
  const block = lines.reduce((s, [size]) => s + place.height(size), 0) + 12;
  let top = Math.round((h - block) / 2);
  const shapes: Shape[] = [rect({ x: 0.5, y: 0.5, width: width - 1, height: h - 1, fill: p.bg, stroke: p.grid })];
  for (const [size, fill, s, bold] of lines) {
    shapes.push(text(pad, place.top(top, size), s, size, fill, { weight: bold ? 700 : 400 }));
    top += place.height(size) + 6;
  }
  const svg = toSvg(
    shapes,
    { width, height: h },
    {
      title: `${t.errorCard}: ${t.errorTitle(status)}`,
      desc: t.errorHint(status),
      lang,
      theme,
      autoLight: light,
      autoDark: dark,
    },
  );
  return svgToPng(svg, width);
}
