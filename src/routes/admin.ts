import { Hono } from 'hono';
import { requireAdmin } from '../lib/auth';
import { HttpError } from '../lib/errors';
import { headersFor } from '../lib/headers';
import { SeriesId } from '../series/schema';
import { writeSeries } from '../series/store';
import type { AppEnv } from '../types';

export const MAX_SERIES_BODY = 1_000_000;

export const admin = new Hono<AppEnv>();

admin.use('*', async (c, next) => {
  await requireAdmin(c.req.header('Authorization'), c.env.ADMIN_TOKEN);
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
});

/** Full replace of one series; every write is a new version and `If-Match` guards lost updates. */
admin.put('/series/:id', async (c) => {
  const id = SeriesId.safeParse(c.req.param('id'));
  if (!id.success) throw new HttpError(400, 'Invalid series id', id.error.issues[0]!.message);
  const text = await readBody(c.req.raw, MAX_SERIES_BODY);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Invalid JSON', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || (body as { id?: unknown }).id !== id.data) {
    throw new HttpError(422, 'Invalid series', `The body's "id" must be "${id.data}".`);
  }
  const ifMatch = c.req.header('If-Match')?.replace(/^W\//, '').replace(/"/g, '');
  const r = await writeSeries(c.env.SERIES, body, { ifMatch, ifNoneMatch: c.req.header('If-None-Match') === '*' });
  return new Response(
    JSON.stringify({
      id: id.data,
      version: r.stored.version,
      writtenAt: r.stored.writtenAt,
      changed: r.changed,
      previous: r.previous?.version ?? null,
    }),
    { status: r.changed && !r.previous ? 201 : 200, headers: headersFor('admin', { ETag: `"${r.stored.version}"` }) },
  );
});

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
