import { NotFound, PreconditionFailed, Unavailable, Unprocessable, describeIssues } from '../errors';
import { KV_CACHE_TTL, KV_DEADLINE_MS } from '../limits';
import { keys } from './keys';
import { Series, StoredSeries } from './schema';

export interface VersionInfo {
  version: string;
  writtenAt: string;
  vintage: string;
  points: number;
  first: string;
  last: string;
  restoredFrom?: string;
}

/** The store could not be read or written: KV threw, did not answer, or holds a value we cannot trust. */
export class StoreUnavailable extends Unavailable {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super('Data unavailable', 'The stored data could not be read; please retry shortly.');
  }
}
/** KV itself failed (threw or did not answer). A write must not treat such a read as a value to repair. */
class KvFailed extends StoreUnavailable {}
/** A stored value is not JSON or fails the schema: reported, never rendered. */
class StoreCorrupt extends StoreUnavailable {}

/** Every KV call goes through here: cut off after KV_DEADLINE_MS (the one deadline), and a throw
 * becomes a KvFailed naming its key, so the error handler logs one line instead of a stack. */
function timed<T>(call: Promise<T>, key: string): Promise<T> {
  const p = call.catch((e: unknown) => {
    throw new KvFailed(key, `KV call failed: ${e instanceof Error ? e.message : String(e)}`);
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new KvFailed(key, `KV did not answer within ${KV_DEADLINE_MS} ms`)),
      KV_DEADLINE_MS,
    );
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function parseStored(raw: string, key: string): StoredSeries {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new StoreCorrupt(key, 'stored value is not JSON');
  }
  const parsed = StoredSeries.safeParse(json);
  if (!parsed.success)
    throw new StoreCorrupt(key, `stored value fails the schema: ${describeIssues(parsed.error.issues)}`);
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

export const versionNotFound = (id: string, version: string): NotFound =>
  new NotFound('Version not found', `Series "${id}" has no version ${version}.`);

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
  if (!parsed.success) throw new Unprocessable('Invalid series', describeIssues(parsed.error.issues));
  const series = parsed.data;
  let corrupt = false;
  const previous = await readSeries(kv, series.id).catch((e: unknown) => {
    // A corrupt current value must not block a repair write; history keeps the bad key's versions.
    if (!(e instanceof StoreCorrupt)) throw e;
    corrupt = true;
    return null;
  });
  if (opts.ifMatch !== undefined && opts.ifMatch !== '*' && opts.ifMatch !== previous?.version) {
    throw new PreconditionFailed(
      'Version mismatch',
      `If-Match ${opts.ifMatch} is not the current version (${previous?.version ?? 'none'}).`,
    );
  }
  if (opts.ifNoneMatch && (previous || corrupt)) {
    throw new PreconditionFailed(
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
  if (!old) throw versionNotFound(id, version);
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

/** Readiness: whether the seed is in (only `npm start` asks; see `READINESS`). */
export async function isReady(kv: KVNamespace): Promise<boolean> {
  return (await timed(kv.get(keys.ready), keys.ready)) !== null;
}

export async function markReady(kv: KVNamespace): Promise<void> {
  await timed(kv.put(keys.ready, new Date().toISOString()), keys.ready);
}
