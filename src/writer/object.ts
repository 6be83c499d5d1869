import { DurableObject } from 'cloudflare:workers';
import {
  Conflict,
  DomainError,
  Invalid,
  NotFound,
  PreconditionFailed,
  Unavailable,
  Unprocessable,
  describeIssues,
} from '../errors';
import type { Aggregate } from '../ingest/cbp';
import { type ImportOptions, type ImportReport, finishReport, planImport } from '../ingest/import';
import { keys } from '../series/keys';
import { EventsDoc, type StoredEvents } from '../events/schema';
import { type VersionChanges, changesBetween } from '../series/changes';
import { Head, Series, StoredSeries } from '../series/schema';
import { StoreUnavailable, seqOf, timed } from '../series/store';
import { type Conditions, failedCondition } from './conditions';
import { State, infoOf, type DocName } from './state';

/** One series to write, and the conditions it is written under. */
export interface WriteRequest {
  series: unknown;
  conditions?: Conditions;
  vintage?: string;
  restoredFrom?: string;
}

/** What a write did, per series. `published`: readers can see it (KV has the commit in full). */
export interface Written {
  id: string;
  version: string;
  writtenAt: string;
  vintage: string;
  changed: boolean;
  previous: string | null;
  restoredFrom?: string;
  published: boolean;
}

/** Errors cross the RPC boundary as data; the Worker turns them back into its own error classes. */
export interface Failure {
  kind: 'invalid' | 'unprocessable' | 'not-found' | 'precondition' | 'conflict' | 'unavailable';
  title: string;
  detail: string;
  extra?: Record<string, unknown>;
}
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Failure };

const KINDS: ReadonlyArray<readonly [abstract new (...a: never[]) => DomainError, Failure['kind']]> = [
  [Unprocessable, 'unprocessable'],
  [Invalid, 'invalid'],
  [NotFound, 'not-found'],
  [PreconditionFailed, 'precondition'],
  [Conflict, 'conflict'],
  [Unavailable, 'unavailable'],
];

function failure(e: unknown): Failure {
  // KV failed under the writer (staging): nothing was committed.
  if (e instanceof StoreUnavailable) {
    console.warn(`writer: ${e.key}: ${e.reason}`);
    return {
      kind: 'unavailable',
      title: 'Write failed',
      detail: 'The store could not be written; nothing was committed. Please retry.',
    };
  }
  if (e instanceof DomainError) {
    const kind = KINDS.find(([cls]) => e instanceof cls)?.[1] ?? 'unavailable';
    return { kind, title: e.title, detail: e.detail, ...(Object.keys(e.extra).length ? { extra: e.extra } : {}) };
  }
  console.error('writer: unexpected error', e);
  return { kind: 'unavailable', title: 'Write failed', detail: 'The write could not be completed; please retry.' };
}

/** If the writer stops between a commit and its publish, its alarm publishes this long after. */
const RETRY_MS = 5_000;

async function contentHash(content: Series | EventsDoc): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(content))),
  );
  return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The only writer. One object for the whole store, so a write that touches many series (a CBP
 * import) commits in one SQLite transaction; writes are rare (releases, edits), far below what one
 * object serves. Every write, restore, import and cron refresh goes through its queue, one at a time:
 * conditions are checked against its own state, versions are numbered here, new versions are
 * staged in KV, then committed here, then published: each changed series' history, the catalog, and
 * last the head that readers resolve. A publish covers every commit made while it waited, so bursts
 * beyond KV's one write a second per key are coalesced, never refused.
 */
