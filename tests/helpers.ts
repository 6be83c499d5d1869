import { env, exports } from 'cloudflare:workers';
import swOfo from '../seed/sw-ofo.json';
import swTotal from '../seed/sw-total.json';
import swUsbp from '../seed/sw-usbp.json';
import { writeSeries } from '../src/series/store';

export const SEED = { 'sw-total': swTotal, 'sw-usbp': swUsbp, 'sw-ofo': swOfo } as const;
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Writes the committed seed series through the real store, as `npm start` does through the API. */
export async function seed(): Promise<void> {
  for (const s of Object.values(SEED)) await writeSeries(env.SERIES, s, { now: new Date('2026-09-15T12:00:00Z') });
}

export function get(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`http://example.com${path}`, init));
}
