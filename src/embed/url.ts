import { CardOptions } from '../render/options';
import type { Widget } from '../render/widget';

/** What one of our URLs points at: a series, a widget and the card options it carries. */
export interface CardRef {
  series: string;
  widget: string;
  /** Card options only (keys of the widget's schema), in the order given. */
  params: URLSearchParams;
}

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const EMBED_PATH = new RegExp(`^/embed/(${SLUG})/(${SLUG})/?$`);
const CARD_PATH = new RegExp(`^/v1/(${SLUG})/(${SLUG})\\.(?:svg|png)$`);

/** Option names a widget accepts, from its zod object shape; the shared card options otherwise. */
export function optionKeys(widget: Widget | undefined): string[] {
  const shape = (widget?.schema as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return Object.keys(shape ?? CardOptions.shape);
}

/** Keeps only card options, dropping empty values (a plain GET form sends `as_of=` when left blank). */
export function cardParams(query: URLSearchParams | Record<string, string>, keys: readonly string[]): URLSearchParams {
  const out = new URLSearchParams();
  const entries = query instanceof URLSearchParams ? [...query] : Object.entries(query);
  for (const [k, v] of entries) if (keys.includes(k) && v !== '' && !out.has(k)) out.set(k, v);
  return out;
}

/**
 * Recognises our own embed page, card image and gallery URLs on `host` (the host serving the
 * request), without fetching anything. Anything else, or a URL that names no series, is null.
 */
export function parseOurUrl(raw: string, host: string, widgetOf: (name: string) => Widget | undefined): CardRef | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.host !== host || u.username || u.password) return null;
  const m = EMBED_PATH.exec(u.pathname) ?? CARD_PATH.exec(u.pathname);
  let series: string | undefined;
  let widget: string | undefined;
  if (m) [series, widget] = [m[1], m[2]];
  else if (u.pathname === '/') {
    series = u.searchParams.get('series') ?? undefined;
    widget = u.searchParams.get('widget') || 'trend';
    if (!series || !new RegExp(`^${SLUG}$`).test(series) || !new RegExp(`^${SLUG}$`).test(widget)) return null;
  }
  if (!series || !widget) return null;
  return { series, widget, params: cardParams(u.searchParams, optionKeys(widgetOf(widget))) };
}

const qs = (p: URLSearchParams): string => (p.size ? `?${p}` : '');

export const urls = {
  embed: (origin: string, series: string, widget: string, p: URLSearchParams = new URLSearchParams()): string =>
    `${origin}/embed/${series}/${widget}${qs(p)}`,
  card: (origin: string, series: string, widget: string, ext: 'svg' | 'png', p = new URLSearchParams()): string =>
    `${origin}/v1/${series}/${widget}.${ext}${qs(p)}`,
  csv: (origin: string, series: string): string => `${origin}/api/v1/series/${series}.csv`,
  oembed: (origin: string, url: string, format: 'json' | 'xml'): string =>
    `${origin}/oembed?${new URLSearchParams({ url, format })}`,
  gallery: (origin: string, series: string, widget: string, p = new URLSearchParams()): string => {
    const q = new URLSearchParams({ series, widget });
    for (const [k, v] of p) q.set(k, v);
    return `${origin}/?${q}#${series}-${widget}`;
  },
};

/** `params` with one value replaced (or removed when null), leaving the original untouched. */
export function withParam(p: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const q = new URLSearchParams(p);
  if (value === null) q.delete(key);
  else q.set(key, value);
  return q;
}
