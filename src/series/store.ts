import type { z } from 'zod';
import { NotFound, Unavailable, describeIssues } from '../errors';
import { KV_CACHE_TTL, KV_DEADLINE_MS } from '../limits';
import { keys } from './keys';
import { Catalog, Head, History, StoredSeries, type VersionInfo } from './schema';

/**
 * The read side of the store: KV only, every call under the one deadline. Writes go through the
 * writer (src/writer/), which publishes what readers see here: immutable versions, a history per
 * series, a catalog, and last the head that makes them current.
 */

/** The store could not be read: KV threw, did not answer, or holds a value we cannot trust. */
export class StoreUnavailable extends Unavailable {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super('Data unavailable', 'The stored data could not be read; please retry shortly.');
  }
}
/** KV itself failed (threw or did not answer). */
class KvFailed extends StoreUnavailable {}
/** A stored value is not JSON or fails its schema: reported, never rendered. */
class StoreCorrupt extends StoreUnavailable {}

/** Every KV call goes through here: cut off after KV_DEADLINE_MS (the one deadline), and a throw
 * becomes a KvFailed naming its key, so the error handler logs one line instead of a stack. */
export function timed<T>(call: Promise<T>, key: string): Promise<T> {
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

function parse<S extends z.ZodType>(schema: S, raw: string, key: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new StoreCorrupt(key, 'stored value is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new StoreCorrupt(key, `stored value fails the schema: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/**
 * The last value parsed per key, in this isolate. A head is re-read on every request (the read
 * itself is what tells us the version), but parsing it again when the text is unchanged is waste;
 * a version never changes, so its parse serves until it is evicted. Parsed values are frozen:
 * requests share them, and a mutation would be a bug that now throws.
 */
const parsedCache = new Map<string, { raw: string; parsed: unknown }>();
const PARSED_CACHE_MAX = 64;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function parseCached<S extends z.ZodType>(schema: S, raw: string, key: string): z.output<S> {
  const hit = parsedCache.get(key);
  if (hit && hit.raw === raw) return hit.parsed as z.output<S>;
  const parsed = deepFreeze(parse(schema, raw, key));
  if (!hit && parsedCache.size >= PARSED_CACHE_MAX) parsedCache.delete(parsedCache.keys().next().value!);
  parsedCache.set(key, { raw, parsed });
  return parsed;
}

async function getText(kv: KVNamespace, key: string, cacheTtl?: number): Promise<string | null> {
  return timed(kv.get(key, cacheTtl ? { type: 'text', cacheTtl } : { type: 'text' }), key);
}

/** The head, edge-cached for KV_CACHE_TTL; null before the writer's first commit. */
async function readHead(kv: KVNamespace): Promise<Head | null> {
  const raw = await getText(kv, keys.head, KV_CACHE_TTL);
  return raw === null ? null : parseCached(Head, raw, keys.head);
}

/** The current version of a document that is not a series (`events`), from the head; null if none. */
export async function currentDocVersion(kv: KVNamespace, name: 'events'): Promise<string | null> {
  return (await readHead(kv))?.docs?.[name] ?? null;
}

/** Reads and validates an immutable KV value (a document version), cached long; null if absent. */
export async function readImmutable<S extends z.ZodType>(
  kv: KVNamespace,
  key: string,
  schema: S,
): Promise<z.output<S> | null> {
  const raw = await getText(kv, key, 86_400);
  return raw === null ? null : parseCached(schema, raw, key);
}

/** Reads and validates a KV value that changes (a history), edge-cached briefly; null if absent. */
export async function readMutable<S extends z.ZodType>(
  kv: KVNamespace,
  key: string,
  schema: S,
): Promise<z.output<S> | null> {
  const raw = await getText(kv, key, KV_CACHE_TTL);
  return raw === null ? null : parse(schema, raw, key);
}

/** The current versions of these series and of the events document, from one read of the head. */
export async function headVersions(
  kv: KVNamespace,
  ids: readonly string[],
): Promise<{ series: Map<string, string>; events: string | null }> {
  const head = await readHead(kv);
  if (!head) return { series: await currentVersions(kv, ids), events: null };
  const series = new Map<string, string>();
  for (const id of ids) if (Object.hasOwn(head.series, id)) series.set(id, head.series[id]!);
  return { series, events: head.docs?.events ?? null };
}

/** The version of a series that was current when the writer made commit `gen`; null if none yet. */
export async function versionAtGen(kv: KVNamespace, id: string, gen: number): Promise<string | null> {
  const history = await readHistory(kv, id);
  let found: string | null = null;
  for (const v of history?.versions ?? []) if (v.gen !== undefined && v.gen <= gen) found = v.version;
  return found;
}

/**
 * The current version of each series named, from one read of the head (the hot path's only KV
 * read); an id that is not current is absent from the map. Data from before the writer's first
 * commit has no head: each series is then read from its own legacy key.
 */
async function currentVersions(kv: KVNamespace, ids: readonly string[]): Promise<Map<string, string>> {
  const head = await readHead(kv);
  const out = new Map<string, string>();
  if (head) {
    for (const id of ids) if (Object.hasOwn(head.series, id)) out.set(id, head.series[id]!);
    return out;
  }
  for (const id of ids) {
    const key = keys.legacyCurrent(id);
    const raw = await getText(kv, key, KV_CACHE_TTL);
    if (raw !== null) out.set(id, parseCached(StoredSeries, raw, key).version);
  }
  return out;
}

/** One stored version, validated; null when there is none. Versions never change, so they are cached long. */
export async function readVersion(kv: KVNamespace, id: string, version: string): Promise<StoredSeries | null> {
  const key = keys.version(id, version);
  const raw = await getText(kv, key, 86_400);
  return raw === null ? null : parseCached(StoredSeries, raw, key);
}

/**
 * The current version of a series, validated; null when there is none. A head that names a version
 * KV has not yet delivered here (a new key can take a moment to reach every location) is a short
 * outage, not a missing series.
 */
export async function readSeries(kv: KVNamespace, id: string): Promise<StoredSeries | null> {
  const version = (await currentVersions(kv, [id])).get(id);
  if (!version) return null;
  const s = await readVersion(kv, id, version);
  if (!s) throw new StoreUnavailable(keys.version(id, version), 'the current version is not readable here yet');
  return s;
}

export const versionNotFound = (id: string, version: string): NotFound =>
  new NotFound('Version not found', `Series "${id}" has no version ${version}.`);

/** The write sequence number at the front of a version id (000042-…), 0 for none. */
export function seqOf(version: string | undefined | null): number {
  return version ? Number(version.slice(0, 6)) : 0;
}

/**
 * A series' history, oldest first, with the current version; null for a series never written.
 * Before the writer's first commit there is no history document: the versions are listed from KV.
 */
export async function readHistory(kv: KVNamespace, id: string): Promise<History | null> {
  const raw = await getText(kv, keys.history(id), KV_CACHE_TTL);
  if (raw !== null) return parse(History, raw, keys.history(id));
  if (await readHead(kv)) return null;
  const versions: VersionInfo[] = [];
  let cursor: string | undefined;
  do {
    const page = await timed(kv.list<VersionInfo>({ prefix: keys.versionPrefix(id), cursor }), keys.versionPrefix(id));
    for (const k of page.keys) if (k.metadata) versions.push(k.metadata);
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  if (!versions.length) return null;
  return { id, current: (await currentVersions(kv, [id])).get(id) ?? null, versions };
}

/**
 * Every current series in one document (the catalog), or null before the writer's first commit.
 * The catalog and the gallery read this instead of one KV value per series.
 */
export async function readCatalog(kv: KVNamespace): Promise<Catalog | null> {
  const raw = await getText(kv, keys.catalog, KV_CACHE_TTL);
  return raw === null ? null : parseCached(Catalog, raw, keys.catalog);
}

/** Ids of every current series. */
export async function listSeries(kv: KVNamespace): Promise<string[]> {
  const head = await readHead(kv);
  if (head) return Object.keys(head.series).sort();
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await timed(kv.list({ prefix: keys.legacyCurrentPrefix, cursor }), keys.legacyCurrentPrefix);
    for (const k of page.keys) ids.push(k.name.slice(keys.legacyCurrentPrefix.length));
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return ids.sort();
}

/** Readiness: whether the seed is in (only `npm start` asks; see `READINESS`). */
export async function isReady(kv: KVNamespace): Promise<boolean> {
  return (await timed(kv.get(keys.ready), keys.ready)) !== null;
}

export async function markReady(kv: KVNamespace): Promise<void> {
  await timed(kv.put(keys.ready, new Date().toISOString()), keys.ready);
}