export class Writer extends DurableObject<Env> {
  private readonly state: State;
  /** The KV namespace it publishes to (a field, so a test can put a faulty one in its place). */
  kv: KVNamespace;
  /** Least time between two publishes: KV takes about one write a second per key. */
  publishIntervalMs: number;
  private queue: Promise<unknown> = Promise.resolve();
  private publishing: Promise<void> | null = null;
  private lastPublish = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.state = new State(ctx.storage.sql);
    this.kv = env.SERIES;
    const interval = Number(env.KV_PUBLISH_INTERVAL_MS);
    this.publishIntervalMs = Number.isFinite(interval) && interval >= 0 ? interval : 1000;
    // A commit that was not yet published when the object stopped is published by the alarm.
    ctx.blockConcurrencyWhile(async () => {
      if (this.state.meta('published') < this.state.meta('gen') && !(await ctx.storage.getAlarm()))
        await ctx.storage.setAlarm(Date.now() + 100);
    });
  }

  /** One operation at a time, in arrival order; a failed one does not block the next. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Writes every series given, all or nothing. */
  async write(requests: WriteRequest[], now?: string): Promise<Outcome<Written[]>> {
    const r = await this.serial(() => this.tryCommit(() => this.prepare(requests, now)));
    return this.afterCommit(r, (written, published) => written.map((w) => ({ ...w, published })));
  }

  /** A NEW version carrying an earlier version's content; history is never rewound. */
  async restore(id: string, version: string, conditions: Conditions, now?: string): Promise<Outcome<Written>> {
    const r = await this.serial(() =>
      this.tryCommit(async () => {
        await this.adopt();
        const old = this.state.version(id, version);
        if (!old) throw new NotFound('Version not found', `Series "${id}" has no version ${version}.`);
        return this.prepare([{ series: old.series, conditions, vintage: old.vintage, restoredFrom: old.version }], now);
      }),
    );
    return this.afterCommit(r, (written, published) => ({ ...written[0]!, published }));
  }

  /** A CBP import, planned against this object's own state and committed as one. */
  async importAggregate(
    agg: Aggregate,
    opts: ImportOptions & { now?: string },
  ): Promise<Outcome<ImportReport & { published: boolean }>> {
    let plan: ReturnType<typeof planImport> | null = null;
    const r = await this.serial(() =>
      this.tryCommit(async () => {
        await this.adopt();
        plan = planImport(agg, this.state, opts);
        if (opts.dryRun) return { entries: [], written: [], gen: 0 };
        return this.prepare(
          plan.writes.map((w) => ({
            series: w.series,
            conditions: w.change.previousVersion
              ? { ifMatch: [{ weak: false, tag: w.change.previousVersion }] }
              : { ifNoneMatch: '*' },
            // A version's vintage is the release its numbers come from: an import that only adds
            // catalog fields (or keeps every month, as an older release does) keeps the previous one.
            vintage:
              w.change.added.length || w.change.revised.length || !w.change.previousVersion
                ? plan!.report.vintage
                : (this.state.version(w.series.id, w.change.previousVersion)?.vintage ?? plan!.report.vintage),
          })),
          opts.now,
        );
      }),
    );
    return this.afterCommit(r, (written, published) => {
      const report = plan!.report;
      for (const w of written) {
        const change = report.series.find((c) => c.id === w.id);
        if (change) change.version = w.version;
      }
      return { ...finishReport(report), published };
    });
  }

  /**
   * Writes the policy-events document (a full replace), under the same conditions, numbering,
   * staging and publishing as a series; `restoredFrom` makes it a restore.
   */
  async writeEvents(
    doc: unknown,
    conditions: Conditions,
    opts: { now?: string; vintage?: string; restoredFrom?: string } = {},
  ): Promise<Outcome<Written>> {
    const r = await this.serial(() => this.tryCommit(async () => this.prepareDoc('events', doc, conditions, opts)));
    return this.afterCommit(r, (written, published) => ({ ...written[0]!, published }));
  }

  /** A NEW version of the events document carrying an earlier version's events. */
  async restoreEvents(version: string, conditions: Conditions, now?: string): Promise<Outcome<Written>> {
    const r = await this.serial(() =>
      this.tryCommit(async () => {
        const old = this.state.docVersion('events', version);
        if (!old) throw new NotFound('Version not found', `The events document has no version ${version}.`);
        return this.prepareDoc('events', old.doc, conditions, {
          ...(now ? { now } : {}),
          vintage: old.vintage,
          restoredFrom: old.version,
        });
      }),
    );
    return this.afterCommit(r, (written, published) => ({ ...written[0]!, published }));
  }

  override async alarm(): Promise<void> {
    if (!(await this.published(this.state.meta('gen')))) await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
  }

  /** For tests and the versions list: the object's own view of a series. */
  async currentOf(id: string): Promise<string | null> {
    return this.serial(async () => (await this.adopt(), this.state.currentVersion(id)));
  }

  // --- inside the queue ----------------------------------------------------------------------------

  private async tryCommit(
    prepare: () => Promise<Prepared>,
  ): Promise<Outcome<{ written: Omit<Written, 'published'>[]; gen: number }>> {
    try {
      await this.adopt();
      const p = await prepare();
      const changes = p.entries.length + (p.docs?.length ?? 0);
      if (changes) await this.commit(p);
      return { ok: true, value: { written: p.written, gen: changes ? p.gen : 0 } };
    } catch (e) {
      return { ok: false, error: failure(e) };
    }
  }

  /** Validates every request and numbers the versions it will commit; refuses all if one fails. */
  private async prepare(requests: WriteRequest[], now?: string): Promise<Prepared> {
    const gen = this.state.meta('gen') + 1;
    const at = now ?? new Date().toISOString();
    const seen = new Set<string>();
    const out: Prepared = { gen, entries: [], written: [] };
    for (const r of requests) {
      const parsed = Series.safeParse(r.series);
      if (!parsed.success) throw new Unprocessable('Invalid series', describeIssues(parsed.error.issues));
      const series = parsed.data;
      if (seen.has(series.id)) throw new Invalid('Invalid write', `"${series.id}" is given twice.`);
      seen.add(series.id);
      const current = this.state.currentVersion(series.id);
      const failed = failedCondition(r.conditions ?? {}, current);
      if (failed) throw new PreconditionFailed(current ? 'Version mismatch' : 'No such series', failed);
      const hash = await contentHash(series);
      // Writing the content that is already current is a no-op (importing a file twice changes nothing).
      if (current?.endsWith(hash)) {
        const cur = this.state.version(series.id, current)!;
        out.written.push({
          id: series.id,
          version: current,
          writtenAt: cur.writtenAt,
          vintage: cur.vintage,
          changed: false,
          previous: current,
        });
        continue;
      }
      const seq = Math.max(this.state.maxSeq(series.id), seqOf(current)) + 1;
      const stored: StoredSeries = {
        version: `${String(seq).padStart(6, '0')}-${hash}`,
        writtenAt: at,
        vintage: r.vintage ?? series.source.release,
        ...(r.restoredFrom ? { restoredFrom: r.restoredFrom } : {}),
        gen,
        series,
      };
      const changes = changesBetween(current ? this.state.version(series.id, current)!.series : null, series);
      out.entries.push({ stored, body: JSON.stringify(stored), changes });
      out.written.push({
        id: series.id,
        version: stored.version,
        writtenAt: at,
        vintage: stored.vintage,
        changed: true,
        previous: current,
        ...(r.restoredFrom ? { restoredFrom: r.restoredFrom } : {}),
      });
    }
    return out;
  }

  private async prepareDoc(
    name: DocName,
    body: unknown,
    conditions: Conditions,
    opts: { now?: string; vintage?: string; restoredFrom?: string },
  ): Promise<Prepared> {
    const parsed = EventsDoc.safeParse(body);
    if (!parsed.success) throw new Unprocessable('Invalid events document', describeIssues(parsed.error.issues));
    const doc = parsed.data;
    const gen = this.state.meta('gen') + 1;
    const at = opts.now ?? new Date().toISOString();
    const current = this.state.docCurrentVersion(name);
    const failed = failedCondition(conditions, current);
    if (failed) throw new PreconditionFailed(current ? 'Version mismatch' : 'No events document', failed);
    const hash = await contentHash(doc);
    if (current?.endsWith(hash)) {
      const cur = this.state.docVersion(name, current)!;
      return {
        gen,
        entries: [],
        written: [
          {
            id: name,
            version: current,
            writtenAt: cur.writtenAt,
            vintage: cur.vintage,
            changed: false,
            previous: current,
          },
        ],
      };
    }
    const seq = Math.max(this.state.docMaxSeq(name), seqOf(current)) + 1;
    const stored: StoredEvents = {
      version: `${String(seq).padStart(6, '0')}-${hash}`,
      writtenAt: at,
      vintage: opts.vintage ?? `${doc.events.length} events`,
      ...(opts.restoredFrom ? { restoredFrom: opts.restoredFrom } : {}),
      gen,
      doc,
    };
    return {
      gen,
      entries: [],
      docs: [{ name, stored, body: JSON.stringify(stored) }],
      written: [
        {
          id: name,
          version: stored.version,
          writtenAt: at,
          vintage: stored.vintage,
          changed: true,
          previous: current,
          ...(opts.restoredFrom ? { restoredFrom: opts.restoredFrom } : {}),
        },
      ],
    };
  }

  /**
   * Stage, then commit: every new version goes to KV under its own new key first (readers never
   * look there until the head names it), then one SQLite transaction makes them current here. A
   * failure while staging commits nothing; readers stay on the old versions of every series.
   */
  private async commit(p: Prepared): Promise<void> {
    await Promise.all([
      ...p.entries.map(({ stored, body }) => {
        const key = keys.version(stored.series.id, stored.version);
        return timed(this.kv.put(key, body, { metadata: infoOf(stored) }), key);
      }),
      ...(p.docs ?? []).map(({ name, stored, body }) => {
        const key = keys.doc(name, stored.version);
        return timed(this.kv.put(key, body), key);
      }),
    ]);
    this.ctx.storage.transactionSync(() => {
      for (const e of p.entries) this.state.record(e.stored, e.body, p.gen, true, e.changes);
      for (const d of p.docs ?? []) this.state.recordDoc(d.name, d.stored, d.body);
      this.state.setMeta('gen', p.gen);
    });
    // The backup publish, should this object stop before its own.
    await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
  }

  /**
   * First use: take over the history already in KV (written before the writer existed), so every
   * version stays listed and restorable, and publish it once so readers resolve through the head.
   */
  private async adopt(): Promise<void> {
    if (this.state.meta('adopted')) return;
    const found: StoredSeries[] = [];
    const bodies = new Map<StoredSeries, string>();
    let cursor: string | undefined;
    do {
      const page = await timed(this.kv.list({ prefix: keys.allVersionsPrefix, cursor }), keys.allVersionsPrefix);
      for (const k of page.keys) {
        const body = await timed(this.kv.get(k.name), k.name);
        const parsed = body === null ? null : StoredSeries.safeParse(JSON.parse(body));
        if (!parsed?.success) {
          console.warn(`writer: not adopting unreadable ${k.name}`);
          continue;
        }
        found.push(parsed.data);
        bodies.set(parsed.data, body!);
      }
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    const head = await timed(this.kv.get(keys.head), keys.head);
    const headSeries = head ? Head.parse(JSON.parse(head)).series : null;
    const currentOf = new Map<string, string>();
    for (const id of new Set(found.map((s) => s.series.id))) {
      if (headSeries) {
        if (headSeries[id]) currentOf.set(id, headSeries[id]);
        continue;
      }
      const raw = await timed(this.kv.get(keys.legacyCurrent(id)), keys.legacyCurrent(id));
      const cur = raw === null ? null : StoredSeries.safeParse(JSON.parse(raw));
      if (cur?.success) currentOf.set(id, cur.data.version);
    }
    const gen = found.length ? 1 : 0;
    const before = new Map<string, StoredSeries>();
    this.ctx.storage.transactionSync(() => {
      for (const s of found.sort((a, b) => (a.version < b.version ? -1 : 1))) {
        const changes = changesBetween(before.get(s.series.id)?.series ?? null, s.series);
        before.set(s.series.id, s);
        this.state.record(s, bodies.get(s)!, gen, currentOf.get(s.series.id) === s.version, changes);
      }
      this.state.setMeta('gen', gen);
      this.state.setMeta('adopted', 1);
    });
    if (found.length) console.log(`writer: adopted ${found.length} versions of ${currentOf.size} series from KV`);
  }

  // --- after the queue -----------------------------------------------------------------------------

  private async afterCommit<T>(
    r: Outcome<{ written: Omit<Written, 'published'>[]; gen: number }>,
    shape: (written: Omit<Written, 'published'>[], published: boolean) => T,
  ): Promise<Outcome<T>> {
    if (!r.ok) return r;
    const published = r.value.gen === 0 || (await this.published(r.value.gen));
    return { ok: true, value: shape(r.value.written, published) };
  }

  /** Waits until KV has commit `gen` in full; false if publishing failed (the alarm retries). */
  private async published(gen: number): Promise<boolean> {
    while (this.state.meta('published') < gen) {
      this.publishing ??= this.publishOnce().finally(() => (this.publishing = null));
      try {
        await this.publishing;
      } catch (e) {
        const why =
          e instanceof StoreUnavailable ? `${e.key}: ${e.reason}` : e instanceof Error ? e.message : String(e);
        console.warn(`writer: publishing commit ${gen} failed (${why}); the alarm retries`);
        await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
        return false;
      }
    }
    return true;
  }

  /**
   * Publishes the latest commit, waiting first if the last publish was too recent: every commit
   * made meanwhile rides along. Histories and the catalog go first, the head last, so a reader
   * that sees the new head finds everything it names.
   */
  private async publishOnce(): Promise<void> {
    const wait = this.lastPublish + this.publishIntervalMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const gen = this.state.meta('gen');
    const from = this.state.meta('published');
    if (from >= gen) return;
    const put = (key: string, value: unknown) => timed(this.kv.put(key, JSON.stringify(value)), key);
    await Promise.all([
      ...this.state.changedSince(from).map((id) => put(keys.history(id), this.state.history(id))),
      ...this.state.docsChangedSince(from).map((name) => put(keys.docHistory(name), this.state.docHistory(name))),
    ]);
    await put(keys.catalog, { gen, series: this.state.catalog() });
    await put(keys.head, this.state.head(gen, new Date().toISOString()));
    this.state.setMeta('published', gen);
    this.lastPublish = Date.now();
  }
}

interface Prepared {
  gen: number;
  entries: Array<{ stored: StoredSeries; body: string; changes: VersionChanges }>;
  docs?: Array<{ name: DocName; stored: StoredEvents; body: string }>;
  written: Omit<Written, 'published'>[];
}
