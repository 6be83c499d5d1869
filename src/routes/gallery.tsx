/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { z } from 'zod';
import { HttpError, describeIssues } from '../lib/errors';
import { withTimeout } from '../cache/edge';
import { cacheControl } from '../cache/policy';
import { headersFor } from '../lib/headers';
import { queryObject } from '../lib/query';
import { CardOptions } from '../render/options';
import { readSeries, listSeries } from '../series/store';
import { SeriesId } from '../series/schema';
import { GalleryPage, type GallerySeries } from '../embed/gallery';
import { GALLERY_SCRIPT, GALLERY_STYLE } from '../embed/gallery-assets';
import { describeCard, type CardInfo } from '../embed/load';
import { cardParams, optionKeys } from '../embed/url';
import { widgets } from '../../widgets';
import type { AppEnv } from '../types';

const GalleryQuery = z.object({
  theme: CardOptions.shape.theme,
  lang: CardOptions.shape.lang,
  months: CardOptions.shape.months,
  as_of: CardOptions.shape.as_of,
  series: SeriesId.optional(),
  widget: z
    .string()
    .refine((w) => Object.hasOwn(widgets, w), 'no such widget')
    .optional(),
});
const OPTION_KEYS = ['theme', 'lang', 'months', 'as_of'];

/** Gallery and embed-code builder at /. */
export const gallery = new Hono<AppEnv>();

gallery.get('/', async (c) => {
  const url = new URL(c.req.url);
  const raw = Object.fromEntries(Object.entries(queryObject(url)).filter(([, v]) => v !== ''));
  const q = GalleryQuery.safeParse(raw);
  if (!q.success) throw new HttpError(400, 'Invalid option', describeIssues(q.error.issues));
  const form = q.data;
  const params = cardParams(raw, OPTION_KEYS);

  const ids = (await withTimeout(listSeries(c.env.SERIES))).map((s) => s.id);
  // Largest series first: the total, then its parts.
  const all = (await Promise.all(ids.map((id) => withTimeout(readSeries(c.env.SERIES, id, { cached: true })))))
    .filter((s) => s !== null)
    .sort((a, b) => b.series.points.at(-1)!.value - a.series.points.at(-1)!.value);
  const widgetNames = Object.keys(widgets);
  const shown: GallerySeries[] = all
    .filter((s) => !form.series || s.series.id === form.series)
    .map((stored) => ({
      stored,
      cards: widgetNames
        .filter((w) => !form.widget || w === form.widget)
        .map((w) => {
          const widget = widgets[w]!;
          const opts = widget.schema.safeParse(Object.fromEntries(params));
          if (!opts.success) return { widget: w, info: null, error: describeIssues(opts.error.issues) };
          try {
            const info: CardInfo = {
              ...describeCard(widget, stored, opts.data, c.env.SERVICE_NAME),
              widget: w,
              params,
            };
            const compact =
              optionKeys(widget).includes('width') && info.width >= 480
                ? describeCard(widget, stored, { ...opts.data, width: 360 }, c.env.SERVICE_NAME)
                : null;
            return { widget: w, info, compact };
          } catch (e) {
            return {
              widget: w,
              info: null,
              error: e instanceof HttpError ? e.detail : 'This card could not be described.',
            };
          }
        }),
    }));
  const featured = shown.flatMap((s) => s.cards).find((card) => card.info)?.info ?? null;
  const page = (
    <GalleryPage
      origin={url.origin}
      site={c.env.SERVICE_NAME}
      form={{
        theme: form.theme,
        lang: form.lang,
        months: form.months,
        as_of: form.as_of ?? '',
        series: form.series ?? '',
        widget: form.widget ?? '',
      }}
      allSeries={all.map((s) => ({ id: s.series.id, title: s.series.title }))}
      widgetNames={widgetNames}
      shown={shown}
      featured={featured}
      style={GALLERY_STYLE}
      script={GALLERY_SCRIPT}
    />
  );
  return new Response(`<!doctype html>${await page.toString()}`, {
    headers: headersFor('html', { 'Cache-Control': cacheControl('html') }),
  });
});
