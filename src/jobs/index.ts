import { tags as eventTags, writeTags } from '../cache/tags';
import { createRegistry } from '../card';
import type { Widget } from '../kit/widget';
import { prerender } from './prerender';

/**
 * After a write, and in the queue behind it: purge what it changed from Cloudflare's cache, purge
 * again once KV has had time to reach every location (a purge right after a write can be refilled
 * with the old version by a location KV has not reached yet), and render the default cards once.
 */
export type Job = { kind: 'purge'; tags: string[] } | { kind: 'prerender'; ids: string[] | 'featured' };

/** How long after a write the second purge runs: KV takes up to about a minute to reach everywhere. */
const PURGE_AGAIN_S = 60;

/** Purges tags from Workers Cache, when this runtime has it (miniflare has not: then nothing to do). */
async function purge(ctx: { cache?: CacheContext } | undefined, tags: string[]): Promise<void> {
  const cache = ctx?.cache;
  if (!cache || !tags.length) return;
  const r = await cache.purge({ tags });
  if (!r.success) throw new Error(`purge failed: ${r.errors.map((e) => e.message).join('; ')}`);
}

/**
 * What every write does once the writer has answered: purge now, queue the second purge, and queue
 * the pre-render. A failure here is logged, never the write's failure (the write is committed).
 */
export async function afterWrite(
  env: Env,
  ctx: { cache?: CacheContext } | undefined,
  ids: readonly string[],
  opts: { events?: boolean } = {},
): Promise<void> {
  if (!ids.length && !opts.events) return;
  // Cards that draw the events show them on every series: a new events version re-renders them all.
  const tags = [...(ids.length ? writeTags(ids) : []), ...(opts.events ? [eventTags.events] : [])];
  const again = Number(env.PURGE_AGAIN_S ?? PURGE_AGAIN_S);
  await Promise.all([
    purge(ctx, tags).catch((e: unknown) => console.error('purge after write failed; the queue retries', e)),
    env.JOBS.send({ kind: 'purge', tags } satisfies Job, {
      delaySeconds: Number.isFinite(again) ? again : PURGE_AGAIN_S,
    }),
    env.PRERENDER === 'off'
      ? null
      : env.JOBS.send({ kind: 'prerender', ids: opts.events ? 'featured' : [...ids] } satisfies Job),
  ]).catch((e: unknown) => console.error('queueing the work after a write failed', e));
}

/** The queue consumer: purges and pre-renders; a failed message is retried by the queue. */
export function createQueue(widgets: readonly Widget[]): ExportedHandlerQueueHandler<Env, Job> {
  const registry = createRegistry(widgets);
  return async (batch, env, ctx) => {
    for (const msg of batch.messages) {
      try {
        if (msg.body.kind === 'purge') await purge(ctx, msg.body.tags);
        else {
          const n = await prerender(env, registry, msg.body.ids);
          console.log(JSON.stringify({ msg: 'prerendered', ids: msg.body.ids, cards: n }));
        }
        msg.ack();
      } catch (e) {
        console.error(`job ${msg.body.kind} failed; retrying`, e);
        msg.retry();
      }
    }
  };
}
