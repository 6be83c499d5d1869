/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { cacheHeaders, pinOf } from '../cache/policy';
import { tags } from '../cache/tags';
import { cardSpec, loadCard } from '../card';
import { pageCard } from '../embed/card';
import { embedCsp } from '../embed/client';
import { canonicalEmbed, discoveryHeader, shareImage } from '../embed/meta';
import { EmbedPage } from '../embed/page';
import { headersFor } from '../http/headers';
import { stripIllegal } from '../render/xml';
import { sincePin } from '../series/since';
import { readHistory } from '../series/store';
import type { AppEnv } from '../types';

/** Embed pages for iframes: GET /embed/{series}/{widget}?<card options>&v&id. */
export const embed = new Hono<AppEnv>();

embed.get('/:series/:widget', async (c) => {
  const origin = new URL(c.req.url).origin;
  const registry = c.var.registry;
  const spec = cardSpec(registry, {
    series: c.req.param('series'),
    widget: c.req.param('widget'),
    query: c.var.query,
    output: 'model',
  });
  const timing = c.var.timing;
  const card = await timing.time('kv', () => loadCard(c.env.SERIES, spec));
  timing.versions = card.stored.map((s) => s.version);
  const info = await timing.time('render', async () =>
    pageCard(card, c.env.SERVICE_NAME, registry.optionKeys(spec.widget.name)),
  );
  // A pinned page tells its readers what later releases changed (one more read: the history).
  const history = spec.pin ? await timing.time('kv', () => readHistory(c.env.SERIES, spec.series[0]!)) : null;
  const since = history && spec.pin ? sincePin(history, spec.pin, spec.opts.as_of) : null;
  const page = <EmbedPage origin={origin} info={info} shareImage={shareImage(origin, info, registry)} since={since} />;
  return new Response(stripIllegal(`<!doctype html>${await page.toString()}`), {
    headers: headersFor('embed', {
      'Content-Security-Policy': await embedCsp(),
      Link: discoveryHeader(origin, canonicalEmbed(origin, info), info.title),
      // A pinned page is not immutable: what it discloses about later releases changes with each one.
      ...cacheHeaders('embed', pinOf({ as_of: spec.opts.as_of }), spec.series.map(tags.series)),
    }),
  });
});
