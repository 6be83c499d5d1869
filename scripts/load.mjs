#!/usr/bin/env node
// `npm run load`: a bounded load run against the local runtime (wrangler dev = real workerd), on
// loopback only. Starts the server the way README does (`npm start -- --persist-to <tmp>`, PORT),
// warms the cache, then runs autocannon for a fixed time against /healthz, a cached SVG and a
// cached PNG, prints req/s and p99 side by side with each one's ratio to /healthz, and stops the server.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8790);
const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 10);
const base = `http://127.0.0.1:${port}`;
const TARGETS = [
  ['/healthz', '/healthz'],
  ['cached SVG', '/v1/sw-total/trend.svg?theme=dark'],
  ['cached PNG', '/v1/sw-total/trend.png?size=og'],
];

const state = mkdtempSync(join(tmpdir(), 'load-state-'));
// Own process group, so stopping it stops wrangler and workerd too.
const server = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--persist-to', state], {
  cwd: root,
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let log = '';
server.stdout.on('data', (d) => (log += d));
server.stderr.on('data', (d) => (log += d));
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('SIGINT', () => (stop(), process.exit(130)));

async function until(check, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

try {
  if (!(await until(async () => log.includes('[start] ready'), 120_000)))
    throw new Error(`the local server did not get ready on ${base}:\n${log.slice(-2000)}`);
  // Warm: the first request renders (MISS), the next must be a cache HIT or the figures mean nothing.
  for (const [label, path] of TARGETS.slice(1)) {
    await fetch(base + path).then((r) => r.arrayBuffer());
    await new Promise((r) => setTimeout(r, 300)); // cache.put runs in waitUntil
    const r = await fetch(base + path);
    await r.arrayBuffer();
    if (r.status !== 200 || r.headers.get('x-cache') !== 'HIT')
      throw new Error(`${label} is not served from cache (status ${r.status}, X-Cache ${r.headers.get('x-cache')})`);
  }
  const rows = [];
  for (const [label, path] of TARGETS) {
    const r = await autocannon({ url: base + path, connections, duration: seconds });
    rows.push({ label, rps: r.requests.average, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts });
  }
  const h = rows[0];
  console.log(`\nload — ${seconds} s each, ${connections} connections, ${base} (wrangler dev, local workerd)`);
  console.log('target        req/s   p99 ms   req/s ÷ healthz   p99 ÷ healthz   errors');
  for (const r of rows)
    console.log(
      `${r.label.padEnd(12)} ${r.rps.toFixed(0).padStart(6)} ${String(r.p99).padStart(8)} ` +
        `${(r.rps / h.rps).toFixed(2).padStart(17)} ${(r.p99 / Math.max(h.p99, 1)).toFixed(2).padStart(15)} ${String(r.bad).padStart(8)}`,
    );
  const svg = rows[1].rps / h.rps;
  console.log(
    `\ncached SVG throughput is ${(svg * 100).toFixed(0)}% of /healthz — ${svg >= 0.5 ? 'ok' : 'UNDER BUDGET'} (≥ 50%)`,
  );
} finally {
  stop();
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(state, { recursive: true, force: true });
}
