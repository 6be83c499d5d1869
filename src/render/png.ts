import { Resvg, initWasm } from '@resvg/resvg-wasm';
import wasm from '@resvg/resvg-wasm/index_bg.wasm';

let ready: Promise<void> | undefined;
function ensureResvg(): Promise<void> {
  return (ready ??= initWasm(wasm).catch((e: unknown) => {
    ready = undefined;
    throw e;
  }));
}

/**
 * SVG → PNG at `width` pixels. Cards draw their text from glyph outlines (src/render/draw.ts), so
 * resvg needs no fonts and draws the very glyphs the SVG shows. resvg ignores `prefers-color-scheme`:
 * PNGs are always rendered from an explicit light or dark SVG.
 */
export async function svgToPng(svg: string, width: number): Promise<Uint8Array> {
  await ensureResvg();
  const r = new Resvg(svg, { fitTo: { mode: 'width', value: Math.round(width) }, font: { loadSystemFonts: false } });
  const img = r.render();
  try {
    return img.asPng();
  } finally {
    img.free();
    r.free();
  }
}

/** The box the ink of an SVG covers, as resvg draws it (tests use it to check that text fits). */
export async function inkBox(svg: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  await ensureResvg();
  const r = new Resvg(svg, { font: { loadSystemFonts: false } });
  try {
    const b = r.getBBox();
    if (!b) return null;
    const box = { x: b.x, y: b.y, width: b.width, height: b.height };
    b.free();
    return box;
  } finally {
    r.free();
  }
}
