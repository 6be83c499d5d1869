import satori, { init } from 'satori/standalone';
import yoga from 'satori/yoga.wasm';
import { FONTS } from './fonts';
import { autoThemeStyle, dark, light, type ThemeName } from './theme';

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

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/**
 * Satori draws nested `<svg>` as `<image href="data:image/svg+xml…">`. We inline those so the
 * document has no data: references and so the auto-theme CSS reaches the chart too.
 */
export function inlineSvgImages(svg: string): string {
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

/** Adds what satori does not: role, lang, title, desc, and the auto-theme style. */
export function decorate(svg: string, meta: SvgMeta): string {
  const style =
    meta.theme === 'auto' ? `<style>${autoThemeStyle(meta.autoLight ?? light, meta.autoDark ?? dark)}</style>` : '';
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
): Promise<string> {
  await ensureYoga();
  const raw = await satori(element, { width: size.width, height: size.height, fonts: FONTS });
  return decorate(inlineSvgImages(raw), meta);
}
