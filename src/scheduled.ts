import { textChunks } from './ingest/csv';
import { afterWrite } from './jobs';
import { importCbp } from './writer/client';
import { BODY } from './limits';

/** New series a scheduled import may create: every breakdown CBP's layouts carry. */
const CRON_ALLOW_NEW = 1000;

/** How long the cron waits for CBP's server before giving up until the next run. */
const FETCH_TIMEOUT_MS = 60_000;

/**
 * Scheduled refresh: fetch CBP_CSV_URL and import it through the same path as the API. Any
 * failure (network, HTTP status, malformed file) is logged and leaves the stored data as it was:
 * the importer validates the whole file before its first write.
 */
async function refresh(env: Env, ctx?: ExecutionContext): Promise<{ ok: boolean; summary: string[] }> {
  const url = env.CBP_CSV_URL?.trim();
  if (!url) return { ok: true, summary: ['CBP_CSV_URL is empty; scheduled refresh disabled'] };
  try {
    const res = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { Accept: 'text/csv, */*;q=0.5' },
    });
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new Error(`fetch ${url} answered ${res.status}`);
    }
    // The operator chose this URL (CBP's own export), so the series it creates are expected.
    const report = await importCbp(env, textChunks(res.body, BODY.import), { allowNew: CRON_ALLOW_NEW });
    await afterWrite(
      env,
      ctx,
      report.series.filter((s) => s.status !== 'unchanged').map((s) => s.id),
    );
    return { ok: true, summary: report.summary };
  } catch (e) {
    return { ok: false, summary: [`refresh failed, data unchanged: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

export async function scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
  const r = await refresh(env, ctx);
  const log = r.ok ? console.log : console.error;
  for (const line of r.summary) log(`[cbp refresh] ${line}`);
}
