/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { z } from 'zod';
import { cacheHeaders } from '../cache/policy';
import { tags } from '../cache/tags';
import { cardFrom, cardSpec, expandFamily } from '../card';
import { CardOptions } from '../card/options';
import { pageCard } from '../embed/card';
import { readEvents } from '../events/store';
import { GalleryPage, type GalleryFamily, type GallerySeries } from '../embed/gallery';
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
  mode: z.enum(['published', 'live'], { error: 'mode must be published or live' }).default('published'),
});
const OPTION_KEYS = ['theme', 'lang', 'months', 'as_of'] as const;
/** Headline series are previewed; breakdowns below the component level are listed as links. */
const isHeadline = (s: StoredSeries) => !s.series.parent || s.series.dimension === 'component';

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
  // The cards' own events (one read): without them a card's size, title and desc would not be the
  // embed page's, and the snippets reserve that size.
  const events = (await readEvents(c.env.SERIES))?.doc.events ?? [];
  const entries = all.map((s) => ({ id: s.series.id, parent: s.series.parent, dimension: s.series.dimension }));
  const shown: GallerySeries[] = all
    .filter((s) => (form.series ? s.series.id === form.series : isHeadline(s)))
    .map((stored) => ({
      stored,
      cards: registry.names
        .filter((w) => !form.widget || w === form.widget)
        .map((w) => {
          try {
            const spec = cardSpec(registry, { series: stored.series.id, widget: w, query: cardQuery, output: 'model' });
            if (spec.family) expandFamily(spec, entries);
            const card = cardFrom(spec, (id) => byId.get(id), events);
            return { widget: w, info: pageCard(card, c.env.SERVICE_NAME, registry.optionKeys(w)) };
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            return { widget: w, info: null, error: e.detail };
          }
        }),
    }));
  const families = new Map<string, GalleryFamily>();
  for (const s of [...all].sort((a, b) => a.series.id.localeCompare(b.series.id))) {
    const { parent, dimension, member } = s.series;
    if (isHeadline(s) || !parent || !dimension || !member) continue;
    const key = `${parent} ${dimension}`;
    const f = families.get(key) ?? {
      parent: { id: parent, title: byId.get(parent)?.series.title ?? parent },
      dimension,
      members: [],
    };
    f.members.push({ id: s.series.id, member });
    families.set(key, f);
  }
  const keep = new URLSearchParams();
  for (const k of [...OPTION_KEYS, 'widget', 'mode'] as const)
    if (c.var.query[k] !== undefined && c.var.query[k] !== '') keep.set(k, c.var.query[k]);
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
        mode: form.mode,
      }}
      allSeries={all.map((s) => ({ id: s.series.id, title: s.series.title }))}
      widgetNames={[...registry.names]}
      shown={shown}
      families={[...families.values()]}
      keep={keep}
      featured={featured}
      style={GALLERY_STYLE}
      script={GALLERY_SCRIPT}
    />
  );
  return new Response(stripIllegal(`<!doctype html>${await page.toString()}`), {
    headers: headersFor('html', cacheHeaders('html', 'none', [tags.catalog])),
  });
});
