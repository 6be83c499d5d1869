/* global process, Request, Response */
// Runs inside Node 24 on the esbuild bundle made by scripts/bench.mjs: the Worker's own render
// modules and wasm. Times are process CPU time (process.cpuUsage), so other processes on the
// machine do not inflate them. Prints one JSON object on stdout.
import { gzipSync } from 'node:zlib';
import { createApp } from '../src/app';
import { cardBytes, cardSpec, createRegistry, resolveCard } from '../src/card';
import { cardPath } from '../src/jobs/prerender';
import { keys } from '../src/series/keys';
import { widgets } from '../widgets';
import seedTotal from '../seed/sw-total.json';
import { baselineSvg } from './baseline.mjs';
import { benchCard } from './cards.mjs';
import { config as zodConfig } from 'zod';

// workerd forbids eval, so zod validates without compiling parsers there; do the same here.
zodConfig({ jitless: true });

const N = Number(process.env.BENCH_N ?? 40);

/** A KV namespace in memory: values as text, like the edge-cached read returns them. */
function memoryKv() {
  const m = new Map();
  return {
    get: async (k) => m.get(k)?.value ?? null,
    put: async (k, value, o) => void m.set(k, { value, metadata: o?.metadata ?? null }),
    list: async ({ prefix = '' } = {}) => ({
      keys: [...m].filter(([k]) => k.startsWith(prefix)).map(([name, v]) => ({ name, metadata: v.metadata })),
      list_complete: true,
    }),
  };
}

/**
 * caches.default in memory: the Cache API is I/O in workerd (a put streams the body natively), so
 * only our own CPU around it is timed: a put keeps the Response without reading it in JS.
 */
const entries = new Map();
globalThis.caches = {
  default: {
    match: async (k) => {
      const e = entries.get(String(k));
      if (!e) return undefined;
      e.body ??= await e.res.arrayBuffer();
      return new Response(e.body, { headers: e.res.headers });
    },
    put: async (k, res) => void entries.set(String(k), { res, body: null }),
  },
};

function stats(out) {
  out.sort((a, b) => a - b);
  return {
    median: out[Math.floor(out.length / 2)],
    p95: out[Math.min(out.length - 1, Math.ceil(out.length * 0.95) - 1)],
  };
}

/** Process CPU time of one operation: warmed first (steady state, not start-up). */
async function cpuSamples(fn, n, batch = 1) {
  for (let i = 0; i < Math.min(n, 10) * batch; i++) await fn();
  return (await cpuSamplesInterleaved({ fn }, n, batch)).fn;
}

/**
 * Process CPU time: immune to other processes on the machine (wall time is not, with agents sharing
 * cores). Samples several operations round-robin (one of each per round) instead of n of one, then n of the
 * next: every operation sees the same machine over the same minutes, so a noisy spell on this shared
 * machine, or the heap left by the previous operation, does not land on one figure only.
 */
async function cpuSamplesInterleaved(fns, n, batch = 1) {
  const out = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < n; i++)
    for (const [k, fn] of Object.entries(fns)) {
      const t = process.cpuUsage();
      for (let b = 0; b < batch; b++) await fn();
      const d = process.cpuUsage(t);
      out[k].push((d.user + d.system) / 1000 / batch);
    }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, stats(v)]));
}

// The store as the writer publishes it: one version, and the head naming it.
const kv = memoryKv();
const stored = {
  version: '000001-0123456789ab',
  writtenAt: '2026-09-15T12:00:00.000Z',
  vintage: seedTotal.source.release,
  series: seedTotal,
};
await kv.put(keys.version(stored.series.id, stored.version), JSON.stringify(stored));
await kv.put(
  keys.head,
  JSON.stringify({ gen: 1, at: stored.writtenAt, series: { [stored.series.id]: stored.version } }),
);
const brand = 'Border Stats Embeds';
const result = { n: N, widgets: {} };

// The baseline is ~µs: time it in batches so the clock resolution does not decide the figure.
result.baseline = await cpuSamples(() => baselineSvg(stored.series), N, 200);

