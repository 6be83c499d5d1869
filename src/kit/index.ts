/**
 * The kit: everything a widget may use from the app, in one place. Widgets import from here and
 * from their own folder only (an ESLint rule enforces it), so the app can change behind it.
 */
export type { CardModel, Widget, WidgetInput } from './widget';
export { defineWidget } from './widget';
export { CardOptions, eventsParam, intParam, monthsParam } from '../card/options';
export { daysIn } from '../card/load';
export { PNG_SIZES } from '../limits';
export { fmt, plural } from '../copy';
export type { Palette } from '../render/theme';
export { contrast } from '../render/theme';
export { addMonths, fiscalYearOf } from '../series/facts';
export { Dimension, SeriesId, type Point } from '../series/schema';
export { familyCheck } from '../series/family';
export { monthTicks, yAxis, yLabelWidth, type Tick } from './axis';
export { placeLabel, spreadApart, type Box } from './labels';
export { block, footerModel, lineHeight, typeFor, type FooterModel, type TextBlock, type Type } from './layout';
export { fitSize, glue, textWidth } from './measure';
export { sparkline, type Spark } from './spark';
export { areaPath, band, linePath, linear } from './scale';
export { at, background, deltaChips, footer, lines, textEnd, titleAndDeck } from './paint';
export { circle, line, path, place, rect, text, type Shape } from '../render/draw';
export {
  caveats,
  deckText,
  descEnd,
  deltas,
  describe,
  eventsIn,
  footerSource,
  headline,
  monthTable,
  valueMonth,
  rankText,
  valueClause,
  windowText,
  type DeltaText,
} from './text';
export { eventLayer, type EventLayer } from './events';
export { paintEvents } from './eventpaint';
export { familyNotes, familyRows, familySpan, membersOf, spanText, topRows, type FamilyRow } from './family';
export { monthStops } from './explore';
