import type { Context } from 'hono';

/** The edge cache; a failing cache is a miss, never an error (it only ever saves work). */
export async function lookup(key: string): Promise<Response | undefined> {
  try {
    return await caches.default.match(key);
  } catch (e) {
    console.warn('cache match failed', e);
    return undefined;
  }
}

/** Stores bytes with the ETag they were served under; `ttl` is the edge's own storage time. */
export async function store(
  key: string,
  body: Uint8Array | string,
  etag: string,
  ttl: number,
  extra: Record<string, string> = {},
): Promise<void> {
  try {
    await caches.default.put(
      key,
      new Response(body, {
        headers: { ...extra, 'Cache-Control': `public, max-age=${ttl}, s-maxage=${ttl}`, ETag: etag },
      }),
    );
  } catch (e) {
    console.warn('cache put failed', e);
  }
}

/** After the response: `waitUntil` when the runtime gives us a context, else inline (plain `app.fetch` in scripts). */
export async function afterResponse(c: Context, work: Promise<unknown>): Promise<void> {
  let ctx: { waitUntil(p: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined;
  }
  if (ctx) ctx.waitUntil(work);
  else await work;
}
