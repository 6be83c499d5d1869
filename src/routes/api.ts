import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type Pin, cacheHeaders } from '../cache/policy';
import { tags } from '../cache/tags';
import { parseSeriesId, parseVersionId } from '../card';
import { perDay } from '../card/load';
import { Invalid, NotFound, describeIssues, seriesNotFound } from '../errors';
import { headersFor } from '../http/headers';
import { computeFacts, cutAt } from '../series/facts';
import { readEvents, readEventsHistory, readEventsVersion } from '../events/store';
import { fmt } from '../copy';
import { claimText } from '../kit/text';
import type { Claim } from '../series/headlines';
import {
  type CatalogEntry,
  Dimension,
  type History,
  Period,
  SeriesId,
  type StoredSeries,
  VersionId,
} from '../series/schema';
import {
  StoreUnavailable,
  listSeries,
  readCatalog,
  readHistory,
  readSeries,
  readVersion,
  seqOf,
  versionNotFound,
} from '../series/store';
import type { AppEnv } from '../types';

/** Read API: catalog, series, CSV, versions. Open to every origin: the data are public. */
export const api = new Hono<AppEnv>();

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Content-Disposition',
};

api.options('*', (c) => {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'If-None-Match, Accept',
      'Access-Control-Max-Age': '86400',
      Vary: 'Origin',
      ...(c.req.header('Origin') ? {} : { Allow: 'GET, HEAD, OPTIONS' }),
    },
  });
});

async function etagOf(body: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return `"${[...d.slice(0, 10)].map((b) => b.toString(16).padStart(2, '0')).join('')}"`;
}

/** A strong ETag from the bytes themselves, so every representation (as_of, CSV, catalog) has its own. */
async function send(
  c: Context<AppEnv>,
  body: string,
  cacheTags: string[],
  kind: 'json' | 'csv' | 'atom' = 'json',
  extra: Record<string, string> = {},
  pin: Pin = 'none',
) {
  const etag = await etagOf(body);
  const headers = headersFor(kind, { ...CORS, ...cacheHeaders(kind, pin, cacheTags), ETag: etag, ...extra });
  const inm = c.req.header('If-None-Match');
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) {
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers });
}

async function load(c: Context<AppEnv>, id: string): Promise<StoredSeries> {
  const s = await readSeries(c.env.SERIES, id);
  if (!s) throw seriesNotFound(id);
  return s;
}

/** `as_of=YYYY-MM` cuts the series at that month; `per=day` divides each month by its days. */
const SeriesQuery = z.object({ as_of: Period.optional(), per: z.enum(['month', 'day']).default('month') });

function seriesQuery(c: Context<AppEnv>): { asOf: string | undefined; per: 'month' | 'day' } {
  const q = SeriesQuery.safeParse(c.var.query);
  if (!q.success) throw new Invalid('Invalid query', describeIssues(q.error.issues));
  return { asOf: q.data.as_of, per: q.data.per };
}

function cut(s: StoredSeries, asOf: string | undefined) {
  const points = cutAt(s.series.points, asOf);
  if (!points.length) throw new NotFound('No data for that month', `"${s.series.id}" starts after ${asOf}.`);
  return points;
}

/**
 * A spreadsheet must never take a cell for a formula. Spreadsheets skip leading whitespace (spaces,
 * NBSP, tabs, line breaks) and read full-width signs as the ASCII ones, so the test is on the first
 * character that is not whitespace after NFKC normalisation. Plain numbers (negative too) stay numbers.
 */
