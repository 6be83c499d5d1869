import type { VersionChanges } from '../series/changes';
import type { EventsHistory, EventsVersionInfo, StoredEvents } from '../events/schema';
import {
  labelsOf,
  type CatalogEntry,
  type Head,
  type History,
  type StoredSeries,
  type VersionInfo,
} from '../series/schema';

/**
 * The writer's own state, in its Durable Object's SQLite storage: the authority on which version of
 * each series is current. KV holds what readers see, published from here.
 *
 * - `versions`: every committed version (its facts and its stored text), never rewritten;
 * - `current`: the current version of each series, with its catalog summary;
 * - `meta`: `gen` (the last commit) and `published` (the last commit KV has in full);
 * - `doc_versions`, `doc_current`: the same for documents that are not series (the policy events).
 */
export class State {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS versions (
      id TEXT NOT NULL, version TEXT NOT NULL, seq INTEGER NOT NULL, gen INTEGER NOT NULL,
      info TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (id, version))`);
    sql.exec(`CREATE TABLE IF NOT EXISTS current (
      id TEXT PRIMARY KEY, version TEXT NOT NULL, seq INTEGER NOT NULL, summary TEXT NOT NULL)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS doc_versions (
      name TEXT NOT NULL, version TEXT NOT NULL, seq INTEGER NOT NULL, gen INTEGER NOT NULL,
      info TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (name, version))`);
    sql.exec(`CREATE TABLE IF NOT EXISTS doc_current (name TEXT PRIMARY KEY, version TEXT NOT NULL)`);
  }

  // --- documents (the policy events) ---------------------------------------------------------------

  docCurrentVersion(name: DocName): string | null {
    return (
      this.sql.exec<{ version: string }>('SELECT version FROM doc_current WHERE name = ?', name).toArray()[0]
        ?.version ?? null
    );
  }

  docVersion(name: DocName, version: string): StoredEvents | null {
    const row = this.sql
      .exec<{ body: string }>('SELECT body FROM doc_versions WHERE name = ? AND version = ?', name, version)
      .toArray()[0];
    return row ? (JSON.parse(row.body) as StoredEvents) : null;
  }

  docMaxSeq(name: DocName): number {
    return (
      this.sql.exec<{ s: number | null }>('SELECT MAX(seq) AS s FROM doc_versions WHERE name = ?', name).toArray()[0]
        ?.s ?? 0
    );
  }

  /** Records a committed document version and makes it current. The caller wraps this in a transaction. */
  recordDoc(name: DocName, stored: StoredEvents, body: string): void {
    const info: EventsVersionInfo = {
      version: stored.version,
      writtenAt: stored.writtenAt,
      vintage: stored.vintage,
      events: stored.doc.events.length,
      ...(stored.restoredFrom ? { restoredFrom: stored.restoredFrom } : {}),
      gen: stored.gen,
    };
    this.sql.exec(
      'INSERT INTO doc_versions (name, version, seq, gen, info, body) VALUES (?, ?, ?, ?, ?, ?)',
      name,
      stored.version,
      Number(stored.version.slice(0, 6)),
      stored.gen,
      JSON.stringify(info),
      body,
    );
    this.sql.exec(
      'INSERT INTO doc_current (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version',
      name,
      stored.version,
    );
  }

  docsChangedSince(gen: number): DocName[] {
    return this.sql
      .exec<{ name: DocName }>('SELECT DISTINCT name FROM doc_versions WHERE gen > ? ORDER BY name', gen)
      .toArray()
      .map((r) => r.name);
  }

  docHistory(name: DocName): EventsHistory {
    const versions = this.sql
      .exec<{ info: string }>('SELECT info FROM doc_versions WHERE name = ? ORDER BY seq, version', name)
      .toArray()
      .map((r) => JSON.parse(r.info) as EventsVersionInfo);
    return { current: this.docCurrentVersion(name), versions };
  }

  meta(k: 'gen' | 'published' | 'adopted'): number {
    const row = this.sql.exec<{ v: string }>('SELECT v FROM meta WHERE k = ?', k).toArray()[0];
    return row ? Number(row.v) : 0;
  }

  setMeta(k: 'gen' | 'published' | 'adopted', v: number): void {
    this.sql.exec('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v', k, String(v));
  }

  currentVersion(id: string): string | null {
    return (
      this.sql.exec<{ version: string }>('SELECT version FROM current WHERE id = ?', id).toArray()[0]?.version ?? null
    );
  }

  /** A stored version, exactly as committed; null when there is none. */
  version(id: string, version: string): StoredSeries | null {
    const row = this.sql
      .exec<{ body: string }>('SELECT body FROM versions WHERE id = ? AND version = ?', id, version)
      .toArray()[0];
    return row ? (JSON.parse(row.body) as StoredSeries) : null;
  }

  current(id: string): StoredSeries | null {
    const v = this.currentVersion(id);
    return v ? this.version(id, v) : null;
  }

  /** Ids of the current series of one family (from the catalog summaries: no series is parsed). */
  members(parent: string, dimension: string): string[] {
    return this.sql
      .exec<{ id: string }>(
        `SELECT id FROM current
         WHERE json_extract(summary, '$.parent') = ? AND json_extract(summary, '$.dimension') = ? ORDER BY id`,
        parent,
        dimension,
      )
      .toArray()
      .map((r) => r.id);
  }

  /** The highest sequence number a series has used, current or not: new versions number on after it. */
  maxSeq(id: string): number {
    return (
      this.sql.exec<{ s: number | null }>('SELECT MAX(seq) AS s FROM versions WHERE id = ?', id).toArray()[0]?.s ?? 0
    );
  }

  /**
   * Records committed versions. `current` says whether each becomes its series' current version
   * (adoption also records versions that never did). The caller wraps this in a transaction.
   */
  record(stored: StoredSeries, body: string, gen: number, current = true, changes?: VersionChanges): void {
    const info: VersionInfo = { ...infoOf(stored), ...(changes ? { changes } : {}) };
    const seq = Number(stored.version.slice(0, 6));
    this.sql.exec(
      'INSERT INTO versions (id, version, seq, gen, info, body) VALUES (?, ?, ?, ?, ?, ?)',
      stored.series.id,
      stored.version,
      seq,
      gen,
      JSON.stringify(info),
      body,
    );
    if (current)
      this.sql.exec(
        `INSERT INTO current (id, version, seq, summary) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, seq = excluded.seq, summary = excluded.summary`,
        stored.series.id,
        stored.version,
        seq,
        JSON.stringify(summaryOf(stored)),
      );
  }

  /** Series with a version committed after `gen`: the histories a publish must rewrite. */
  changedSince(gen: number): string[] {
    return this.sql
      .exec<{ id: string }>('SELECT DISTINCT id FROM versions WHERE gen > ? ORDER BY id', gen)
      .toArray()
      .map((r) => r.id);
  }

  history(id: string): History {
    const versions = this.sql
      .exec<{ info: string }>('SELECT info FROM versions WHERE id = ? ORDER BY seq, version', id)
      .toArray()
      .map((r) => JSON.parse(r.info) as VersionInfo);
    return { id, current: this.currentVersion(id), versions };
  }

  head(gen: number, at: string): Head {
    const series: Record<string, string> = {};
    for (const r of this.sql.exec<{ id: string; version: string }>('SELECT id, version FROM current ORDER BY id'))
      series[r.id] = r.version;
    const docs: Record<string, string> = {};
    for (const r of this.sql.exec<{ name: string; version: string }>('SELECT name, version FROM doc_current'))
      docs[r.name] = r.version;
    return { gen, at, series, ...(Object.keys(docs).length ? { docs } : {}) };
  }

  catalog(): CatalogEntry[] {
    return this.sql
      .exec<{ summary: string }>('SELECT summary FROM current ORDER BY id')
      .toArray()
      .map((r) => JSON.parse(r.summary) as CatalogEntry);
  }

  versionCount(): number {
    return this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM versions').toArray()[0]!.n;
  }
}

/** The documents that are not series. */
export type DocName = 'events';

export function infoOf(s: StoredSeries): VersionInfo {
  return {
    version: s.version,
    writtenAt: s.writtenAt,
    vintage: s.vintage,
    points: s.series.points.length,
    first: s.series.points[0]!.period,
    last: s.series.points.at(-1)!.period,
    ...(s.restoredFrom ? { restoredFrom: s.restoredFrom } : {}),
    ...(s.gen ? { gen: s.gen } : {}),
  };
}

function summaryOf(s: StoredSeries): CatalogEntry {
  const latest = s.series.points.at(-1)!;
  const es = s.series.i18n?.es;
  return {
    id: s.series.id,
    title: labelsOf(s.series, 'en').title,
    unit: s.series.unit,
    release: s.series.source.release,
    version: s.version,
    writtenAt: s.writtenAt,
    vintage: s.vintage,
    first: s.series.points[0]!.period,
    latest: { period: latest.period, value: latest.value },
    ...(s.series.parent ? { parent: s.series.parent, dimension: s.series.dimension, member: s.series.member } : {}),
    ...(es ? { i18n: { es: { title: es.title, ...(es.member ? { member: es.member } : {}) } } } : {}),
  };
}
