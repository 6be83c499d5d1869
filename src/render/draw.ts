import { ASCENDER, DESCENDER, GLYPHS, QUANTUM, UPM } from './glyphs.gen';
import { autoThemeStyle, type Palette, type ThemeName } from './theme';
import { escapeXml, stripIllegal } from './xml';

/**
 * The card renderer: a card is a flat list of shapes at absolute positions, computed by its
 * widget's model and view, written out as one SVG. Text is drawn with Inter's own outlines: each
 * glyph a card uses is defined once (`<defs>`) and placed with `<use>`, so every viewer (a browser
 * in `<img>`, the file opened on its own under its CSP, librsvg, resvg for PNGs) draws the same
 * glyphs in the same places, with no font to load. The words stay readable to assistive technology
 * in the SVG's `<title>` and `<desc>`.
 */
export type Attrs = Record<string, string | number | null | undefined>;
export type Weight = 400 | 700;
export type Anchor = 'start' | 'middle' | 'end';

export type Shape =
  | { kind: 'el'; tag: 'rect' | 'path' | 'line' | 'circle' | 'polyline'; a: Attrs }
  | { kind: 'g'; a: Attrs; children: Shape[] }
  | { kind: 'text'; x: number; y: number; text: string; size: number; weight: Weight; fill: string; anchor: Anchor };

export const rect = (a: Attrs): Shape => ({ kind: 'el', tag: 'rect', a });
export const path = (a: Attrs): Shape => ({ kind: 'el', tag: 'path', a });
export const line = (a: Attrs): Shape => ({ kind: 'el', tag: 'line', a });
export const circle = (a: Attrs): Shape => ({ kind: 'el', tag: 'circle', a });
export const group = (a: Attrs, children: Shape[]): Shape => ({ kind: 'g', a, children });

/** A run of text whose baseline starts at (x, y); `anchor` aligns its start, middle or end there. */
export function text(
  x: number,
  y: number,
  s: string,
  size: number,
  fill: string,
  opts: { weight?: Weight; anchor?: Anchor } = {},
): Shape {
  return { kind: 'text', x, y, text: s, size, weight: opts.weight ?? 400, fill, anchor: opts.anchor ?? 'start' };
}

// --- text metrics: the same advances measure and draw -------------------------------------------

/** What a character without a glyph in the subset advances by: the width of `o`. */
const FALLBACK: Record<Weight, number> = { 400: GLYPHS[400].adv.o!, 700: GLYPHS[700].adv.o! };

/** Width of `s` in pixels at `size`, from the glyphs that draw it. */
export function advance(s: string, size: number, weight: Weight = 400): number {
  const adv = GLYPHS[weight].adv;
  let w = 0;
  for (const ch of s) w += adv[ch] ?? FALLBACK[weight];
  return (w * size) / UPM;
}

/** How far the baseline sits below the top of a text box of `size`. */
const ascent = (size: number): number => (ASCENDER * size) / UPM;
/** The height of a text box of `size`: ascender to descender. */
const textHeight = (size: number): number => ((ASCENDER - DESCENDER) * size) / UPM;

/**
 * Where text sits, in the rules of the flexbox layout the cards were designed in (yoga, as satori
 * ran it): box edges snap to the nearest pixel, a text box's edges snap down, a text box is as tall
 * as the font (ascender to descender), and glyphs in a line box of a set height are centred in it.
 * Cards drawn by these rules put every glyph on the pixel it had before.
 */
export const place = {
  /** The baseline of a line of text in a line box of height `lh` whose top is at `top`. */
  line: (top: number, lh: number, size: number): number =>
    Math.round(Math.round(top) + (lh - textHeight(size)) / 2 + ascent(size)),
  /** The baseline of a text box centred (vertically) in a box of height `boxH` whose top is at `top`. */
  centred: (top: number, boxH: number, size: number): number =>
    Math.round(Math.floor(top + (boxH - textHeight(size)) / 2 + 1e-6) + ascent(size)),
  /** The baseline of a text box at the top of a box whose top is at `top`. */
  top: (top: number, size: number): number => Math.round(Math.floor(top + 1e-6) + ascent(size)),
  /** The baseline of a text box aligned by its bottom edge to a box of height `boxH` (flex `baseline`). */
  bottom: (top: number, boxH: number, size: number): number =>
    Math.round(Math.floor(top + boxH - textHeight(size) + 1e-6) + ascent(size)),
  /** The left of text of width `w` ending at `right` (a text box is whole pixels wide). */
  end: (right: number, w: number): number => Math.round(right) - Math.ceil(w - 1e-6),
  /** The width a text box takes in a row: whole pixels. */
  width: (w: number): number => Math.ceil(w - 1e-6),
  /** The height of a text box of `size`. */
  height: textHeight,
};

