import type { Context } from 'hono';
import { HttpRefusal } from '../errors';
import type { AppEnv } from '../types';
import { headerSafe } from './headers';

/**
 * Budgets per client, on Workers Rate Limiting bindings (fixed windows of 60 s). The binding counts
 * calls, not weights, so costs are bounded by class: each class has its own binding and limit.
 */
const PERIOD_S = 60;

/**
 * Who the client is, for budgets. Only a header that the platform sets and a client cannot forge is
 * trusted: on Cloudflare that is `CF-Connecting-IP` (`CLIENT_IP_HEADER` in wrangler.toml). Locally
 * (`npm start` empties it) any client can send that header, so every client shares one budget.
 */
export function clientKey(c: Context<AppEnv>): string {
  const name = c.env.CLIENT_IP_HEADER?.trim();
  const ip = name ? c.req.header(name) : undefined;
  return ip ? `ip:${headerSafe(ip, 64)}` : 'ip:unverified';
}

/** Spends one unit of `limiter` for `key`; 429 with Retry-After when it is spent. A failing limiter allows. */
export async function spend(limiter: RateLimit | undefined, key: string, what: string): Promise<void> {
  const ok = limiter
    ? await limiter.limit({ key }).then(
        (r) => r.success,
        (e: unknown) => (
          console.warn(`rate limiter failed (${what}); allowing`, e instanceof Error ? e.message : e),
          true
        ),
      )
    : true;
  if (!ok)
    throw new HttpRefusal(429, 'Too many requests', `${what} are limited per client; retry in ${PERIOD_S} s.`, {
      'Retry-After': String(PERIOD_S),
    });
}
