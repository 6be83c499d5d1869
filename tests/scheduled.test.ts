import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, reset, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduled } from '../src/scheduled';
import { readSeries } from '../src/series/store';
import { CBP, chunked, snapshot } from './fixtures/cbp';
import { seed } from './helpers';

const URL_ = 'https://www.cbp.gov/document/stats/nationwide-encounters-state.csv';

beforeEach(seed);
afterEach(async () => {
  vi.restoreAllMocks();
  await reset();
});

/** Runs the cron handler against a mocked CBP server; returns what it logged. */
async function runCron(
  answer: () => Response | Promise<Response>,
  url = URL_,
): Promise<{ logs: string[]; calls: string[] }> {
  const calls: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    calls.push(input instanceof Request ? input.url : String(input));
    return answer();
  });
  const logs: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((m: string) => void logs.push(m));
  vi.spyOn(console, 'error').mockImplementation((m: string) => void logs.push(m));
  const ctx = createExecutionContext();
  await scheduled(createScheduledController({ cron: '0 14 * * *' }), { ...env, CBP_CSV_URL: url }, ctx);
  await waitOnExecutionContext(ctx);
  return { logs, calls };
}

describe('scheduled CBP refresh', () => {
  it('fetches the configured CSV, imports it and logs the change report', async () => {
    const { logs, calls } = await runCron(
      () => new Response(chunked(CBP.state), { headers: { 'Content-Type': 'text/csv' } }),
    );
    expect(calls).toEqual([URL_]);
    expect(logs[0]).toMatch(/state layout, 37,161 rows/);
    expect(
      logs.some((l) => /nw-total: created \(new → 000001-[0-9a-f]{12}\): 38 months added, 0 revised/.test(l)),
    ).toBe(true);
    const s = await readSeries(env.SERIES, 'nw-total');
    expect(s!.series.points.at(-1)!.period).toBe('2025-11');
  });

  it('does nothing when no URL is configured', async () => {
    const before = await snapshot();
    const { logs, calls } = await runCron(() => new Response('unused'), '');
    expect(calls).toEqual([]);
    expect(logs.join('\n')).toMatch(/disabled/);
    expect(await snapshot()).toEqual(before);
  });

  for (const [what, answer] of [
    ['a failed fetch', () => Promise.reject(new TypeError('network down'))],
    ['an HTTP error', () => new Response('gone', { status: 503 })],
    ['a bad file', () => new Response(CBP.fy22.replace(/\r\n2022,FYTD,NOV/, '\r\n2022,FYTD,NOVEMBER'))],
    ['an HTML error page', () => new Response('<!doctype html><title>Maintenance</title>')],
  ] as const) {
    it(`leaves the data unchanged after ${what}`, async () => {
      const before = await snapshot();
      const { logs } = await runCron(answer);
      expect(logs.join('\n')).toMatch(/refresh failed, data unchanged/);
      expect(await snapshot()).toEqual(before);
    });
  }
});
