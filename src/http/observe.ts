import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../types';
import { headerSafe } from './headers';

/**
 * Per-request observability: one structured JSON log line per request, a `Server-Timing` header on
 * cards and pages, and one Workers Analytics Engine data point (when the `METRICS` binding exists;
 * tests and local runs work without it).
 *
 * Durations come from `Date.now()`, which in workerd advances only across I/O: KV and cache times
 * are real, a render's pure CPU time shows as (about) zero in production. CPU per render is
 * measured by `npm run bench` instead.
 */
export class Timing {
  private readonly marks: Array<[string, number]> = [];
  /** Series versions the response was built from (for the log line). */
  versions: string[] = [];

  async time<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = Date.now();
    try {
      return await work();
    } finally {
      this.marks.push([name, Date.now() - start]);
    }
  }

  ms(name: string): number {
    return this.marks.filter(([n]) => n === name).reduce((s, [, d]) => s + d, 0);
  }

  header(total: number, cache: string | null): string {
    const parts = this.marks.map(([n, d]) => `${n};dur=${d}`);
    if (cache) parts.push(`cache;desc="${cache}"`);
    parts.push(`total;dur=${total}`);
    return parts.join(', ');
  }
}

/** The route a path belongs to, as a template: what logs and counters group by. */
function routeOf(method: string, path: string): string {
  const r: Array<[RegExp, string]> = [
    [/^\/v1\/[^/]+\/[^/]+\.svg$/, '/v1/{series}/{widget}.svg'],
    [/^\/v1\/[^/]+\/[^/]+\.png$/, '/v1/{series}/{widget}.png'],
    [/^\/embed\/[^/]+\/[^/]+$/, '/embed/{series}/{widget}'],
    [/^\/api\/v1\/series\/[^/]+\.csv$/, '/api/v1/series/{id}.csv'],
    [/^\/api\/v1\/series\/[^/]+\/versions\/[^/]+$/, '/api/v1/series/{id}/versions/{version}'],
    [/^\/api\/v1\/series\/[^/]+\/versions$/, '/api/v1/series/{id}/versions'],
    [/^\/api\/v1\/series\/[^/]+\/restore\/[^/]+$/, '/api/v1/series/{id}/restore/{version}'],
    [/^\/api\/v1\/series\/[^/]+$/, '/api/v1/series/{id}'],
  ];
  const known = [
    '/',
    '/healthz',
    '/livez',
    '/embed.js',
    '/oembed',
    '/api/v1/series',
    '/api/v1/import/cbp',
    '/api/v1/ready',
  ];
  const route = r.find(([re]) => re.test(path))?.[1] ?? (known.includes(path) ? path : 'other');
  return `${method} ${route}`;
}

const TIMED = /^\/(?:v1\/|embed\/)/;

export const observe: MiddlewareHandler<AppEnv> = async (c, next) => {
  const start = Date.now();
  const timing = new Timing();
  c.set('timing', timing);
  const id = headerSafe(c.req.header('cf-ray') ?? crypto.randomUUID(), 64);
  try {
    await next();
  } finally {
    record(c, timing, id, Date.now() - start);
  }
};

function record(c: Context<AppEnv>, timing: Timing, id: string, total: number): void {
  const res = c.res;
  const cache = res.headers.get('X-Cache');
  const route = routeOf(c.req.method, c.req.path);
  if (TIMED.test(c.req.path)) res.headers.set('Server-Timing', timing.header(total, cache));
  res.headers.set('X-Request-Id', id);
  if (c.env.REQUEST_LOG !== 'off')
    console.log(
      JSON.stringify({
        msg: 'request',
        id,
        route,
        status: res.status,
        cache: cache ?? null,
        renderMs: timing.ms('render'),
        kvMs: timing.ms('kv'),
        ms: total,
        versions: timing.versions,
      }),
    );
  const metrics = (c.env as Partial<Env>).METRICS;
  try {
    metrics?.writeDataPoint({
      indexes: [route.slice(0, 96)],
      blobs: [
        route,
        String(res.status),
        `${Math.floor(res.status / 100)}xx`,
        cache ?? 'none',
        res.headers.get('X-Border-Stats-Stale') ? 'stale' : 'fresh',
      ],
      doubles: [1, timing.ms('render'), total],
    });
  } catch (e) {
    console.warn('metrics write failed', e instanceof Error ? e.message : e);
  }
}
