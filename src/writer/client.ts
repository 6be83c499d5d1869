import { Conflict, Invalid, NotFound, PreconditionFailed, Unavailable, Unprocessable } from '../errors';
import { aggregateCbp } from '../ingest/cbp';
import type { ImportOptions, ImportReport } from '../ingest/import';
import type { Conditions } from './conditions';
import type { Failure, Outcome, WriteRequest, Written } from './object';

/**
 * The Worker's side of the writer: every write in the service (admin API, imports, the cron, the
 * local seed) calls one of these, which call the one Durable Object and turn its answer back into
 * the service's own errors.
 */
const writer = (env: Env) => env.WRITER.getByName('main');

const ERRORS: Record<Failure['kind'], new (title: string, detail: string, extra?: Record<string, unknown>) => Error> = {
  invalid: Invalid,
  unprocessable: Unprocessable,
  'not-found': NotFound,
  precondition: PreconditionFailed,
  conflict: Conflict,
  unavailable: Unavailable,
};

async function unwrap<T>(call: () => Promise<Outcome<T>>): Promise<T> {
  let r: Outcome<T>;
  try {
    r = await call();
  } catch (e) {
    // The object could not be reached (or was reset mid-call): nothing is known to be committed.
    console.warn('writer unreachable:', e instanceof Error ? e.message : e);
    throw new Unavailable('Writer unavailable', 'The write could not be completed; please retry.');
  }
  if (r.ok) return r.value;
  throw new ERRORS[r.error.kind](r.error.title, r.error.detail, r.error.extra);
}

/** Writes one series (a full replace) under the given conditions. */
export async function writeSeries(
  env: Env,
  series: unknown,
  opts: { conditions?: Conditions; vintage?: string; now?: Date } = {},
): Promise<Written> {
  const req: WriteRequest = { series, ...(opts.conditions ? { conditions: opts.conditions } : {}) };
  if (opts.vintage) req.vintage = opts.vintage;
  const [w] = await unwrap(() => writer(env).write([req], opts.now?.toISOString()));
  return w!;
}

/** Writes several series as one commit: readers see all of them change at once, or none. */
export async function writeMany(env: Env, requests: WriteRequest[], now?: Date): Promise<Written[]> {
  return unwrap(() => writer(env).write(requests, now?.toISOString()));
}

export async function restoreVersion(
  env: Env,
  id: string,
  version: string,
  conditions: Conditions = {},
): Promise<Written> {
  return unwrap(() => writer(env).restore(id, version, conditions));
}

/** Writes the policy-events document (a full replace) under the given conditions. */
export async function writeEvents(
  env: Env,
  doc: unknown,
  opts: { conditions?: Conditions; vintage?: string; now?: Date } = {},
): Promise<Written> {
  return unwrap(() =>
    writer(env).writeEvents(doc, opts.conditions ?? {}, {
      ...(opts.now ? { now: opts.now.toISOString() } : {}),
      ...(opts.vintage ? { vintage: opts.vintage } : {}),
    }),
  );
}

export async function restoreEvents(env: Env, version: string, conditions: Conditions = {}): Promise<Written> {
  return unwrap(() => writer(env).restoreEvents(version, conditions));
}

/**
 * The one import path (API, command line, cron): the file is parsed here, as a stream, into
 * monthly sums; the writer plans the import against its own state and commits every series in it
 * as one, or nothing.
 */
export async function importCbp(
  env: Env,
  chunks: AsyncIterable<string>,
  opts: ImportOptions & { now?: Date } = {},
): Promise<ImportReport & { published: boolean }> {
  const agg = await aggregateCbp(chunks);
  const { now, ...rest } = opts;
  return unwrap(() => writer(env).importAggregate(agg, { ...rest, ...(now ? { now: now.toISOString() } : {}) }));
}
