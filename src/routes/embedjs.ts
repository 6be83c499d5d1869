import { Hono } from 'hono';
import { EMBED_JS } from '../embed/loader';
import { cacheHeaders } from '../cache/policy';
import { tags } from '../cache/tags';
import { headersFor } from '../http/headers';
import type { AppEnv } from '../types';

/** Script embed /embed.js: static text; its cache life is in src/cache/policy.ts. */
export const embedjs = new Hono<AppEnv>();

embedjs.get(
  '/',
  () => new Response(EMBED_JS, { headers: headersFor('script', cacheHeaders('script', 'none', [tags.static])) }),
);
