/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { z } from 'zod';
import { cacheHeaders } from '../cache/policy';
import { tags } from '../cache/tags';
import { cardFrom, cardSpec } from '../card';
import { CardOptions } from '../card/options';
import { pageCard } from '../embed/card';
import { GalleryPage, type GallerySeries } from '../embed/gallery';
import { GALLERY_SCRIPT, GALLERY_STYLE } from '../embed/gallery-assets';
import { DomainError, Invalid, describeIssues } from '../errors';
import { headersFor } from '../http/headers';
import { stripIllegal } from '../render/xml';
import { SeriesId, type StoredSeries } from '../series/schema';
import { listSeries, readSeries } from '../series/store';
import type { AppEnv } from '../types';

const GalleryQuery = z.object({
  theme: CardOptions.shape.theme,
  lang: CardOptions.shape.lang,
  months: CardOptions.shape.months,
  as_of: CardOptions.shape.as_of,
  series: SeriesId.optional(),
  widget: z.string().optional(),
});
const OPTION_KEYS = ['theme', 'lang', 'months', 'as_of'] as const;

/** Gallery and embed-code builder at /. */
export const gallery = new Hono<AppEnv>();

gallery.get('/', async (c) => {
  const origin = new URL(c.req.url).origin;
  const registry = c.var.registry;
  const q = GalleryQuery.safeParse(c.var.query);
  if (!q.success) throw new Invalid('Invalid option', describeIssues(q.error.issues));
  const form = q.data;
  if (form.widget !== undefined && !registry.get(form.widget))
    throw new Invalid('Invalid option', `widget: no such widget (${registry.names.join(', ')})`);
  const cardQuery: Record<string, string> = {};
  for (const k of OPTION_KEYS) if (c.var.query[k] !== undefined) cardQuery[k] = c.var.query[k];

  const ids = await listSeries(c.env.SERIES);
  // Largest series first: the total, then its parts.
  const all = (await Promise.all(ids.map((id) => readSeries(c.env.SERIES, id))))
    .filter((s): s is StoredSeries => s !== null)
    .sort((a, b) => b.series.points.at(-1)!.value - a.series.points.at(-1)!.value);
  const byId = new Map(all.map((s) => [s.series.id, s]));
  const shown: GallerySeries[] = all
    .filter((s) => !form.series || s.series.id === form.series)
    .map((stored) => ({
      stored,
      cards: registry.names
        .filter((w) => !form.widget || w === form.widget)
        .map((w) => {
          try {
            const spec = cardSpec(registry, { series: stored.series.id, widget: w, query: cardQuery, output: 'model' });
            const card = cardFrom(spec, (id) => byId.get(id));
            return { widget: w, info: pageCard(card, c.env.SERVICE_NAME, registry.optionKeys(w)) };
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            return { widget: w, info: null, error: e.detail };
          }
        }),
    }));
  const featured = shown.flatMap((s) => s.cards).find((card) => card.info)?.info ?? null;
  const page = (
    <GalleryPage
      origin={origin}
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
      widgetNames={[...registry.names]}
      shown={shown}
      featured={featured}
      style={GALLERY_STYLE}
      script={GALLERY_SCRIPT}
    />
  );
  return new Response(stripIllegal(`<!doctype html>${await page.toString()}`), {
    headers: headersFor('html', cacheHeaders('html', 'none', [tags.catalog])),
  });
});
