#!/usr/bin/env node
// `npm run bench`: the budgets of a lean card, each a table row with its figure and its verdict.
// Why Node and not workerd: inside workerd the clocks stand still during CPU work (Spectre
// mitigation), so in-Worker timers read ~0. We bundle the Worker's own modules with esbuild for
// Node 24 (same V8 family, same resvg wasm) and time them with process.cpuUsage(); see README
// "Performance".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode, root } from '../bench/build.mjs';

const BUDGET = {
  gzipKiB: { trend: 10, stat: 10, bars: 10, social: 10, badge: 3, compare: 10, rank: 10, share: 10, map: 10 },
  svgMs: 3,
  firstMs: 10,
  ogMs: 40,
  bundleKiB: 1454,
  missOverHit: 1.5,
};
/**
 * The ratio of each widget's uncached SVG render to the hand-written baseline before cards drew
 * their own glyphs (satori, `npm run bench` of 2026-11-29 on this machine): a render must now cost
 * at most a third of that ratio.
 */
const SATORI_RATIO = { trend: 858, stat: 636, bars: 1123, badge: 199, social: 1313 };
const dir = mkdtempSync(join(tmpdir(), 'bench-'));

function run(cmd, args, env = {}) {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...env } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} exited ${code}\n${err}${out}`))));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  await bundleForNode(join(root, 'bench', 'run.mjs'), join(dir, 'run.mjs'));
  await bundleForNode(join(root, 'bench', 'first.mjs'), join(dir, 'first.mjs'));
  const r = JSON.parse(await run(process.execPath, [join(dir, 'run.mjs')]));
  const first = {};
  for (const name of Object.keys(r.widgets)) {
    const runs = [];
    for (let i = 0; i < 5; i++)
      runs.push(JSON.parse(await run(process.execPath, [join(dir, 'first.mjs')], { BENCH_WIDGET: name })));
    first[name] = median(runs);
  }
  const built = await run(join(root, 'node_modules', '.bin', 'wrangler'), [
    'deploy',
    '--dry-run',
    '--outdir',
    join(dir, 'dist'),
  ]);
  const upload = /Total Upload:\s*([\d.,]+) KiB \/ gzip:\s*([\d.,]+) KiB/.exec(built);

  const ms = (x) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
  const ok = (pass) => (pass ? 'met' : 'MISSED');
  const rows = [];
  const row = (target, figure, budget, pass) => rows.push([target, figure, budget, ok(pass)]);

  for (const [name, w] of Object.entries(r.widgets)) {
    const kib = w.gzip / 1024;
    row(
      `${name}.svg size, gzipped`,
      `${kib.toFixed(1)} KiB (${(w.bytes / 1024).toFixed(1)} KiB raw)`,
      `≤ ${BUDGET.gzipKiB[name]} KiB`,
      kib <= BUDGET.gzipKiB[name],
    );
  }
  for (const [name, w] of Object.entries(r.widgets))
    row(
      `${name}.svg uncached render, median`,
      `${ms(w.svg.median)} ms (p95 ${ms(w.svg.p95)})`,
      `≤ ${BUDGET.svgMs} ms`,
      w.svg.median <= BUDGET.svgMs,
    );
  // Widgets born after satori have no satori figure to be a third of; their absolute budget above holds.
  for (const [name, w] of Object.entries(r.widgets).filter(([n]) => n in SATORI_RATIO)) {
    const ratio = w.svg.median / r.baseline.median;
    const max = SATORI_RATIO[name] / 3;
    row(
      `${name}.svg render ÷ hand-written SVG`,
      `${Math.round(ratio)}× (satori: ${SATORI_RATIO[name]}×)`,
      `≤ ${Math.round(max)}×`,
      ratio <= max,
    );
  }
  for (const [name, t] of Object.entries(first))
    row(
      `${name}.svg first render, fresh isolate`,
      `${ms(t)} ms (median of 5)`,
      `≤ ${BUDGET.firstMs} ms`,
      t <= BUDGET.firstMs,
    );
  row(
    'PNG og 1200×630 uncached, median',
    `${ms(r.pngOg.median)} ms (p95 ${ms(r.pngOg.p95)})`,
    `≤ ${BUDGET.ogMs} ms`,
    r.pngOg.median <= BUDGET.ogMs,
  );
  const missRatio = r.prerendered.median / r.hitSvg.median;
  row(
    'default card miss (pre-render in KV) ÷ cached hit',
    `${missRatio.toFixed(2)}× (${ms(r.prerendered.median)} vs ${ms(r.hitSvg.median)} ms)`,
    `≤ ${BUDGET.missOverHit}×`,
    missRatio <= BUDGET.missOverHit,
  );
  if (upload) {
    const gz = Number(upload[2].replace(/,/g, ''));
    row(
      'bundle (wrangler deploy --dry-run), gzipped',
      `${upload[2]} KiB (${upload[1]} KiB raw)`,
      `≤ ${BUDGET.bundleKiB} KiB`,
      gz <= BUDGET.bundleKiB,
    );
  } else console.log('bundle: wrangler did not print a size line:\n' + built.slice(-500));

  console.log(`\nbench — Node ${process.versions.node} on the Worker's bundle; CPU time, ${r.n} samples a figure`);
  console.log(`baseline (hand-written SVG string): median ${r.baseline.median.toFixed(4)} ms\n`);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((x) => x[i].length), ['target', 'figure', 'budget', 'verdict'][i].length),
  );
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(['target', 'figure', 'budget', 'verdict']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const x of rows) console.log(line(x));
  console.log(`\nalso: cached hit trend.png og ${ms(r.hitPng.median)} ms; /healthz ${ms(r.healthz.median)} ms`);
  for (const [name, w] of Object.entries(r.widgets)) console.log(`      ${name} PNG uncached ${ms(w.png.median)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
