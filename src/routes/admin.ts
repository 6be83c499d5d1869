import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { afterResponse } from '../cache/edge';
import { afterWrite } from '../jobs';
import { z } from 'zod';
import { parseSeriesId, parseVersionId } from '../card';
import { Invalid, TooLarge, Unprocessable, describeIssues } from '../errors';
import { clientKey, spend } from '../http/budget';
import { headersFor } from '../http/headers';
import { textChunks } from '../ingest/csv';
import { checkAdmin, tokenKey } from '../lib/auth';
import { BODY } from '../limits';
import { markReady } from '../series/store';
import { parseConditions } from '../writer/conditions';
import { importCbp, restoreEvents, restoreVersion, writeEvents, writeSeries } from '../writer/client';
import type { Written } from '../writer/object';
import type { AppEnv } from '../types';

/** Write API. Each route carries its own guard, so the public read API beside it stays open. */
export const admin = new Hono<AppEnv>();

/** Outermost, so even a 401 or 429 produced by the guards below leaves uncacheable. */
const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};

/**
 * Authentication and the write budgets, kept apart: a request without a valid token spends the
 * client's failed-auth budget (so anonymous traffic from an editor's address cannot use up the
 * editor's writes), and a valid token spends its own write budget, keyed by the token, not by an
 * address a client could claim.
 */
const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const cred = await checkAdmin(c.req.header('Authorization'), c.env.ADMIN_TOKEN);
  if (!cred.ok) {
    await spend(c.env.AUTH_FAIL_LIMITER, clientKey(c), 'Requests without a valid token');
    throw cred.refusal;
  }
  await spend(c.env.WRITE_LIMITER, await tokenKey(cred.token), 'Writes');
  await next();
};

/**
 * What a write answers: the version and what it replaced. 202 when the writer committed it but
 * could not yet publish it to KV (it retries on its own; readers see it once it has).
 */
function written(w: Written, status: number): Response {
  const { published, ...body } = w;
  return new Response(JSON.stringify({ ...body, published }), {
    status: published ? status : 202,
    headers: headersFor('admin', { ETag: `"${w.version}"` }),
  });
}

/** Purges and queues what a write changed, after the response (src/jobs/). */
async function after(c: Context<AppEnv>, ids: string[], opts: { events?: boolean } = {}): Promise<void> {
  let ctx: ExecutionContext | undefined;
  try {
    ctx = c.executionCtx as ExecutionContext;
  } catch {
    ctx = undefined;
  }
  await afterResponse(c, afterWrite(c.env, ctx, ids, opts));
}

const conditions = (c: { req: { header(name: string): string | undefined } }) =>
  parseConditions({ ifMatch: c.req.header('If-Match'), ifNoneMatch: c.req.header('If-None-Match') });

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await readBody(c.req.raw, BODY.series);
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid('Invalid JSON', 'The request body is not valid JSON.');
  }
}

/** Full replace of one series; every write is a new version and `If-Match` guards lost updates. */
admin.put('/series/:id', noStore, guard, async (c) => {
  const id = parseSeriesId(c.req.param('id'));
  const body = await jsonBody(c);
  if (typeof body !== 'object' || body === null || (body as { id?: unknown }).id !== id) {
    throw new Unprocessable('Invalid series', `The body's "id" must be "${id}".`);
  }
  const w = await writeSeries(c.env, body, { conditions: conditions(c) });
  if (w.changed) await after(c, [w.id]);
  return written(w, w.changed && !w.previous ? 201 : 200);
});

/** Makes a new version with an earlier version's content; history is never rewound. */
admin.post('/series/:id/restore/:version', noStore, guard, async (c) => {
  const id = parseSeriesId(c.req.param('id'));
  const version = parseVersionId(c.req.param('version'));
  const w = await restoreVersion(c.env, id, version, conditions(c));
  if (w.changed) await after(c, [w.id]);
  return written(w, 200);
});

/** Full replace of the policy-events document, the same way as a series (versions, `If-Match`). */
admin.put('/events', noStore, guard, async (c) => {
  const w = await writeEvents(c.env, await jsonBody(c), { conditions: conditions(c) });
  if (w.changed) await after(c, [], { events: true });
  return written(w, w.changed && !w.previous ? 201 : 200);
});

admin.post('/events/restore/:version', noStore, guard, async (c) => {
  const version = parseVersionId(c.req.param('version'));
  const w = await restoreEvents(c.env, version, conditions(c));
  if (w.changed) await after(c, [], { events: true });
  return written(w, 200);
});

/** The seed is in: `/healthz` may report ready (`npm start` calls this after seeding). */
admin.put('/ready', noStore, guard, async (c) => {
  await markReady(c.env.SERIES);
  return new Response(null, { status: 204, headers: headersFor('admin') });
});

const ImportQuery = z.object({
  dry_run: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Apply an older file's values over a series that runs later (normally those months are kept). */
  force: z.enum(['0', '1', 'true', 'false']).optional(),
  vintage: z.string().trim().min(1).max(120).optional(),
  /** Confirms an import that creates more than a dozen new series (see the dry run's `created`). */
  allow_new: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number')
    .transform(Number)
    .optional(),
});

/** CBP CSV export in any of its three layouts, parsed as a stream; see src/ingest/. */
admin.post('/import/cbp', noStore, guard, async (c) => {
  const q = ImportQuery.safeParse(c.var.query);
  if (!q.success) throw new Invalid('Invalid query', describeIssues(q.error.issues));
  const declared = Number(c.req.header('Content-Length') ?? '0');
  if (declared > BODY.import) throw new TooLarge('Body too large', `The limit is ${BODY.import} bytes.`);
  if (!c.req.raw.body) throw new Invalid('Empty body', 'Send the CBP CSV file as the request body.');
  const yes = (v: string | undefined): boolean => v === '1' || v === 'true';
  const report = await importCbp(c.env, textChunks(c.req.raw.body, BODY.import), {
    dryRun: yes(q.data.dry_run),
    force: yes(q.data.force),
    vintage: q.data.vintage,
    allowNew: q.data.allow_new,
  });
  if (!report.dryRun)
    await after(
      c,
      report.series.filter((s) => s.status !== 'unchanged').map((s) => s.id),
    );
  return new Response(JSON.stringify(report), { status: report.published ? 200 : 202, headers: headersFor('admin') });
});

/** Reads at most `max` bytes; a longer body is a 413 before it is parsed. */
async function readBody(req: Request, max: number): Promise<string> {
  const declared = Number(req.headers.get('Content-Length') ?? '0');
  if (declared > max) throw new TooLarge('Body too large', `The limit is ${max} bytes.`);
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
      throw new TooLarge('Body too large', `The limit is ${max} bytes.`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let off = 0;
  for (const ch of chunks) all.set(ch, (off += ch.byteLength) - ch.byteLength);
  return new TextDecoder().decode(all);
}
