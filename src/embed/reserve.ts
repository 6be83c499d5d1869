import { WIDTH } from '../limits';
import type { PageCard } from './card';

/**
 * Height of the embed page's furniture under the card: one row of controls (Chart | Table, and
 * "Source and notes"), fixed so that a snippet can reserve the page's height before it loads.
 */
export const BAR_HEIGHT = 36;

/** Frames narrower than this show the compact card (the page's `<source media>` says the same). */
const NARROW = WIDTH.compactBelow - 1;

const pct = (ratio: number) => `${+(ratio * 100).toFixed(4)}%`;
const px = (n: number) => `${+n.toFixed(3)}px`;

/** The embed page's default height in a frame `width` px wide: the card as drawn there, and the bar. */
export function pageHeightAt(info: PageCard, width: number): number {
  const { compact } = info;
  const card =
    compact && width <= NARROW
      ? (width * compact.height) / compact.width
      : info.fill
        ? (width * info.height) / info.width
        : (Math.min(width, info.width) * info.height) / info.width;
  return card + BAR_HEIGHT;
}

/**
 * The same height as one CSS length of the container's width, for a placeholder's `padding-top`
 * (a percentage there is a share of the containing block's width). Below 480 px the page switches
 * to the compact card, a step no single aspect ratio follows; `min`/`max` with a ramp one
 * hundredth of a pixel wide draw that step exactly, so the reserved box equals the page's height at
 * every width.
 */
export function reserveCss(info: PageCard): string {
  const r = info.height / info.width;
  const { compact } = info;
  let card: string;
  if (!info.fill) card = `min(${pct(r)}, ${px(info.height)})`;
  else if (!compact) card = pct(r);
  else {
    const rc = compact.height / compact.width;
    const atStep = rc * NARROW;
    // 100000 × (100% − 479px): 0 at 479 px, beyond any card height by 479.01 px.
    const ramp = `${px(atStep)} - (100% - ${NARROW}px) * 100000`;
    card =
      rc >= r
        ? `min(${pct(rc)}, max(${pct(r)}, ${ramp}))`
        : `max(${pct(rc)}, min(${pct(r)}, ${px(atStep)} + (100% - ${NARROW}px) * 100000))`;
  }
  return `calc(${card} + ${BAR_HEIGHT}px)`;
}
