import { Hono } from 'hono';
import { z } from 'zod';
import { HttpError, describeIssues } from '../lib/errors';
import { headersFor } from '../lib/headers';
import { queryObject } from '../lib/query';
import { intParam } from '../render/options';
import { loadCard, widgetOf } from '../embed/load';
import { oembedResponse, oembedXml } from '../embed/oembed';
import { cacheControl } from '../cache/policy';
import { parseOurUrl } from '../embed/url';
import type { AppEnv } from '../types';

const OembedQuery = z.object({
  url: z.string().min(1, 'url is required'),
  format: z.string().default('json'),
  maxwidth: intParam(1, 100_000).optional(),
  maxheight: intParam(1, 100_000).optional(),
});

/**
 * oEmbed 1.0 provider for our embed page, card image and gallery URLs on this host. The given URL
 * is only parsed, never fetched; the series is looked up in KV so a URL naming none is a 404.
 */
export const oembed = new Hono<AppEnv>();

oembed.get('/', async (c) => {
  const reqUrl = new URL(c.req.url);
  const q = OembedQuery.safeParse(queryObject(reqUrl, 2000));
  if (!q.success) throw new HttpError(400, 'Invalid oEmbed request', describeIssues(q.error.issues));
  const { url, format, maxwidth, maxheight } = q.data;
  if (format !== 'json' && format !== 'xml')
    throw new HttpError(501, 'Format not implemented', 'format must be json or xml.');

  const ref = parseOurUrl(url, reqUrl.host, widgetOf);
  if (!ref) throw new HttpError(404, 'Not an embeddable URL', `Only this service's embed, card and gallery URLs.`);
  const info = await loadCard(c.env, ref.series, ref.widget, ref.params).catch((e: unknown) => {
    // A URL with options the card would refuse names no resource we can embed.
    if (e instanceof HttpError && e.status === 400) throw new HttpError(404, 'Not an embeddable URL', e.detail);
    throw e;
  });
  const body = oembedResponse(reqUrl.origin, info, c.env.SERVICE_NAME, { maxwidth, maxheight });
  const cache = { 'Cache-Control': cacheControl('oembed') };
  if (format === 'xml')
    return new Response(oembedXml(body), {
      headers: headersFor('json', { ...cache, 'Content-Type': 'text/xml; charset=utf-8' }),
    });
  return new Response(JSON.stringify(body), { headers: headersFor('json', cache) });
});
