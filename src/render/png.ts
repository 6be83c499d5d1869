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
 * SVG → PNG at `width` pixels. PNG callers render with `TextMode` `paths`: satori has turned all
 * text into glyph paths, so resvg needs no fonts and draws the same Inter glyphs as the SVG. resvg ignores `prefers-color-scheme`: PNGs are
 * always rendered from an explicit light or dark SVG.
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
