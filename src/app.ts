import { Hono } from 'hono';
import { createRegistry } from './card';
import { NotFound } from './errors';
import { answerError } from './http/errors';
import { headersFor, preflight } from './http/headers';
import { observe } from './http/observe';
import { query } from './http/query';
import type { Widget } from './kit/widget';
import { QUERY } from './limits';
import { isReady } from './series/store';
import { admin } from './routes/admin';
import { api } from './routes/api';
import { cards } from './routes/cards';
import { embed } from './routes/embed';
import { embedjs } from './routes/embedjs';
import { gallery } from './routes/gallery';
import { oembed } from './routes/oembed';
import type { AppEnv, Surface } from './types';

/** Which form a failure takes on each path: the one table of surfaces. */
function surfaceOf(path: string): Surface {
  if (/^\/v1\/.+\.(?:svg|png)$/.test(path)) return 'image';
  if (path === '/oembed') return 'oembed';
  if (path === '/' || path.startsWith('/embed/')) return 'page';
  return 'api';
}

/**
 * The Worker's HTTP app for a set of widgets. Every route that shows a card finds its widget in
 * the registry built here, so a widget added to the list gets its images, embed page, oEmbed
 * answer and gallery entry with no other change.
 */
export function createApp(widgets: readonly Widget[]): Hono<AppEnv> {
  const registry = createRegistry(widgets);
  const app = new Hono<AppEnv>();

  app.use('*', observe);
  app.use('*', async (c, next) => {
    c.set('registry', registry);
    c.set('surface', surfaceOf(c.req.path));
    await next();
  });
  // One query layer for every route; oEmbed's `url` is a URL and may be longer.
  app.use('*', async (c, next) => query(c.req.path === '/oembed' ? QUERY.urlValueLength : QUERY.valueLength)(c, next));

  const health = (ok: boolean, status = ok ? 200 : 503) =>
    new Response(JSON.stringify({ ok }), { status, headers: headersFor('json', { 'Cache-Control': 'no-store' }) });
  /** Liveness: the Worker answers. */
  app.get('/livez', () => health(true));
  /** Readiness: healthy once it can serve cards; with READINESS=seeded, only after the seed is in. */
  app.get('/healthz', async (c) => health(c.env.READINESS !== 'seeded' || (await isReady(c.env.SERIES))));
  for (const path of ['/v1/*', '/oembed', '/embed.js']) app.options(path, preflight);
  app.route('/v1', cards);
  app.route('/api/v1', api);
  app.route('/api/v1', admin);
  app.route('/embed.js', embedjs);
  app.route('/embed', embed);
  app.route('/oembed', oembed);
  app.route('/', gallery);

  app.notFound(() => Promise.reject(new NotFound('Not found', 'No such page.')));
  app.onError(answerError);
  return app;
}
