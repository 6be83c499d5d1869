import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff';
import inter400w2 from '@fontsource/inter/files/inter-latin-400-normal.woff2';
import inter700w2 from '@fontsource/inter/files/inter-latin-700-normal.woff2';

/**
 * One font array for the isolate's life: satori caches parsed fonts per array identity, so a fresh
 * array per call costs several times more. Latin subset covers English and Spanish.
 */
export const FONTS = [
  { name: 'Inter', data: inter400, weight: 400 as const, style: 'normal' as const },
  { name: 'Inter', data: inter700, weight: 700 as const, style: 'normal' as const },
];

/**
 * The same Inter subset as WOFF2, for SVGs that keep their text as `<text>`: embedded as data URIs
 * (an SVG inside `<img>` may load nothing from the network). Encoded once per isolate, on first use.
 */
const WOFF2 = { 400: inter400w2, 700: inter700w2 } as const;
const faces = new Map<number, string>();

function base64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function face(weight: 400 | 700): string {
  let f = faces.get(weight);
  if (!f) {
    f = `@font-face{font-family:inter;font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${base64(WOFF2[weight])}) format("woff2")}`;
    faces.set(weight, f);
  }
  return f;
}

/**
 * `@font-face` rules for the weights `svg` uses, and a fallback stack for readers whose viewer
 * refuses embedded fonts (the SVG's own CSP does, when the file is opened on its own).
 */
export function fontFaceCss(svg: string): string {
  const used = ([400, 700] as const).filter((w) => svg.includes(`font-weight="${w}"`));
  return used.map(face).join('') + 'text{font-family:inter,"Helvetica Neue",Arial,sans-serif}';
}