// --- writing SVG -----------------------------------------------------------------------------------

/** Numbers as short as they can be: at most two decimals, no trailing zeros. */
function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  return out;
}

/** Short, distinct ids for glyphs: a, b, …, z, A, …, Z, aa, …; prefixed so several cards can share a page. */
function glyphId(i: number): string {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = abc[i % abc.length] + s;
    i = Math.floor(i / abc.length) - 1;
  } while (i >= 0);
  return `g${s}`;
}

interface Glyphs {
  ids: Map<string, string>;
  defs: string[];
}

function writeText(t: Extract<Shape, { kind: 'text' }>, glyphs: Glyphs): string {
  const table = GLYPHS[t.weight];
  const s = stripIllegal(t.text);
  const width = advance(s, t.size, t.weight);
  const x = t.anchor === 'end' ? t.x - width : t.anchor === 'middle' ? t.x - width / 2 : t.x;
  let at = 0;
  let uses = '';
  for (const ch of s) {
    const d = table.d[ch];
    if (d) {
      const key = `${t.weight}${ch}`;
      let id = glyphs.ids.get(key);
      if (!id) {
        id = glyphId(glyphs.ids.size);
        glyphs.ids.set(key, id);
        glyphs.defs.push(`<path id="${id}" d="${d}"/>`);
      }
      const ux = Math.round(at / QUANTUM);
      uses += ux ? `<use href="#${id}" x="${ux}"/>` : `<use href="#${id}"/>`;
    }
    at += table.adv[ch] ?? FALLBACK[t.weight];
  }
  if (!uses) return '';
  // Outlines and positions are in QUANTUM font units.
  const k = Number(((t.size * QUANTUM) / UPM).toPrecision(5));
  return `<g fill="${escapeXml(t.fill)}" transform="translate(${num(x)} ${num(t.y)}) scale(${k})">${uses}</g>`;
}

function write(shapes: readonly Shape[], glyphs: Glyphs): string {
  let out = '';
  for (const s of shapes) {
    if (s.kind === 'text') out += writeText(s, glyphs);
    else if (s.kind === 'g') out += `<g${attrs(s.a)}>${write(s.children, glyphs)}</g>`;
    else out += `<${s.tag}${attrs(s.a)}/>`;
  }
  return out;
}

export interface SvgMeta {
  title: string;
  desc: string;
  lang: string;
  theme: ThemeName;
  /** The palettes an `auto` card switches between with the reader's colour scheme. */
  autoLight: Palette;
  autoDark: Palette;
}

/**
 * Shapes → one SVG document. `auto` cards are drawn in the light palette and carry CSS that
 * re-colours them for dark readers (CSS beats presentation attributes, and `<use>` inherits fill).
 */
export function toSvg(shapes: readonly Shape[], size: { width: number; height: number }, meta: SvgMeta): string {
  const glyphs: Glyphs = { ids: new Map(), defs: [] };
  const body = write(shapes, glyphs);
  const style = meta.theme === 'auto' ? `<style>${autoThemeStyle(meta.autoLight, meta.autoDark)}</style>` : '';
  const { width: w, height: h } = size;
  return (
    `<svg width="${num(w)}" height="${num(h)}" viewBox="0 0 ${num(w)} ${num(h)}" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="t d" lang="${escapeXml(meta.lang)}">` +
    `<title id="t">${escapeXml(meta.title)}</title><desc id="d">${escapeXml(meta.desc)}</desc>${style}` +
    (glyphs.defs.length ? `<defs>${glyphs.defs.join('')}</defs>` : '') +
    body +
    '</svg>'
  );
}
