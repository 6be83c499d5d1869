import { Hono } from 'hono';
import { z } from 'zod';
import { cacheHeaders } from '../cache/policy';
import { tags } from '../cache/tags';
import { cardSpec, loadCard } from '../card';
import { intParam } from '../card/options';
import { pageCard } from '../embed/card';
import { shareImage } from '../embed/meta';
import { oembedResponse, oembedXml } from '../embed/oembed';
import { parseOurUrl } from '../embed/url';
import { HttpRefusal, Invalid, NotFound, describeIssues } from '../errors';
import { headersFor } from '../http/headers';
import { stripIllegal } from '../render/xml';
import type { AppEnv } from '../types';

const OembedQuery = z.object({
  url: z.string({ error: 'url is required' }),
  format: z.string().default('json'),
  maxwidth: intParam(1, 100_000).optional(),
  maxheight: intParam(1, 100_000).optional(),
});

/**
 * oEmbed 1.0 provider for our embed page, card image and gallery URLs on this host. The given URL
 * is only parsed, never fetched, and goes through the same card pipeline as the URL itself would:
 * a URL the route would answer 400 or 404 gets that status here, bare, as the spec says.
 */
export const oembed = new Hono<AppEnv>();

oembed.get('/', async (c) => {
  const q = OembedQuery.safeParse(c.var.query);
  if (!q.success) throw new Invalid('Invalid oEmbed request', describeIssues(q.error.issues));
  const { url, format, maxwidth, maxheight } = q.data;
  if (format !== 'json' && format !== 'xml')
    throw new HttpRefusal(501, 'Format not implemented', 'format must be json or xml.');

  const reqUrl = new URL(c.req.url);
  const ref = parseOurUrl(url, reqUrl.host);
  if (!ref) throw new NotFound('Not an embeddable URL', 'Only this service’s embed, card and gallery URLs.');
  const registry = c.var.registry;
  const spec = cardSpec(registry, { ...ref, output: 'model' });
  const card = await c.var.timing.time('kv', () => loadCard(c.env.SERIES, spec));
  c.var.timing.versions = card.stored.map((s) => s.version);
  const info = pageCard(card, c.env.SERVICE_NAME, registry.optionKeys(spec.widget.name));
  const body = oembedResponse(reqUrl.origin, info, shareImage(reqUrl.origin, info, registry), { maxwidth, maxheight });
  const cache = cacheHeaders('oembed', 'none', spec.series.map(tags.series));
  if (format === 'xml')
    return new Response(stripIllegal(oembedXml(body)), {
      headers: headersFor('json', { ...cache, 'Content-Type': 'text/xml; charset=utf-8' }),
    });
  return new Response(JSON.stringify(body), { headers: headersFor('json', cache) });
});
