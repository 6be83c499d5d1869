import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../lib/auth';
import { HttpError, describeIssues } from '../lib/errors';
import { headersFor } from '../lib/headers';
import { queryObject } from '../lib/query';
import { CsvError, TooLargeError, textChunks } from '../ingest/csv';
import { MAX_IMPORT_BODY, importCbp } from '../ingest/import';
import { SeriesId } from '../series/schema';
import { type WriteResult, restoreVersion, writeSeries } from '../series/store';
import type { AppEnv } from '../types';

export const MAX_SERIES_BODY = 1_000_000;
const RATE_PERIOD_S = 60;

/** Write API. Each route carries its own guard, so the public read API beside it stays open. */
export const admin = new Hono<AppEnv>();

/** Outermost, so even a 401 or 429 produced by the guards below leaves uncacheable. */
const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};

/** Before auth, so guessing tokens is rate-limited too. */
const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('CF-Connecting-IP') ?? 'unknown';
  const { success } = await c.env.WRITE_LIMITER.limit({ key });
  if (!success) {
    throw new HttpError(
      429,
      'Too many requests',
      `Write requests are limited per client; retry in ${RATE_PERIOD_S} s.`,
      {
        'Retry-After': String(RATE_PERIOD_S),
      },
    );
  }
  await next();
};

const auth: MiddlewareHandler<AppEnv> = async (c, next) => {
  await requireAdmin(c.req.header('Authorization'), c.env.ADMIN_TOKEN);
  await next();
};

const guard = [noStore, rateLimit, auth] as const;

function seriesId(raw: string): string {
  const id = SeriesId.safeParse(raw);
  if (!id.success) throw new HttpError(400, 'Invalid series id', id.error.issues[0]!.message);
  return id.data;
}

const etagValue = (h: string | undefined): string | undefined => h?.replace(/^W\//, '').replace(/"/g, '').trim();

function written(id: string, r: WriteResult, status: number): Response {
  const body = {
    id,
    version: r.stored.version,
    writtenAt: r.stored.writtenAt,
    vintage: r.stored.vintage,
    changed: r.changed,
    previous: r.previous?.version ?? null,
    ...(r.stored.restoredFrom ? { restoredFrom: r.stored.restoredFrom } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: headersFor('admin', { ETag: `"${r.stored.version}"` }),
  });
}

/** Full replace of one series; every write is a new version and `If-Match` guards lost updates. */
admin.put('/series/:id', ...guard, async (c) => {
  const id = seriesId(c.req.param('id'));
  const text = await readBody(c.req.raw, MAX_SERIES_BODY);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Invalid JSON', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || (body as { id?: unknown }).id !== id) {
    throw new HttpError(422, 'Invalid series', `The body's "id" must be "${id}".`);
  }
  const r = await writeSeries(c.env.SERIES, body, {
    ifMatch: etagValue(c.req.header('If-Match')),
    ifNoneMatch: c.req.header('If-None-Match')?.trim() === '*',
  });
  return written(id, r, r.changed && !r.previous ? 201 : 200);
});

/** Makes a new version with an earlier version's content; history is never rewound. */
admin.post('/series/:id/restore/:version', ...guard, async (c) => {
  const id = seriesId(c.req.param('id'));
  const version = c.req.param('version');
  if (!/^\d{6}-[0-9a-f]{12}$/.test(version)) {
    throw new HttpError(400, 'Invalid version', 'A version looks like 000003-0123456789ab.');
  }
  const r = await restoreVersion(c.env.SERIES, id, version, { ifMatch: etagValue(c.req.header('If-Match')) });
  return written(id, r, 200);
});

const ImportQuery = z.object({
  dry_run: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Apply an older file's values over a series that runs later (normally those months are kept). */
  force: z.enum(['0', '1', 'true', 'false']).optional(),
  vintage: z.string().trim().min(1).max(120).optional(),
});

/** CBP CSV export in any of its three layouts, parsed as a stream; see src/ingest/. */
admin.post('/import/cbp', ...guard, async (c) => {
  const q = ImportQuery.safeParse(queryObject(new URL(c.req.url)));
  if (!q.success) throw new HttpError(400, 'Invalid query', describeIssues(q.error.issues));
  const declared = Number(c.req.header('Content-Length') ?? '0');
  if (declared > MAX_IMPORT_BODY) throw new HttpError(413, 'Body too large', `The limit is ${MAX_IMPORT_BODY} bytes.`);
  if (!c.req.raw.body) throw new HttpError(400, 'Empty body', 'Send the CBP CSV file as the request body.');
  const yes = (v: string | undefined): boolean => v === '1' || v === 'true';
  const report = await importCbpOrProblem(c.env.SERIES, c.req.raw.body, {
    dryRun: yes(q.data.dry_run),
    force: yes(q.data.force),
    vintage: q.data.vintage,
  });
  return new Response(JSON.stringify(report), { headers: headersFor('admin') });
});

/** The import path shared with the cron: input problems become 400/413 problems naming the line. */
export async function importCbpOrProblem(
  kv: KVNamespace,
  body: ReadableStream<Uint8Array>,
  opts: { dryRun?: boolean; vintage?: string; force?: boolean },
): ReturnType<typeof importCbp> {
  try {
    return await importCbp(kv, textChunks(body, MAX_IMPORT_BODY), opts);
  } catch (e) {
    if (e instanceof CsvError) {
      throw new HttpError(400, 'Malformed CBP file', e.message, {}, e.line === null ? {} : { line: e.line });
    }
    if (e instanceof TooLargeError) throw new HttpError(413, 'Body too large', `The limit is ${e.max} bytes.`);
    throw e;
  }
}

/** Reads at most `max` bytes; a longer body is a 413 before it is parsed. */
export async function readBody(req: Request, max: number): Promise<string> {
  const declared = Number(req.headers.get('Content-Length') ?? '0');
  if (declared > max) throw new HttpError(413, 'Body too large', `The limit is ${max} bytes.`);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new HttpError(413, 'Body too large', `The limit is ${max} bytes.`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let off = 0;
  for (const ch of chunks) all.set(ch, (off += ch.byteLength) - ch.byteLength);
  return new TextDecoder().decode(all);
}
