#!/usr/bin/env node
// `npm run load:mixed`: a bounded mixed-traffic load run on loopback. Starts the Worker as the README
// does (`npm start -- --persist-to <fresh tmp dir>`), sends ~15 s of mixed traffic with autocannon
// (cards SVG/PNG, embed pages, API JSON/CSV, oEmbed, and bad requests that must be 4xx), prints the
// figures, stops the server (its whole process group) and exits non-zero on any error: a 5xx,
// a 1xx, a timeout or a connection error. 4xx answers to bad requests are expected, not errors.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1'; // loopback only, always
const PORT = Number(process.env.PORT ?? 8820);
const DURATION_S = Number(process.env.LOAD_DURATION ?? 15);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 6);
if (!(DURATION_S > 0 && DURATION_S <= 120)) throw new Error('LOAD_DURATION must be 1..120 seconds');
const base = `http://${HOST}:${PORT}`;
const embedUrl = encodeURIComponent(`${base}/embed/sw-total/trend`);

/** The mix, cycled by every connection: [kind, method, path, expected status class]. */
const MIX = [
  ['svg', 'GET', '/v1/sw-total/trend.svg', '2xx'],
  ['svg', 'GET', '/v1/sw-usbp/trend.svg?theme=dark&months=24', '2xx'],
  ['svg', 'GET', '/v1/sw-ofo/trend.svg?theme=auto&lang=es&width=360', '2xx'],
  ['png', 'GET', '/v1/sw-total/trend.png', '2xx'],
  ['embed', 'GET', '/embed/sw-total/trend', '2xx'],
  ['embed', 'GET', '/embed/sw-usbp/trend?lang=es', '2xx'],
  ['json', 'GET', '/api/v1/series', '2xx'],
  ['json', 'GET', '/api/v1/series/sw-total', '2xx'],
  ['csv', 'GET', '/api/v1/series/sw-ofo.csv', '2xx'],
  ['json', 'GET', '/api/v1/series/sw-total/versions', '2xx'],
  ['oembed', 'GET', `/oembed?url=${embedUrl}&format=json`, '2xx'],
  ['oembed', 'GET', `/oembed?url=${embedUrl}&format=xml&maxwidth=400`, '2xx'],
  ['page', 'GET', '/', '2xx'],
  ['script', 'GET', '/embed.js', '2xx'],
  ['health', 'GET', '/healthz', '2xx'],
  ['bad', 'GET', '/v1/sw-total/trend.svg?months=99999', '4xx'],
  ['bad', 'GET', '/v1/sw-total/trend.svg?theme=dark&theme=light', '4xx'],
  ['bad', 'GET', '/v1/..%2F..%2Fapi/trend.svg', '4xx'],
  ['bad', 'GET', '/v1/no-such-series/trend.png', '4xx'],
  ['bad', 'GET', '/embed/sw-total/nope', '4xx'],
  ['bad', 'GET', '/api/v1/series/%2e%2e', '4xx'],
  ['bad', 'GET', '/oembed?url=javascript%3Aalert(1)', '4xx'],
  ['bad', 'GET', `/v1/sw-total/trend.svg?accent=${encodeURIComponent('red;x')}`, '4xx'],
  ['bad', 'PUT', '/api/v1/series/sw-total', '4xx'],
];

function startServer(persist) {
  const child = spawn('npm', ['start', '--', '--persist-to', persist], {
    cwd: root,
    detached: true, // own process group, so the whole tree (npm → node → wrangler → workerd) stops together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(PORT), WRANGLER_SEND_METRICS: 'false' },
  });
  let log = '';
  const ready = new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in 120 s:\n${log.slice(-2000)}`)), 120_000);
    const onData = (d) => {
      log += d;
      if (/\[start\] ready:/.test(log)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${log.slice(-2000)}`)));
  });
  return { child, ready, log: () => log };
}

async function stopServer(child) {
  const gone = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const t = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 5000);
  await gone;
  clearTimeout(t);
}

const byKind = new Map(); // kind → Map(status → count)
const unexpected = new Map(); // "kind path → status" for 2xx expected but 4xx got, etc.
function count(kind, path, expected, status) {
  const m = byKind.get(kind) ?? new Map();
  m.set(status, (m.get(status) ?? 0) + 1);
  byKind.set(kind, m);
  const cls = `${String(status)[0]}xx`;
  // A write limiter or PNG limiter 429 is a correct answer under load, not an error.
  if (cls !== expected && status !== 429) {
    const key = `${path} → ${status}`;
    unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
  }
}

const persist = mkdtempSync(join(tmpdir(), 'load-mixed-'));
const server = startServer(persist);
let exitCode = 1;
try {
  await server.ready;
  // Warm up once (first render compiles wasm), outside the measured run.
  for (const [, method, path] of MIX) await fetch(base + path, { method }).then((r) => r.arrayBuffer());

  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    timeout: 10,
    requests: MIX.map(([kind, method, path, expected]) => ({
      method,
      path,
      ...(method === 'PUT' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}),
      onResponse: (status) => count(kind, path, expected, status),
    })),
  });

  const codes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, Number(v.count)]));
  const bad5 = Object.entries(codes)
    .filter(([k]) => !/^[234]/.test(k))
    .reduce((s, [, n]) => s + n, 0);
  const errors = result.errors + result.timeouts + bad5;

  console.log(`\nload:mixed — ${DURATION_S} s, ${CONNECTIONS} connections, ${MIX.length} request kinds, ${base}`);
  console.log(
    `requests: ${result.requests.total} (${result.requests.average.toFixed(1)} req/s avg); ` +
      `latency ms p50 ${result.latency.p50}, p97.5 ${result.latency.p97_5}, p99 ${result.latency.p99}, max ${result.latency.max}`,
  );
  console.log(`status codes: ${JSON.stringify(codes)}`);
  for (const [kind, m] of byKind) console.log(`  ${kind.padEnd(7)} ${JSON.stringify(Object.fromEntries(m))}`);
  if (unexpected.size) {
    console.log('answers of an unexpected class (not errors, but worth a look):');
    for (const [k, n] of unexpected) console.log(`  ${k} ×${n}`);
  }
  console.log(
    `errors: ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx/3xx/4xx ${bad5})`,
  );
  exitCode = errors === 0 && result.requests.total > 0 ? 0 : 1;
  console.log(exitCode === 0 ? 'PASS: zero errors' : 'FAIL');
} catch (e) {
  console.error(String(e));
} finally {
  await stopServer(server.child);
  rmSync(persist, { recursive: true, force: true });
}
process.exit(exitCode);
