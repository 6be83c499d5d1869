import { WIDTH } from '../limits';
import { textWidth, wrap } from './measure';

/** Type sizes and spacing for a card width: a compact set below 480 px, otherwise scaled with width. */
export interface Type {
  compact: boolean;
  pad: number;
  gap: number;
  title: number;
  deck: number;
  body: number;
  small: number;
  big: number;
}

export function typeFor(width: number): Type {
  if (width < WIDTH.compactBelow)
    return { compact: true, pad: 14, gap: 8, title: 17, deck: 13, body: 12, small: 11, big: 30 };
  const k = Math.min(1.6, Math.max(1, width / 640));
  const r = (n: number) => Math.round(n * k * 2) / 2;
  return { compact: false, pad: r(20), gap: r(10), title: r(21), deck: r(14), body: r(13), small: r(11.5), big: r(36) };
}

export const lineHeight = (size: number): number => Math.ceil(size * 1.3);

/** Lines already broken by the model, so nothing ever wraps a card's text (or breaks inside a number). */
export interface TextBlock {
  lines: string[];
  size: number;
  bold: boolean;
  height: number;
}

export function block(text: string, size: number, maxWidth: number, maxLines: number, bold = false): TextBlock {
  const lines = text ? wrap(text, size, maxWidth, maxLines, bold) : [];
  return { lines, size, bold, height: lines.length * lineHeight(size) };
}

interface FooterRow {
  left: string;
  right: string;
}
export interface FooterModel {
  rows: FooterRow[];
  size: number;
  height: number;
}

/**
 * Source and release left, service name right, the as-of month always shown. One row when it all
 * fits; otherwise the source gets its own line(s) and as-of shares a row with the service name.
 */
export function footerModel(
  source: string,
  asOf: string,
  brand: string,
  size: number,
  width: number,
  /** Lines above the source: a numbered list of events, computed caveats. Each wraps, never cut short. */
  extra: readonly string[] = [],
): FooterModel {
  const gap = size * 1.5;
  const above = extra.flatMap((l) => wrap(l, size, width, 20).map((left) => ({ left, right: '' })));
  const one = `${source} · ${asOf}`;
  let rows: FooterRow[];
  if (textWidth(one, size) + gap + textWidth(brand, size) <= width) rows = [{ left: one, right: brand }];
  else {
    const src = wrap(source, size, width, 2);
    rows = [...src.map((l) => ({ left: l, right: '' })), { left: asOf, right: brand }];
    if (textWidth(asOf, size) + gap + textWidth(brand, size) > width)
      rows = [...src.map((l) => ({ left: l, right: '' })), { left: asOf, right: '' }, { left: brand, right: '' }];
  }
  rows = [...above, ...rows];
  return { rows, size, height: rows.length * lineHeight(size) + Math.ceil(size * 0.6) };
}