export function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  let s = typeof v === 'number' ? String(v) : v;
  if (typeof v === 'string' && !/^-?\d+(\.\d+)?$/.test(s) && /^[\s]*[=+\-@]/u.test(s.normalize('NFKC'))) s = `'${s}`;
  else if (typeof v === 'string' && /^[\t\r\n]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: header row, CRLF line ends, quoted where needed; `source` spells out the release key. */
function seriesCsv(s: StoredSeries, points: StoredSeries['series']['points']): string {
  const refs = s.series.source.references ?? {};
  const rows = [['period', 'value', 'source', 'status'].join(',')];
  for (const p of points) {
    const src = p.src === undefined ? s.series.source.release : (refs[p.src] ?? p.src);
    rows.push([csvCell(p.period), csvCell(p.value), csvCell(src), csvCell(p.status)].join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

const links = (id: string) => ({
  json: `/api/v1/series/${id}`,
  csv: `/api/v1/series/${id}.csv`,
  versions: `/api/v1/series/${id}/versions`,
});

/** `?parent=<id>&dimension=<d>`: one family (either alone: every breakdown of a series, or every family split that way). */
const CatalogQuery = z.object({ parent: SeriesId.optional(), dimension: Dimension.optional() });

type Listed = (CatalogEntry | { id: string; error: string }) & { links?: ReturnType<typeof links> };

/**
 * The catalog: one read of the writer's catalog document (older data: one read per series),
 * filtered to one family when asked. A parent that is not a series is a 404, so a misspelt id is
 * not mistaken for a family without members.
 */
api.get('/series', async (c) => {
  const q = CatalogQuery.safeParse(c.var.query);
  if (!q.success) throw new Invalid('Invalid query', describeIssues(q.error.issues));
  const { parent, dimension } = q.data;
  const kv = c.env.SERIES;
  const catalog = await readCatalog(kv);
  const all: Listed[] = catalog ? catalog.series : await legacyCatalog(kv);
  if (!parent && !dimension) return send(c, JSON.stringify({ series: all.map(withLinks) }), [tags.catalog]);
  const parentEntry = parent ? all.find((e) => e.id === parent) : undefined;
  if (parent && !parentEntry) throw seriesNotFound(parent);
  const members = all.filter(
    (e) => 'version' in e && (!parent || e.parent === parent) && (!dimension || e.dimension === dimension),
  );
  return send(
    c,
    JSON.stringify({
      ...(parentEntry ? { parent: withLinks(parentEntry) } : {}),
      ...(dimension ? { dimension } : {}),
      series: members.map(withLinks),
    }),
    [tags.catalog],
  );
});

const withLinks = (e: Listed): Listed => ('version' in e ? { ...e, links: links(e.id) } : e);

/** Data from before the writer has no catalog document: each series is read. */
async function legacyCatalog(kv: KVNamespace): Promise<Listed[]> {
  return Promise.all(
    (await listSeries(kv)).map(async (id): Promise<Listed> => {
      try {
        const s = (await readSeries(kv, id))!;
        const latest = s.series.points.at(-1)!;
        return {
          id,
          title: s.series.title,
          unit: s.series.unit,
          release: s.series.source.release,
          version: s.version,
          writtenAt: s.writtenAt,
          vintage: s.vintage,
          first: s.series.points[0]!.period,
          latest: { period: latest.period, value: latest.value },
          ...(s.series.parent
            ? { parent: s.series.parent, dimension: s.series.dimension, member: s.series.member }
            : {}),
        };
      } catch (e) {
        // One unreadable series is reported in place; the rest of the catalog still serves.
        if (e instanceof StoreUnavailable) return { id, error: 'stored value could not be read' };
        throw e;
      }
    }),
  );
}

api.get('/series/:file{[a-z0-9-]+\\.csv}', async (c) => {
  const id = parseSeriesId(c.req.param('file').slice(0, -4));
  const { asOf, per } = seriesQuery(c);
  const s = await load(c, id);
  const name = `${id}${asOf ? `-as-of-${asOf}` : ''}${per === 'day' ? '-per-day' : ''}.csv`;
  const disposition = { 'Content-Disposition': `attachment; filename="${name}"` };
  const points = per === 'day' ? perDay(cut(s, asOf)) : cut(s, asOf);
  return send(c, seriesCsv(s, points), [tags.series(id)], 'csv', disposition, asOf ? 'as_of' : 'none');
});

api.get('/series/:id', async (c) => {
  const id = parseSeriesId(c.req.param('id'));
  const { asOf, per } = seriesQuery(c);
  const s = await load(c, id);
  const points = per === 'day' ? perDay(cut(s, asOf)) : cut(s, asOf);
  // Per day: each month's value divided by the days in that month (29 in Feb 2024), unrounded.
  const unit = per === 'day' ? `${s.series.unit} per day` : s.series.unit;
  const body = {
    version: s.version,
    writtenAt: s.writtenAt,
    vintage: s.vintage,
    asOf: asOf ?? null,
    per,
    series: { ...s.series, unit, points },
    facts: computeFacts(points),
  };
  return send(c, JSON.stringify(body), [tags.series(id)], 'json', {}, asOf ? 'as_of' : 'none');
});

api.get('/series/:id/versions', async (c) => {
  const id = parseSeriesId(c.req.param('id'));
  const history = await readHistory(c.env.SERIES, id);
  if (!history) throw seriesNotFound(id);
  const { current, versions } = history;
  // Data from before the writer can hold a version that never became current (a write that failed
  // half-way): it stays listed, restorable, and says so.
  const state = (v: string) =>
    v === current ? 'current' : !current ? 'unknown' : seqOf(v) < seqOf(current) ? 'earlier' : 'incomplete';
  const list = [...versions].reverse().map(({ changes, ...v }) => ({
    ...v,
    state: state(v.version),
    ...(changes
      ? { added: changes.added.length, revised: changes.revised.length, claimsChanged: changes.claims.length }
      : {}),
  }));
  return send(c, JSON.stringify({ id, current, versions: list }), [tags.series(id)]);
});

/** One earlier version, exactly as stored: history stays readable. */
api.get('/series/:id/versions/:version', async (c) => {
  const id = parseSeriesId(c.req.param('id'));
  const version = parseVersionId(c.req.param('version'));
  const s = await readVersion(c.env.SERIES, id, version);
  if (!s) throw versionNotFound(id, version);
  // Stored versions are never rewritten: the URL names immutable bytes.
  return send(c, JSON.stringify(s), [tags.pinned(id, version)], 'json', {}, 'version');
});

// --- policy events -------------------------------------------------------------------------------

const EventsQuery = z.object({ v: VersionId.optional() });

/**
 * The policy-events document: every event with its dates, words in both languages, source and
 * citation. `?v=<version>` gives an earlier version exactly (immutable).
 */
api.get('/events', async (c) => {
  const q = EventsQuery.safeParse(c.var.query);
  if (!q.success) throw new Invalid('Invalid query', describeIssues(q.error.issues));
  if (q.data.v) {
    const doc = await readEventsVersion(c.env.SERIES, q.data.v);
    if (!doc) throw new NotFound('Version not found', `The events document has no version ${q.data.v}.`);
    return send(c, JSON.stringify(doc), [tags.events], 'json', {}, 'version');
  }
  const doc = await readEvents(c.env.SERIES);
  if (!doc) throw new NotFound('No events', 'No events document has been written yet.');
  return send(c, JSON.stringify(doc), [tags.events]);
});

api.get('/events/versions', async (c) => {
  const history = await readEventsHistory(c.env.SERIES);
  if (!history) throw new NotFound('No events', 'No events document has been written yet.');
  const list = [...history.versions]
    .reverse()
    .map((v) => ({ ...v, state: v.version === history.current ? 'current' : 'earlier' }));
  return send(c, JSON.stringify({ current: history.current, versions: list }), [tags.events]);
});

// --- truth over time: the revision ledger and the change feed ------------------------------------

async function historyOf(c: Context<AppEnv>, id: string): Promise<History> {
  const history = await readHistory(c.env.SERIES, id);
  if (!history) throw seriesNotFound(id);
  return history;
}

/**
 * Every change any version made to a month the series already had, oldest first, and per month the
 * first value this service published and its release. Read from the one history document: the
 * changes were computed when each version was written.
 */
function ledger(history: History) {
  const revisions: Array<{ period: string; from: number; to: number; vintage: string; version: string }> = [];
  const first = new Map<string, { period: string; value: number; vintage: string; version: string }>();
  for (const v of history.versions) {
    for (const a of v.changes?.added ?? [])
      if (!first.has(a.period)) first.set(a.period, { ...a, vintage: v.vintage, version: v.version });
    for (const r of v.changes?.revised ?? []) revisions.push({ ...r, vintage: v.vintage, version: v.version });
  }
  const firstPublished = [...first.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
  return { revisions, firstPublished };
}

api.get('/series/:id/revisions.csv', async (c) => {
  const id = parseSeriesId(c.req.param('id'));
  const { revisions } = ledger(await historyOf(c, id));
  const rows = ['period,from,to,vintage,version'];
  for (const r of revisions) rows.push([r.period, r.from, r.to, r.vintage, r.version].map((v) => csvCell(v)).join(','));
  const disposition = { 'Content-Disposition': `attachment; filename="${id}-revisions.csv"` };
  return send(c, rows.join('\r\n') + '\r\n', [tags.series(id)], 'csv', disposition);
});

api.get('/series/:id/revisions', async (c) => {
  const id = parseSeriesId(c.req.param('id'));
  const { revisions, firstPublished } = ledger(await historyOf(c, id));
  return send(c, JSON.stringify({ id, revisions, firstPublished }), [tags.series(id)]);
});

const xml = (s: string | number): string =>
  String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * Atom 1.0 (RFC 4287): one entry per version, newest first, with what it added, what it revised
 * (old → new) and which headline claims changed, and links to the card pinned before and after.
 * Entry ids are tag URIs built from the host, the series and the version: stable for a feed URL.
 */
api.get('/series/:id/changes.atom', async (c) => {
  const id = parseSeriesId(c.req.param('id'));
  const history = await historyOf(c, id);
  const url = new URL(c.req.url);
  const origin = url.origin;
  const tagBase = `tag:${url.hostname},2026-11-01:series/${id}`;
  const n = (v: number) => fmt.number('en', v);
  const month = (p: string) => fmt.month('en', p);
  const claim = (cl: unknown) => (cl ? claimText('en', cl as Claim) : 'no headline claim');
  const versions = [...history.versions].reverse();
  const entries = versions.map((v, i) => {
    const prev = versions[i + 1];
    const ch = v.changes;
    const parts: string[] = [];
    const summary: string[] = [];
    if (ch?.added.length) {
      summary.push(`${ch.added.length} month${ch.added.length === 1 ? '' : 's'} added`);
      const shown = ch.added.length > 12 ? [ch.added[0]!, ch.added.at(-1)!] : ch.added;
      parts.push(
        `<p>Months added${ch.added.length > 12 ? ` (${ch.added.length}, first and last shown)` : ''}:</p><ul>` +
          shown.map((a) => `<li>${xml(month(a.period))}: ${xml(n(a.value))}</li>`).join('') +
          '</ul>',
      );
    }
    if (ch?.revised.length) {
      summary.push(`${ch.revised.length} month${ch.revised.length === 1 ? '' : 's'} revised`);
      parts.push(
        '<p>Months revised:</p><ul>' +
          ch.revised.map((r) => `<li>${xml(month(r.period))}: ${xml(n(r.from))} → ${xml(n(r.to))}</li>`).join('') +
          '</ul>',
      );
    }
    if (ch?.claims.length) {
      summary.push(`${ch.claims.length} claim${ch.claims.length === 1 ? '' : 's'} changed`);
      parts.push(
        '<p>Headline claims that changed (as a card dated that month would state them):</p><ul>' +
          ch.claims
            .map((k) => `<li>${xml(month(k.period))}: ${xml(claim(k.before))} → ${xml(claim(k.after))}</li>`)
            .join('') +
          '</ul>',
      );
    }
    if (v.restoredFrom) parts.push(`<p>Restores version ${xml(v.restoredFrom)}.</p>`);
    if (!parts.length) parts.push('<p>No month changed.</p>');
    const card = (ver: string) => `${origin}/embed/${id}/trend?v=${ver}`;
    parts.push(
      `<p><a href="${xml(card(v.version))}">The card as of this version</a>` +
        (prev ? ` · <a href="${xml(card(prev.version))}">before it</a>` : '') +
        '</p>',
    );
    const title = `${v.vintage}: ${summary.join(', ') || 'no change to any month'}`;
    return (
      `<entry><id>${xml(`${tagBase}/${v.version}`)}</id><title>${xml(title)}</title>` +
      `<updated>${xml(v.writtenAt)}</updated>` +
      `<link rel="alternate" type="text/html" href="${xml(card(v.version))}"/>` +
      `<content type="html">${xml(parts.join(''))}</content></entry>`
    );
  });
  const updated = versions[0]?.writtenAt ?? new Date(0).toISOString();
  const body =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom">' +
    `<id>${xml(`${tagBase}/changes`)}</id>` +
    `<title>${xml(`Changes to ${id}`)}</title>` +
    `<subtitle>Every new version of this series: months added, months revised, headline claims that changed.</subtitle>` +
    `<updated>${xml(updated)}</updated>` +
    `<author><name>${xml(c.env.SERVICE_NAME)}</name></author>` +
    `<link rel="self" type="application/atom+xml" href="${xml(`${origin}/api/v1/series/${id}/changes.atom`)}"/>` +
    `<link rel="alternate" type="text/html" href="${xml(`${origin}/embed/${id}/trend`)}"/>` +
    entries.join('') +
    '</feed>\n';
  return send(c, body, [tags.series(id)], 'atom');
});
