import satori, { init } from 'satori/standalone';
import yoga from 'satori/yoga.wasm';
import { FONTS, fontFaceCss } from './fonts';
import { autoThemeStyle, dark, light, type ThemeName } from './theme';
import { escapeXml, stripIllegal } from './xml';

let ready: Promise<void> | undefined;
/** yoga is compiled once per isolate, on first use, not at start-up (1 s start-up limit). */
function ensureYoga(): Promise<void> {
  return (ready ??= init(yoga).catch((e: unknown) => {
    ready = undefined;
    throw e;
  }));
}

export interface SvgMeta {
  title: string;
  desc: string;
  lang: string;
  theme: ThemeName;
  /** Dark palette for `auto` when the caller changed the accent. */
  autoDark?: Parameters<typeof autoThemeStyle>[1];
  autoLight?: Parameters<typeof autoThemeStyle>[0];
}

/**
 * Satori draws nested `<svg>` as `<image href="data:image/svg+xml…">`. We inline those so the
 * document has no data: references and so the auto-theme CSS reaches the chart too.
 */
function inlineSvgImages(svg: string): string {
  return svg.replace(
    /<image x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)" href="data:image\/svg\+xml;utf8,([^"]*)"[^>]*\/>/g,
    (_m, x: string, y: string, w: string, h: string, data: string) => {
      const inner = decodeURIComponent(data);
      return inner.replace(/^<svg([^>]*)>/, (_o, attrs: string) => {
        const kept = attrs.replace(/\s(?:x|y|width|height|style)="[^"]*"/g, '');
        return `<svg x="${x}" y="${y}" width="${w}" height="${h}" overflow="visible"${kept}>`;
      });
    },
  );
}

/**
 * How text reaches the output. `fonts` (SVG): real `<text>` elements, each with the width satori
 * measured as its `textLength`, and the Inter subset embedded once as `@font-face` — three times
 * cheaper to render and six times smaller than paths, selectable, and laid out right even where a
 * reader's CSP or tool refuses the embedded font (the fallback font is stretched to the same width).
 * `paths` (PNG): satori draws every glyph as a path, so resvg needs no fonts.
 */
export type TextMode = 'fonts' | 'paths';

/**
 * Satori's `<text>` carries its measured box as `width`/`height`, which SVG ignores on text. The
 * width becomes `textLength`; whitespace-only runs (satori emits the spaces between words as their
 * own elements) draw nothing and are dropped.
 */
function fitText(svg: string): string {
  return svg
    .replace(/<text [^>]*>\s*<\/text>/g, '')
    .replace(
      /(<text x="[\d.-]+" y="[\d.-]+") width="([\d.]+)" height="[\d.]+"/g,
      (_m, head: string, w: string) => `${head} textLength="${w}" lengthAdjust="spacingAndGlyphs"`,
    );
}

/** Adds what satori does not: role, lang, title, desc, the embedded font and the auto-theme style. */
function decorate(svg: string, meta: SvgMeta, text: TextMode): string {
  const theme = meta.theme === 'auto' ? autoThemeStyle(meta.autoLight ?? light, meta.autoDark ?? dark) : '';
  const css = (text === 'fonts' ? fontFaceCss(svg) : '') + theme;
  const style = css ? `<style>${css}</style>` : '';
  return svg.replace(
    /^<svg ([^>]*)>/,
    (_m, attrs: string) =>
      `<svg ${attrs} role="img" aria-labelledby="t d" lang="${escapeXml(meta.lang)}">` +
      `<title id="t">${escapeXml(meta.title)}</title><desc id="d">${escapeXml(meta.desc)}</desc>${style}`,
  );
}

export async function renderSvg(
  element: Parameters<typeof satori>[0],
  size: { width: number; height: number },
  meta: SvgMeta,
  text: TextMode = 'fonts',
): Promise<string> {
  await ensureYoga();
  const embedFont = text === 'paths';
  // Satori tries every string style value ('flex', '#1a1a1a', '100%') as a CSS length and learns
  // that it is not one from a thrown and caught Error: dozens per card. Those errors never escape,
  // so their stack traces are pure cost (a quarter of a chart's render). Satori's work here is
  // synchronous or waits only on microtasks (no I/O: fonts are in memory, images are data URIs), so
  // no other request runs inside this window; real errors keep their stacks outside it.
  const V8Error = Error as ErrorConstructor & { stackTraceLimit: number };
  const limit = V8Error.stackTraceLimit;
  V8Error.stackTraceLimit = 0;
  let raw: string;
  try {
    raw = await satori(element, { width: size.width, height: size.height, fonts: FONTS, embedFont });
  } finally {
    V8Error.stackTraceLimit = limit;
  }
  const svg = inlineSvgImages(raw);
  // Text drawn from stored strings could still carry a character XML forbids: drop it.
  return stripIllegal(decorate(embedFont ? svg : fitText(svg), meta, text));
}
