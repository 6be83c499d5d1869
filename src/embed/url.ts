import { queryRules } from '../http/query';

/** What one of our URLs points at: the path's series and widget (unchecked) and its query, through the query rules. */
export interface CardRef {
  series: string;
  widget: string;
  query: Record<string, string>;
}

const EMBED_PATH = /^\/embed\/([^/]+)\/([^/]+)$/;
const CARD_PATH = /^\/v1\/([^/]+)\/([^/]+)\.(?:svg|png)$/;

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * Recognises the shape of our own embed page, card image and gallery URLs on `host` (the host
 * serving the request), without fetching anything; null for anything else, including shapes our
 * routes do not serve (a trailing slash). The parts are not checked here: the card pipeline checks
 * them exactly as the route would, so every surface classifies the same input the same way.
 */
export function parseOurUrl(raw: string, host: string): CardRef | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.host !== host || u.username || u.password) return null;
  const m = EMBED_PATH.exec(u.pathname) ?? CARD_PATH.exec(u.pathname);
  if (m) return { series: decode(m[1]!), widget: decode(m[2]!), query: queryRules(u.search) };
  if (u.pathname !== '/') return null;
  const query = queryRules(u.search);
  if (!query.series) return null;
  return { series: query.series, widget: query.widget ?? 'trend', query };
}

const qs = (p: URLSearchParams): string => (p.size ? `?${p}` : '');

export const urls = {
  embed: (origin: string, series: string, widget: string, p: URLSearchParams = new URLSearchParams()): string =>
    `${origin}/embed/${series}/${widget}${qs(p)}`,
  card: (origin: string, series: string, widget: string, ext: 'svg' | 'png', p = new URLSearchParams()): string =>
    `${origin}/v1/${series}/${widget}.${ext}${qs(p)}`,
  csv: (origin: string, series: string): string => `${origin}/api/v1/series/${series}.csv`,
  revisions: (origin: string, series: string): string => `${origin}/api/v1/series/${series}/revisions.csv`,
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
