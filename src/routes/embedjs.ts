import { Hono } from 'hono';
import { EMBED_JS } from '../embed/loader';
import { headersFor } from '../lib/headers';
import type { AppEnv } from '../types';

/** Script embed /embed.js: static text, cacheable for a day (no versioned URL to bust). */
export const embedjs = new Hono<AppEnv>();

embedjs.get(
  '/',
  () => new Response(EMBED_JS, { headers: headersFor('script', { 'Cache-Control': 'public, max-age=86400' }) }),
);
