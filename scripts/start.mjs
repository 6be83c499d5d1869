#!/usr/bin/env node
// `npm start`: serve the Worker locally (wrangler dev, real workerd + local KV) on 127.0.0.1:$PORT
// (default 8787) and seed it: the three compiled CBP series (seed/*.json), then CBP's own files and
// every breakdown they carry. Seeding goes through the same admin API a newsroom would use: the
// series with `If-None-Match: *`, so data you imported locally is never overwritten; the files
// through the importer, in release order, which keeps the later release of every month (importing
// a file again changes nothing).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8787);
const host = '127.0.0.1';
const devVars = join(root, '.dev.vars');

if (!existsSync(devVars)) {
  writeFileSync(devVars, `ADMIN_TOKEN=${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
  console.log('[start] created .dev.vars with a random ADMIN_TOKEN for local writes');
}
const token = /^ADMIN_TOKEN=(.+)$/m.exec(readFileSync(devVars, 'utf8'))?.[1]?.trim();

const wrangler = spawn(
  join(root, 'node_modules', '.bin', 'wrangler'),
  [
    'dev',
    '--ip',
    host,
    '--port',
    String(port),
    '--show-interactive-dev-session=false',
    // /healthz stays 503 until the seed below is in, so a script that waits for it never sees a 404.
    '--var',
    'READINESS:seeded',
    // Locally any client can send CF-Connecting-IP: budgets must not trust it.
    '--var',
    'CLIENT_IP_HEADER:',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => wrangler.kill(sig));
wrangler.on('exit', (code) => process.exit(code ?? 0));

async function waitForHealth(deadline) {
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://${host}:${port}/livez`);
      if (r.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

if (!(await waitForHealth(Date.now() + 90_000))) {
  console.error(`[start] the Worker did not answer on http://${host}:${port}/livez within 90 s`);
  wrangler.kill('SIGTERM');
  process.exit(1);
}
for (const file of readdirSync(join(root, 'seed')).filter((f) => f.endsWith('.json'))) {
  const body = readFileSync(join(root, 'seed', file), 'utf8');
  const id = JSON.parse(body).id;
  const r = await fetch(`http://${host}:${port}/api/v1/series/${id}`, {
    method: 'PUT',
    body,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-None-Match': '*' },
  });
  if (r.status !== 201 && r.status !== 412) {
    console.error(`[start] ${id}: seeding failed (${r.status} ${await r.text()})`);
    wrangler.kill('SIGTERM');
    process.exit(1);
  }
  console.log(`[start] ${id}: ${r.status === 201 ? 'seeded' : 'already present, kept'}`);
}
await importCbpFiles();
await seedEvents();

const ready = await fetch(`http://${host}:${port}/api/v1/ready`, {
  method: 'PUT',
  headers: { Authorization: `Bearer ${token}` },
});
if (ready.status !== 204) {
  console.error(`[start] could not mark the seed as in (${ready.status} ${await ready.text()})`);
  wrangler.kill('SIGTERM');
  process.exit(1);
}
console.log(`[start] ready: http://${host}:${port}/v1/sw-total/trend.svg (/healthz now answers 200)`);

/** The policy events (seed/events/, built from ../shared/data/events by `npm run events`), kept if present. */
async function seedEvents() {
  const r = await fetch(`http://${host}:${port}/api/v1/events`, {
    method: 'PUT',
    body: readFileSync(join(root, 'seed', 'events', 'policy-events.json'), 'utf8'),
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-None-Match': '*' },
  });
  if (r.status !== 201 && r.status !== 412) {
    console.error(`[start] events: seeding failed (${r.status} ${(await r.text()).slice(0, 300)})`);
    return;
  }
  console.log(`[start] events: ${r.status === 201 ? 'seeded' : 'already present, kept'}`);
}

/**
 * CBP's files: ../shared/data/cbp when it is there, else the byte copies the tests use, so a
 * clone runs without ../shared. Each file is imported in release order (by the last month it
 * covers), creating every breakdown it carries (`allow_new`).
 */
async function importCbpFiles() {
  const shared = join(root, '..', 'shared', 'data', 'cbp');
  const dir = existsSync(shared) ? shared : join(root, 'tests', 'fixtures', 'cbp');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }))
    .filter((f) => f.text.startsWith('Fiscal Year,Month Grouping,'))
    .map((f) => ({ ...f, last: lastMonth(f.text) }))
    .sort((a, b) => a.last - b.last || (a.name < b.name ? -1 : 1));
  for (const f of files) {
    const started = Date.now();
    const r = await fetch(`http://${host}:${port}/api/v1/import/cbp?allow_new=1000`, {
      method: 'POST',
      body: f.text,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
    });
    const took = ((Date.now() - started) / 1000).toFixed(1);
    if (r.status !== 200 && r.status !== 202) {
      // The service still serves the compiled series; say what went wrong and go on.
      console.error(`[start] ${f.name}: import failed (${r.status} ${(await r.text()).slice(0, 300)})`);
      continue;
    }
    const report = await r.json();
    const n = (status) => report.series.filter((s) => s.status === status).length;
    console.log(
      `[start] ${f.name}: ${n('created')} series created, ${n('updated')} updated, ${n('unchanged')} unchanged (${took} s)`,
    );
  }
}

/** The last month a CBP file covers, as a month number (fiscal year N runs Oct N−1 … Sep N). */
function lastMonth(text) {
  const months = ['OCT', 'NOV', 'DEC', 'JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP'];
  let last = 0;
  for (const line of text.split('\n').slice(1)) {
    const [fy, , month] = line.split(',', 3);
    const i = months.indexOf(month?.trim());
    if (i >= 0) last = Math.max(last, Number.parseInt(fy, 10) * 12 + i);
  }
  return last;
}
