import { env, exports } from 'cloudflare:workers';
import { cardFrom, cardSpec, createRegistry, expandFamily, type LoadedCard, type Output } from '../src/card';
import type { StoredSeries } from '../src/series/schema';
import type { EventsDoc } from '../src/events/schema';
import swOfo from '../seed/sw-ofo.json';
import swTotal from '../seed/sw-total.json';
import swUsbp from '../seed/sw-usbp.json';

import { widgets } from '../widgets';
import { createApp } from '../src/app';
import { writeEvents, writeMany } from '../src/writer/client';
import policyEvents from '../seed/events/policy-events.json';

/** The app as the Worker builds it, for tests that call it with their own bindings or context. */
export const app = createApp(widgets);

export const SEED = { 'sw-total': swTotal, 'sw-usbp': swUsbp, 'sw-ofo': swOfo } as const;
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Writes the committed seed series through the real writer, as one commit. */
export async function seedSeries(): Promise<void> {
  await writeMany(
    env,
    Object.values(SEED).map((series) => ({ series })),
    new Date('2026-09-15T12:00:00Z'),
  );
}

/** The seed as `npm start` writes it: the series, then the policy events. (No parameters: vitest hooks pass a context.) */
export async function seed(): Promise<void> {
  await seedSeries();
  await writeEvents(env, policyEvents, { now: new Date('2026-09-15T12:00:00Z') });
}

export function get(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`http://example.com${path}`, init));
}

export const registry = createRegistry(widgets);
/** Widgets that draw the series itself (no breakdown to read): the ones any series can show. */
export const plainWidgets = registry.names.filter((w) => !registry.get(w)!.family);

/** A seeded series as the store would hand it out, without KV. */
function storedOf(id: keyof typeof SEED, version = '000001-000000000000'): StoredSeries {
  const series = SEED[id] as StoredSeries['series'];
  return { version, writtenAt: '2026-09-15T12:00:00.000Z', vintage: series.source.release, series };
}

/** A card spec and its data from the seed, as the pipeline builds them for a URL, without KV. */
export function seedCard(
  series: keyof typeof SEED,
  widget: string,
  query: Record<string, string> = {},
  output: Output['kind'] = 'svg',
): LoadedCard {
  const spec = cardSpec(registry, { series, widget, query, output });
  if (spec.family)
    expandFamily(
      spec,
      Object.values(SEED).map((s) => ({
        id: s.id,
        parent: 'parent' in s ? s.parent : undefined,
        dimension: 'dimension' in s ? s.dimension : undefined,
      })),
    );
  return cardFrom(
    spec,
    (id) => (id in SEED ? storedOf(id as keyof typeof SEED) : undefined),
    (policyEvents as EventsDoc).events,
  );
}
