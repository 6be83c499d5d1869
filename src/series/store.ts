import { HttpError, StoreError, describeIssues } from '../lib/errors';
import { keys } from './keys';
import { Series, StoredSeries } from './schema';

/** Edge cache time for KV reads on the hot path; a new version shows within this many seconds. */
export const KV_CACHE_TTL = 30;

export interface VersionInfo {
  version: string;
  writtenAt: string;
  vintage: string;
  points: number;
  first: string;
  last: string;
  restoredFrom?: string;
}

/** A KV call that has not answered by then is treated as unavailable (503), not waited on forever. */
export const KV_TIMEOUT_MS = 3000;

/** KV itself failed (threw or did not answer): unavailable, not corrupt. A write must not treat
 * such a read as a value to repair. */
export class KvUnavailableError extends StoreError {}
export class KvTimeoutError extends KvUnavailableError {}

/** Every KV call goes through here: cut off after KV_TIMEOUT_MS, and a throw becomes a StoreError
 * (answered as 503) with the key it concerned, instead of an unexpected error. */
function timed<T>(call: Promise<T>, key: string): Promise<T> {
  const p = call.catch((e: unknown) => {
    throw new KvUnavailableError(`KV call failed: ${e instanceof Error ? e.message : String(e)}`, key);
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new KvTimeoutError(`KV did not answer within ${KV_TIMEOUT_MS} ms`, key)),
      KV_TIMEOUT_MS,
    );
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function parseStored(raw: string, key: string): StoredSeries {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new StoreError('stored value is not JSON', key);
  }
  const parsed = StoredSeries.safeParse(json);
  if (!parsed.success)
    throw new StoreError(`stored value fails the schema: ${describeIssues(parsed.error.issues)}`, key);
  return parsed.data;
}

/**
 * The last value parsed per key, in this isolate. A stored value is re-read on every request (the
 * KV read itself is what tells us the version), but parsing and validating 30 KB of JSON again
 * when the text is unchanged was the largest part of a cached card's handler time. The parsed
 * value is frozen: callers share it, and a mutation would be a bug that now throws.
 */
const parsedCache = new Map<string, { raw: string; parsed: StoredSeries }>();
const PARSED_CACHE_MAX = 64;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function parseCached(raw: string, key: string): StoredSeries {
  const hit = parsedCache.get(key);
  if (hit && hit.raw === raw) return hit.parsed;
  const parsed = deepFreeze(parseStored(raw, key));
  if (!hit && parsedCache.size >= PARSED_CACHE_MAX) parsedCache.delete(parsedCache.keys().next().value!);
  parsedCache.set(key, { raw, parsed });
  return parsed;
}

/** The current version of a series, validated; null when there is none. */
export async function readSeries(
  kv: KVNamespace,
  id: string,
  opts: { cached?: boolean } = {},
): Promise<StoredSeries | null> {
  const key = keys.current(id);
  const raw = await timed(kv.get(key, opts.cached ? { type: 'text', cacheTtl: KV_CACHE_TTL } : { type: 'text' }), key);
  return raw === null ? null : parseCached(raw, key);
}

/** One stored version of a series, validated; null when there is none. */
export async function readVersion(kv: KVNamespace, id: string, version: string): Promise<StoredSeries | null> {
  const key = keys.version(id, version);
  const raw = await timed(kv.get(key, { type: 'text' }), key);
  return raw === null ? null : parseStored(raw, key);
}

/** The write sequence number at the front of a version id (000042-…), 0 for none. */
export function seqOf(version: string | undefined): number {
  return version ? Number(version.slice(0, 6)) : 0;
}

async function contentHash(series: Series): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(series));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface WriteResult {
  stored: StoredSeries;
  changed: boolean;
  previous: StoredSeries | null;
}

/**
 * Validates in full, then stores a new version without touching earlier ones: the version entry is
 * written before the current pointer, so a failure half-way leaves the old current version intact.
 * Writing content identical to the current version is a no-op (importing a file twice changes nothing).
 */