// Steady state, as in a warm isolate: the first renders parse fonts and compile yoga (start-up), and
// V8 optimises satori's code only after it has seen every widget's shapes a few times. Without this
// pass the first widget measured pays for the JIT (seen: trend 13 ms cold, 7.7 ms warm).
// A card as the pipeline builds it for a URL, from the series in hand (no KV in the timed part).
const registry = createRegistry(widgets);
const card = (widget, output = 'svg', query = {}) => benchCard(registry, widget, output, query);
const names = registry.names;

for (let round = 0; round < 20; round++) for (const name of names) await cardBytes(card(name), brand);

const svgs = await cpuSamplesInterleaved(
  Object.fromEntries(names.map((name) => [name, () => cardBytes(card(name), brand)])),
  N,
);
const pngRender = (name) => () => cardBytes(card(name, 'png'), brand);
for (const name of names) await pngRender(name)(); // resvg's first call instantiates its wasm
const pngs = await cpuSamplesInterleaved(
  Object.fromEntries(names.map((name) => [name, pngRender(name)])),
  Math.max(5, Math.floor(N / 4)),
);
for (const name of names) {
  const svg = await cardBytes(card(name), brand);
  const size = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
  result.widgets[name] = {
    svg: svgs[name],
    png: pngs[name],
    size: `${size[1]}x${size[2]}`,
    bytes: svg.length,
    gzip: gzipSync(svg).length,
  };
}

result.pngOg = await cpuSamples(
  () => cardBytes(card('trend', 'png', { size: 'og' }), brand),
  Math.max(5, Math.floor(N / 4)),
);

// The cached-hit handler: the whole Hono app (routing, query + zod, KV text → JSON + schema, key,
// SHA-256 ETag, cache lookup, response) with the render already in the cache.
const app = createApp(widgets);
const env = {
  REQUEST_LOG: 'off',
  SERIES: kv,
  SERVICE_NAME: brand,
  PNG_LIMITER: { limit: async () => ({ success: true }) },
};
const pending = [];
const ctx = { waitUntil: (p) => pending.push(p), passThroughOnException() {} };
// The body is not read through JS: in workerd a cached body streams to the client natively, while
// in Node reading it goes through undici's JS web streams, which cost more than the handler itself
// and grew with the body (seen: 83 KB SVG 0.8–1.1 ms vs 52 KB PNG 0.27 ms, all in extractBody and
// Buffer copies). Cancelling it keeps what is ours: routing, parsing, KV, key, ETag, cache lookup.
const hit = async (path) => {
  const res = await app.fetch(new Request(`http://bench.local${path}`), env, ctx);
  await res.body?.cancel();
  return res;
};
const HITS = ['/v1/sw-total/trend.svg?theme=dark', '/v1/sw-total/trend.png?size=og'];
// A default card whose pre-render is in KV, missing from this data centre's cache every time.
const DEFAULT = '/v1/sw-total/stat.svg?theme=dark';
const defaultSpec = cardSpec(registry, { series: 'sw-total', widget: 'stat', query: { theme: 'dark' }, output: 'svg' });
// Keyed by every version the card depends on (its series, its components, events), as the app reads it.
await kv.put(
  keys.prerender(await resolveCard(kv, defaultSpec), cardPath(defaultSpec)),
  await cardBytes(card('stat', 'svg', { theme: 'dark' }), brand),
);
const miss = async () => {
  for (const k of entries.keys()) if (k.includes('/stat.svg')) entries.delete(k);
  const res = await hit(DEFAULT);
  if (res.headers.get('x-cache') !== 'PRERENDERED') throw new Error('expected the pre-render');
  return res;
};
for (const path of HITS) {
  await hit(path);
  await Promise.all(pending.splice(0));
  const check = await hit(path);
  if (check.headers.get('x-cache') !== 'HIT') throw new Error(`expected a cache hit for ${path}`);
}
// Warm both paths (and /healthz) before timing either: otherwise whichever is timed first pays for
// V8 optimising Hono's routing and our handler (seen: 0.8 ms first vs 0.16 ms second, either order).
for (let i = 0; i < 500; i++) {
  for (const path of [...HITS, '/healthz']) await hit(path);
  await miss();
}
const hits = await cpuSamplesInterleaved(
  { hitSvg: () => hit(HITS[0]), hitPng: () => hit(HITS[1]), healthz: () => hit('/healthz'), prerendered: miss },
  N,
  50,
);
Object.assign(result, hits);
process.stdout.write(JSON.stringify(result));
