import { advance } from '../render/draw';

/**
 * Text width in pixels, from the advances of the very glyphs that draw it (src/render/glyphs.gen.ts):
 * what layout measures is exactly what the card draws. Layout decides line breaks and font sizes
 * with it, so no text is ever wrapped or clipped by a viewer.
 */
export function textWidth(s: string, size: number, bold = false): number {
  return advance(s, size, bold ? 700 : 400);
}

/**
 * Greedy word wrap into at most `maxLines` lines. Breaks only at plain spaces (callers glue
 * "Aug 2026" with a no-break space); a word never splits, and an overlong last line is cut with "…".
 */
export function wrap(s: string, size: number, maxWidth: number, maxLines: number, bold = false): string[] {
  const words = s.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (!cur || textWidth(next, size, bold) <= maxWidth) cur = next;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur) lines.push(cur);
  if (lines.length <= maxLines && lines.every((l) => textWidth(l, size, bold) <= maxWidth)) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept.at(-1)!;
  const rest = lines.length > maxLines || textWidth(last, size, bold) > maxWidth;
  if (rest) {
    while (last.includes(' ') && textWidth(`${last}…`, size, bold) > maxWidth)
      last = last.slice(0, last.lastIndexOf(' '));
    kept[kept.length - 1] = `${last.replace(/[;,:]$/, '')}…`;
  }
  return kept;
}

/** The largest size from `sizes` (descending) at which `s` fits `maxWidth` on one line. */
export function fitSize(s: string, sizes: readonly number[], maxWidth: number, bold = false): number {
  return sizes.find((z) => textWidth(s, z, bold) <= maxWidth) ?? sizes.at(-1)!;
}

/** Glue a month and its year so a wrap never separates them. */
// Letters written out rather than \p{L}: a Unicode property class costs a fresh isolate milliseconds to build.
export const glue = (s: string): string =>
  s.replace(/ (\d{4})/g, '\u00a0$1').replace(/(\d) ([A-Za-z\u00c0-\u024f])/g, '$1\u00a0$2');
