import { HttpError, describeIssues, notFoundSeries } from '../lib/errors';
import { strings } from '../lib/i18n';
import type { CardOptions } from '../render/options';
import { palette } from '../render/theme';
import type { Widget } from '../render/widget';
import { computeFacts, cutAt } from '../series/facts';
import type { Point, StoredSeries } from '../series/schema';
import { SeriesId } from '../series/schema';
import { readSeries } from '../series/store';
import { withTimeout } from '../cache/edge';
import { widgets } from '../../widgets';
import { cardParams, optionKeys } from './url';

/** Everything an embed page, the gallery or oEmbed says about one card, without drawing it. */
export interface CardInfo {
  series: string;
  widget: string;
  stored: StoredSeries;
  opts: CardOptions;
  /** The caller's card options, canonical (schema keys only, no empties), for building URLs. */
  params: URLSearchParams;
  /** Accessible name and the generated sentence, exactly as the SVG's <title> and <desc>. */
  title: string;
  desc: string;
  width: number;
  height: number;
  /** The months the card plots (the window ending at `as_of`). */
  plotted: Point[];
  latest: Point;
}

export const widgetOf = (name: string): Widget | undefined =>
  Object.hasOwn(widgets, name) ? widgets[name] : undefined;

export function findWidget(name: string): Widget {
  const w = widgetOf(name);
  if (!w)
    throw new HttpError(
      404,
      'Unknown widget',
      `There is no widget "${name.slice(0, 40)}". Try: ${Object.keys(widgets).join(', ')}.`,
    );
  return w;
}

/** Validates the options with the widget's own schema; 400 on a bad option. */
export function parseOptions(widget: Widget, query: URLSearchParams | Record<string, string>): CardOptions {
  const params = cardParams(query, optionKeys(widget));
  const parsed = widget.schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new HttpError(400, 'Invalid option', describeIssues(parsed.error.issues));
  return parsed.data;
}

/**
 * Series + widget + options → the card's words and size. Runs the widget's pure model (no satori),
 * so pages can carry the same title and description as the image at a fraction of its cost.
 */
export function describeCard(
  widget: Widget,
  stored: StoredSeries,
  opts: CardOptions,
  brand: string,
): Omit<CardInfo, 'params'> {
  const points = cutAt(stored.series.points, opts.as_of);
  if (points.length === 0) {
    throw new HttpError(
      404,
      'No data for that month',
      `"${stored.series.id}" starts in ${stored.series.points[0]!.period}; as_of=${opts.as_of} is earlier.`,
    );
  }
  const facts = computeFacts(points);
  const r = widget.render(
    { stored, points, facts, opts, lang: opts.lang, t: strings[opts.lang], brand },
    palette(opts.theme === 'dark' ? 'dark' : 'light', opts.accent),
  );
  return {
    series: stored.series.id,
    widget: widget.name,
    stored,
    opts,
    title: r.title,
    desc: r.desc,
    width: r.width,
    height: r.height,
    plotted: points.slice(-opts.months),
    latest: facts.latest,
  };
}

export async function loadSeries(kv: KVNamespace, id: string): Promise<StoredSeries> {
  const sid = SeriesId.safeParse(id);
  if (!sid.success) throw notFoundSeries(id.slice(0, 64));
  // A hung KV read becomes a 503 (KvTimeout) instead of a request that never answers.
  const stored = await withTimeout(readSeries(kv, sid.data, { cached: true }));
  if (!stored) throw notFoundSeries(sid.data);
  return stored;
}

/** 404 for an unknown widget or series, 400 for a bad option: checked in the order a reader would fix them. */
export async function loadCard(
  env: Env,
  series: string,
  widgetName: string,
  query: URLSearchParams,
): Promise<CardInfo> {
  const widget = findWidget(widgetName);
  const opts = parseOptions(widget, query);
  const stored = await loadSeries(env.SERIES, series);
  return {
    ...describeCard(widget, stored, opts, env.SERVICE_NAME),
    widget: widgetName,
    params: cardParams(query, optionKeys(widget)),
  };
}
