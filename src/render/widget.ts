import type { z } from 'zod';
import type satori from 'satori/standalone';
import type { Facts } from '../series/facts';
import type { Point, StoredSeries } from '../series/schema';
import type { Lang, Strings } from '../lib/i18n';
import type { TextMode } from './svg';
import type { Palette } from './theme';
import type { CardOptions } from './options';

export type Element = Parameters<typeof satori>[0];

/** Everything a widget may look at; built once per request by the render pipeline. */
export interface WidgetInput<O extends CardOptions = CardOptions> {
  stored: StoredSeries;
  /** The series cut at `as_of` (all months up to it). */
  points: Point[];
  facts: Facts;
  opts: O;
  lang: Lang;
  t: Strings;
  brand: string;
  /** A fixed canvas (PNG size presets such as og 1200×630); widgets lay out to fit it. */
  frame?: { width: number; height: number };
}

export interface Rendered {
  element: Element;
  width: number;
  height: number;
  /** Short accessible name (`<title>`). */
  title: string;
  /** One generated sentence (`<desc>`): what, latest value, change, source. */
  desc: string;
}

/**
 * The widget contract: one folder under widgets/ with a zod schema for its options, a pure model
 * and a pure satori view. `render` must not read anything but its input.
 */
export interface Widget<O extends CardOptions = CardOptions> {
  name: string;
  schema: z.ZodType<O, unknown>;
  render(input: WidgetInput<O>, p: Palette): Rendered;
  /**
   * How the SVG carries its text (see `TextMode` in src/render/svg.ts). Default `fonts`: `<text>`
   * with the font embedded (~60 KB, rendered 3× faster). A card with a few words, such as a badge,
   * is smaller with `paths`. PNGs always use paths.
   */
  svgText?: TextMode;
}
