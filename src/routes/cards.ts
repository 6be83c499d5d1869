import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { HttpError, describeIssues, notFoundSeries } from '../lib/errors';
import { headersFor } from '../lib/headers';
import { queryObject } from '../lib/query';
import { afterResponse, lookup, store, withTimeout } from '../cache/edge';
import { EDGE_TTL, LAST_GOOD_TTL, cardKey, etagFor, lastGoodKey, matchesEtag, type CardSpec } from '../cache/key';
import { cacheControl, pinOf } from '../cache/policy';
import { renderCard } from '../render/card';
import type { CardOptions } from '../render/options';
import { intParam } from '../render/options';
import { svgToPng } from '../render/png';
import { SeriesId, type StoredSeries } from '../series/schema';
import { readSeries, readVersion } from '../series/store';
import { widgets } from '../../widgets';
import type { AppEnv } from '../types';

/** PNG-only options: pixel density and fixed social sizes. */
const PngOptions = z.object({
  scale: intParam(1, 3).default(1),
  size: z.enum(['og', 'x', 'square']).optional(),
});
export const PNG_SIZES = { og: [1200, 630], x: [1200, 600], square: [1080, 1080] } as const;
/** `v=<version>` pins a card to one stored version: its bytes never change, so it is immutable. */
const PinQuery = z.object({
  v: z
    .string()
    .regex(/^\d{6}-[0-9a-f]{12}$/, 'must be a version id')
    .optional(),
});

const bad = (issues: z.core.$ZodIssue[]) => new HttpError(400, 'Invalid option', describeIssues(issues));

export const cards = new Hono<AppEnv>();

/**
 * Hot path: one (edge-cached) KV read for the version → cache key → 304 or cache hit; render only
 * on a miss. A `v=` pin skips even the KV read on a hit. When KV fails, the last good render answers.
 */
cards.get('/:series/:file{[a-z0-9-]+\\.(?:svg|png)}', async (c) => {
  const file = c.req.param('file');
  const dot = file.lastIndexOf('.');
  const name = file.slice(0, dot);
  const ext = file.slice(dot + 1) as 'svg' | 'png';
  const id = SeriesId.safeParse(c.req.param('series'));
  if (!id.success) throw new HttpError(400, 'Invalid series id', describeIssues(id.error.issues));
  const widget = widgets[name];
  if (!widget)
    throw new HttpError(
      404,
      'Unknown widget',
      `There is no widget "${name}". Try: ${Object.keys(widgets).join(', ')}.`,
    );

  const query = queryObject(new URL(c.req.url));
  const parsed = widget.schema.safeParse(query);
  if (!parsed.success) throw bad(parsed.error.issues);
  const pinned = PinQuery.safeParse(query);
  if (!pinned.success) throw bad(pinned.error.issues);
  const png = ext === 'png' ? PngOptions.safeParse(query) : undefined;
  if (png && !png.success) throw bad(png.error.issues);
  const spec: CardSpec = { series: id.data, widget: name, ext, opts: parsed.data, png: png?.data };
  const origin = new URL(c.req.url).origin;
  const v = pinned.data.v;

  let stored: StoredSeries | null = null;
  if (!v) {
    try {
      stored = await withTimeout(readSeries(c.env.SERIES, id.data, { cached: true }));
    } catch (e) {
      return serveLastGood(c, spec, e);
    }
    if (!stored) throw notFoundSeries(id.data);
  }
  const key = cardKey(origin, spec, v ?? stored!.version);
  const etag = await etagFor(key);
  const headers = { ETag: etag, 'Cache-Control': cacheControl(ext, pinOf({ v, as_of: parsed.data.as_of })) };
  if (matchesEtag(c.req.header('If-None-Match'), etag)) return new Response(null, { status: 304, headers });

  const hit = await lookup(key);
  if (hit) return new Response(hit.body, { headers: headersFor(ext, { ...headers, 'X-Cache': 'HIT' }) });

  if (v) {
    stored = await withTimeout(readVersion(c.env.SERIES, id.data, v)).catch(() => {
      throw new HttpError(503, 'Data unavailable', 'The stored series could not be read; please retry shortly.');
    });
    if (!stored) throw new HttpError(404, 'Version not found', `Series "${id.data}" has no version ${v}.`);
  }
  if (ext === 'png') await limitPng(c);
  const bytes = await render(c, spec, stored!, parsed.data);
  await afterResponse(
    c,
    Promise.all([store(key, bytes, etag, EDGE_TTL), store(lastGoodKey(origin, spec), bytes, etag, LAST_GOOD_TTL)]),
  );
  return new Response(bytes, { headers: headersFor(ext, { ...headers, 'X-Cache': 'MISS' }) });
});

async function render(c: Context<AppEnv>, spec: CardSpec, stored: StoredSeries, opts: CardOptions) {
  const brand = c.env.SERVICE_NAME;
  const widget = widgets[spec.widget]!;
  if (spec.ext === 'svg') return (await renderCard(widget, stored, opts, brand)).svg;
  const { scale, size } = spec.png as z.output<typeof PngOptions>;
  const frame = size ? { width: PNG_SIZES[size][0], height: PNG_SIZES[size][1] } : undefined;
  const theme = opts.theme === 'dark' ? 'dark' : 'light';
  const card = await renderCard(widget, stored, opts, brand, theme, frame, 'paths');
  return svgToPng(card.svg, card.width * scale);
}

/** Uncached PNG renders cost 50–130 ms of CPU; cached PNGs never reach this. */
async function limitPng(c: Context<AppEnv>): Promise<void> {
  const period = 60;
  const ok = await c.env.PNG_LIMITER.limit({ key: c.req.header('CF-Connecting-IP') ?? 'unknown' }).then(
    (r) => r.success,
    (e: unknown) => (console.warn('PNG limiter failed; allowing', e), true),
  );
  if (!ok)
    throw new HttpError(429, 'Too many requests', `New PNG renders are limited per client; retry in ${period} s.`, {
      'Retry-After': String(period),
    });
}

/** KV failed: serve the last render that succeeded for these options, marked stale; else a 503. */
async function serveLastGood(c: Context<AppEnv>, spec: CardSpec, cause: unknown): Promise<Response> {
  const old = await lookup(lastGoodKey(new URL(c.req.url).origin, spec));
  console.warn(`KV read failed for ${spec.series}; ${old ? 'serving last good render' : 'nothing cached'}`, cause);
  if (!old) throw new HttpError(503, 'Data unavailable', 'The stored series could not be read; please retry shortly.');
  return new Response(old.body, {
    headers: headersFor(spec.ext, {
      ETag: old.headers.get('ETag') ?? '',
      'Cache-Control': cacheControl('stale'),
      Warning: '110 - "Response is Stale"',
      'X-Border-Stats-Stale': '1',
      'X-Cache': 'STALE',
    }),
  });
}
