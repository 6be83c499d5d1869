import type { Explore } from './explore';
import type { z } from 'zod';
import type { CardOptions } from '../card/options';
import type { Copy, Lang } from '../copy';
import type { Shape } from '../render/draw';
import type { Palette } from '../render/theme';
import type { Facts } from '../series/facts';
import type { Point, StoredSeries } from '../series/schema';

/** One series as a card sees it: its stored version, its words in the card's language, the
 * months up to `as_of` in the measure the card shows, and the facts they prove. */
export interface CardSeries {
  id: string;
  stored: StoredSeries;
  /** The title, with ", per day" on a per-day card. */
  title: string;
  /** Short label (badges); the title when the series has none. */
  short: string;
  unit: string;
  /** The measure shown: monthly totals, or each month's total divided by its days. */
  per: 'month' | 'day';
  /** Every month up to `as_of` (not only the window the card shows), in the measure shown. */
  points: Point[];
  facts: Facts;
  /** The monthly totals themselves (what a per-day card divides; fiscal-year sums start here). */
  monthly: Point[];
  /** The other measure, so that a claim can say when it does not hold there too. */
  alt: { per: 'month' | 'day'; points: Point[]; facts: Facts };
  /** A value in the measure shown, as the card writes it (per day: one decimal below 100). */
  value(v: number): string;
}

/** A policy event as a card shows it: its words in the card's language, placed at its month(s). */
export interface CardEvent {
  id: string;
  kind: 'policy' | 'data-note';
  /** Calendar dates, YYYY-MM-DD (U.S. Eastern time, as the source gives them). */
  start: string;
  end?: string;
  /** The month a monthly axis places it at, and its last month for a range. */
  month: string;
  endMonth?: string;
  label: string;
  description: string;
  source: { name: string; url: string };
  citation: string;
}

/** Everything a widget's model may look at; built once per request by the card pipeline. */
export interface WidgetInput<O extends CardOptions = CardOptions> {
  /** The series the URL names. */
  s: CardSeries;
  /** Every series the card reads: `s` first, then those `reads()` asked for, in that order. */
  series: CardSeries[];
  /** Series read for computed caveats, when they exist (a total's components). */
  context: CardSeries[];
  /** The policy events the card's options choose, in date order (the widget keeps those in its window). */
  events: CardEvent[];
  opts: O;
  lang: Lang;
  t: Copy;
  brand: string;
  /** A fixed canvas (PNG size presets such as og 1200×630); widgets lay out to fit it. */
  frame?: { width: number; height: number };
}

/** What a card plots, as a table: the embed page's text alternative and table view. */
interface Table {
  /** Column headings: the row heading's first (e.g. "Month"), then one per value column. */
  columns: string[];
  rows: Array<{ head: string; cells: string[] }>;
}

/** What every widget model gives, without drawing anything: enough for a page, oEmbed or the gallery. */
export interface CardModel {
  width: number;
  height: number;
  /** Short accessible name (the SVG's `<title>`, the page's `<title>`). */
  title: string;
  /** One generated sentence (`<desc>`): what, latest value, change, claim, source. */
  desc: string;
  table: Table;
  /** The policy events the card shows (pages list them with their sources); none when absent. */
  events?: CardEvent[];
  /** The caveats it states, computed from the data (pages show them under the card). */
  notes?: string[];
  /** Periods a reader can step through on the embed page, with their readouts; none when absent. */
  explore?: Explore;
}

/**
 * The widget contract: a folder under widgets/ with a zod schema for its options, a pure model
 * (series and options in, pixels and finished strings out) and a pure view that paints that model
 * as shapes at absolute positions (src/render/draw.ts; helpers in src/kit/paint.ts).
 */
export interface Widget<O extends CardOptions = CardOptions, M extends CardModel = CardModel> {
  name: string;
  schema: z.ZodType<O, unknown>;
  /** Further series the card reads beyond the path's own, e.g. a comparison's `with=`. */
  reads?(opts: O): string[];
  /**
   * The breakdown the card draws, by dimension (`cit`, `state`, …): the pipeline reads every
   * member of the path series' family of that dimension, after the path's own series.
   */
  family?(opts: O): string;
  model(input: WidgetInput<O>): M;
  view(model: M, p: Palette): Shape[];
}

/** Erases a widget's own option and model types so the registry can hold every widget. */
export function defineWidget<O extends CardOptions, M extends CardModel>(w: Widget<O, M>): Widget {
  return w as unknown as Widget;
}