export async function writeSeries(
  kv: KVNamespace,
  input: unknown,
  opts: { vintage?: string; ifMatch?: string; ifNoneMatch?: boolean; now?: Date; restoredFrom?: string } = {},
): Promise<WriteResult> {
  const parsed = Series.safeParse(input);
  if (!parsed.success) throw new HttpError(422, 'Invalid series', describeIssues(parsed.error.issues));
  const series = parsed.data;
  let corrupt = false;
  const previous = await readSeries(kv, series.id).catch((e: unknown) => {
    // A corrupt current value must not block a repair write; history keeps the bad key's versions.
    if (!(e instanceof StoreError) || e instanceof KvUnavailableError) throw e;
    corrupt = true;
    return null;
  });
  if (opts.ifMatch !== undefined && opts.ifMatch !== '*' && opts.ifMatch !== previous?.version) {
    throw new HttpError(
      412,
      'Version mismatch',
      `If-Match ${opts.ifMatch} is not the current version (${previous?.version ?? 'none'}).`,
    );
  }
  if (opts.ifNoneMatch && (previous || corrupt)) {
    throw new HttpError(
      412,
      'Series exists',
      `"${series.id}" already exists (version ${previous?.version ?? 'unreadable'}).`,
    );
  }
  const hash = await contentHash(series);
  if (previous && previous.version.endsWith(hash)) return { stored: previous, changed: false, previous };

  // Number on from the history, not only from the current version: after a corrupt current value,
  // or a write that stored its version but failed before moving the current pointer, the newest
  // listed version can be ahead of current. Version order stays write order either way.
  const listed = previous || corrupt ? (await listVersions(kv, series.id)).at(-1)?.version : undefined;
  const seq = Math.max(seqOf(previous?.version), seqOf(listed)) + 1;
  const stored: StoredSeries = {
    version: `${String(seq).padStart(6, '0')}-${hash}`,
    writtenAt: (opts.now ?? new Date()).toISOString(),
    vintage: opts.vintage ?? series.source.release,
    ...(opts.restoredFrom ? { restoredFrom: opts.restoredFrom } : {}),
    series,
  };
  const body = JSON.stringify(stored);
  const info: VersionInfo = {
    version: stored.version,
    writtenAt: stored.writtenAt,
    vintage: stored.vintage,
    points: series.points.length,
    first: series.points[0]!.period,
    last: series.points.at(-1)!.period,
    ...(opts.restoredFrom ? { restoredFrom: opts.restoredFrom } : {}),
  };
  for (const key of [keys.version(series.id, stored.version), keys.current(series.id)])
    await timed(kv.put(key, body, { metadata: info }), key); // in this order: see the doc comment
  return { stored, changed: true, previous };
}

/**
 * Makes a NEW version carrying an earlier version's content (history is never rewound, so the
 * version being replaced stays restorable too). Restoring the content that is already current is a no-op.
 */
export async function restoreVersion(
  kv: KVNamespace,
  id: string,
  version: string,
  opts: { ifMatch?: string; now?: Date } = {},
): Promise<WriteResult> {
  const old = await readVersion(kv, id, version);
  if (!old) throw new HttpError(404, 'Version not found', `Series "${id}" has no version ${version}.`);
  return writeSeries(kv, old.series, { ...opts, vintage: old.vintage, restoredFrom: old.version });
}

/** All versions of a series, oldest first, from KV list metadata (no value reads). */
export async function listVersions(kv: KVNamespace, id: string): Promise<VersionInfo[]> {
  const out: VersionInfo[] = [];
  let cursor: string | undefined;
  do {
    const page = await timed(kv.list<VersionInfo>({ prefix: keys.versionPrefix(id), cursor }), keys.versionPrefix(id));
    for (const k of page.keys) if (k.metadata) out.push(k.metadata);
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}

/** Ids and version facts of every current series, from list metadata. */
export async function listSeries(kv: KVNamespace): Promise<Array<{ id: string } & VersionInfo>> {
  const out: Array<{ id: string } & VersionInfo> = [];
  let cursor: string | undefined;
  do {
    const page = await timed(kv.list<VersionInfo>({ prefix: keys.currentPrefix, cursor }), keys.currentPrefix);
    for (const k of page.keys) if (k.metadata) out.push({ id: k.name.slice(keys.currentPrefix.length), ...k.metadata });
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}
