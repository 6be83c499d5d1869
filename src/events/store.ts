import { keys } from '../series/keys';
import { StoreUnavailable, currentDocVersion, readImmutable, readMutable } from '../series/store';
import { EventsHistory, StoredEvents } from './schema';

/** The read side of the events document: what the head names, and its immutable versions. */

/** The current events document; null when none was ever written. */
export async function readEvents(kv: KVNamespace): Promise<StoredEvents | null> {
  const version = await currentDocVersion(kv, 'events');
  if (!version) return null;
  const doc = await readEventsVersion(kv, version);
  if (!doc) throw new StoreUnavailable(keys.doc('events', version), 'the current version is not readable here yet');
  return doc;
}

export function readEventsVersion(kv: KVNamespace, version: string): Promise<StoredEvents | null> {
  return readImmutable(kv, keys.doc('events', version), StoredEvents);
}

export function readEventsHistory(kv: KVNamespace): Promise<EventsHistory | null> {
  return readMutable(kv, keys.docHistory('events'), EventsHistory);
}

/**
 * The events version that was current when the writer made commit `gen`: what a card pinned to a
 * series version of that commit showed, so a pinned card never gains or loses an event.
 */
export async function eventsVersionAt(kv: KVNamespace, gen: number): Promise<string | null> {
  const history = await readEventsHistory(kv);
  let found: string | null = null;
  for (const v of history?.versions ?? []) if (v.gen <= gen) found = v.version;
  return found;
}
