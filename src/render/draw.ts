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

const drawn = new Map<string, string>();
/**
 * What is drawn for a character: itself when the card's glyphs have it; else its letters without
 * accents ("ç" → "c", "ﬁ" → "fi") when those are drawn; else "?", so a missing glyph shows instead of
 * leaving a silent gap. Measuring and drawing both go through this.
 */
function drawable(ch: string): string {
  if (GLYPHS[400].adv[ch] !== undefined) return ch;
  let out = drawn.get(ch);
  if (out === undefined) {
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out = base && [...base].every((c) => GLYPHS[400].adv[c] !== undefined) ? base : '?';
    drawn.set(ch, out);
  }
  return out;
}

/** The string as it is drawn (see `drawable`). */
const asDrawn = (s: string): string => {
  let out = '';
  for (const ch of s) out += drawable(ch);
  return out;
};

/** Width of `s` in pixels at `size`, from the glyphs that draw it. */
export function advance(s: string, size: number, weight: Weight = 400): number {
  const adv = GLYPHS[weight].adv;
  let w = 0;
  for (const ch of asDrawn(stripIllegal(s))) w += adv[ch]!;
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

/** Short, distinct ids for glyphs: a, b, …, z, A, …, Z, aa, …, after the card's scope. */
function glyphId(scope: string, i: number): string {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = abc[i % abc.length] + s;
    i = Math.floor(i / abc.length) - 1;
  } while (i >= 0);
  return scope + s;
}

interface Glyphs {
  scope: string;
  ids: Map<string, string>;
  defs: string[];
}

/**
 * A card's id prefix, from everything that decides its glyph ids and styles. A page that inlines
 * several cards' SVG markup (rather than `<img>`) then never resolves one card's `#id` to another
 * card's glyph, which would draw its digits with the other card's outlines; two cards with the
 * same prefix have the same text in the same order, so their ids mean the same glyphs anyway.
 */
function scopeOf(shapes: readonly Shape[], meta: SvgMeta): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  };
  const walk = (list: readonly Shape[]) => {
    for (const s of list)
      if (s.kind === 'text') mix(`${s.weight}${s.text}\u0000`);
      else if (s.kind === 'g') walk(s.children);
  };
  walk(shapes);
  mix(`${meta.theme}${meta.title}${meta.desc}`);
  return `c${(h >>> 0).toString(36).padStart(4, '0').slice(0, 4)}`;
}

function writeText(t: Extract<Shape, { kind: 'text' }>, glyphs: Glyphs): string {
  const table = GLYPHS[t.weight];
  const s = asDrawn(stripIllegal(t.text));
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
        id = glyphId(glyphs.scope, glyphs.ids.size);
        glyphs.ids.set(key, id);
        glyphs.defs.push(`<path id="${id}" d="${d}"/>`);
      }
      const ux = Math.round(at / QUANTUM);
      uses += ux ? `<use href="#${id}" x="${ux}"/>` : `<use href="#${id}"/>`;
    }
    at += table.adv[ch]!;
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
  const scope = scopeOf(shapes, meta);
  const glyphs: Glyphs = { scope, ids: new Map(), defs: [] };
  const body = write(shapes, glyphs);
  const style =
    meta.theme === 'auto' ? `<style>${autoThemeStyle(meta.autoLight, meta.autoDark, `#${scope}`)}</style>` : '';
  const { width: w, height: h } = size;
  return (
    `<svg id="${scope}" width="${num(w)}" height="${num(h)}" viewBox="0 0 ${num(w)} ${num(h)}" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${scope}-t ${scope}-d" lang="${escapeXml(meta.lang)}">` +
    `<title id="${scope}-t">${escapeXml(meta.title)}</title><desc id="${scope}-d">${escapeXml(meta.desc)}</desc>${style}` +
    (glyphs.defs.length ? `<defs>${glyphs.defs.join('')}</defs>` : '') +
    body +
    '</svg>'
  );
}
