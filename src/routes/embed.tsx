/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { cacheControl, pinOf } from '../cache/policy';
import { headersFor } from '../lib/headers';
import { embedCsp } from '../embed/client';
import { describeCard, loadCard } from '../embed/load';
import { canonicalEmbed, discoveryHeader } from '../embed/meta';
import { EmbedPage } from '../embed/page';
import { optionKeys } from '../embed/url';
import { widgets } from '../../widgets';
import { queryObject } from '../lib/query';
import type { AppEnv } from '../types';

/** Embed pages for iframes: GET /embed/{series}/{widget}?theme&accent&lang&months&as_of&width&id. */
export const embed = new Hono<AppEnv>();

embed.get('/:series/:widget', async (c) => {
  const url = new URL(c.req.url);
  const query = new URLSearchParams(queryObject(url));
  const info = await loadCard(c.env, c.req.param('series'), c.req.param('widget'), query);
  const widget = widgets[info.widget]!;
  // Narrow frames get the compact layout unless the caller chose a width on purpose.
  const compact =
    !info.params.has('width') && optionKeys(widget).includes('width') && info.width >= 480
      ? describeCard(widget, info.stored, { ...info.opts, width: 360 }, c.env.SERVICE_NAME)
      : null;
  const page = <EmbedPage origin={url.origin} info={info} site={c.env.SERVICE_NAME} compact={compact} />;
  return new Response(`<!doctype html>${await page.toString()}`, {
    headers: headersFor('embed', {
      'Content-Security-Policy': await embedCsp(),
      Link: discoveryHeader(url.origin, canonicalEmbed(url.origin, info), info.title),
      'Cache-Control': cacheControl('embed', pinOf(info.opts)),
    }),
  });
});
