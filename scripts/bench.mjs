#!/usr/bin/env node
// `npm run bench`: render and handler CPU times, PNG og time and bundle size, side by side, in one run.
// Why Node and not workerd: inside workerd the clocks stand still during CPU work (Spectre
// mitigation), so in-Worker timers read ~0. We bundle the Worker's own modules with esbuild for
// Node 24 (same V8 family, same satori/yoga/resvg wasm, same fonts) and time them with
// process.cpuUsage(); see README "Performance".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode, root } from '../bench/build.mjs';

const BUDGET = { svgMs: 5, hitMs: 0.5, ogMs: 150, gzipKiB: 1536 };
const dir = mkdtempSync(join(tmpdir(), 'bench-'));

function run(cmd, args) {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} exited ${code}\n${err}${out}`))));
  });
}

try {
  await bundleForNode(join(root, 'bench', 'run.mjs'), join(dir, 'run.mjs'));
  const r = JSON.parse(await run(process.execPath, [join(dir, 'run.mjs')]));
  const built = await run(join(root, 'node_modules', '.bin', 'wrangler'), [
    'deploy',
    '--dry-run',
    '--outdir',
    join(dir, 'dist'),
  ]);
  const upload = /Total Upload:\s*([\d.,]+) KiB \/ gzip:\s*([\d.,]+) KiB/.exec(built);

  const ms = (x) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1)).padStart(7);
  const ratio = (x) => `${Math.round(x / r.baseline.median)}×`.padStart(7);
  const verdict = (ok) => (ok ? 'ok' : 'OVER BUDGET');
  const row = (...cells) => console.log(cells.join('  '));

  console.log(`\nbench — Node ${process.versions.node} on the Worker's bundle; CPU ms per operation, ${r.n} samples`);
  console.log(
    `baseline (hand-written SVG string): median ${r.baseline.median.toFixed(4)} ms, p95 ${r.baseline.p95.toFixed(4)} ms\n`,
  );
  row(
    'widget  ',
    ' size    ',
    'svg med',
    'svg p95',
    '×base  ',
    'png med',
    'png p95',
    '×base  ',
    `svg ≤ ${BUDGET.svgMs} ms`,
  );
  for (const [name, w] of Object.entries(r.widgets)) {
    row(
      name.padEnd(8),
      w.size.padEnd(9),
      ms(w.svg.median),
      ms(w.svg.p95),
      ratio(w.svg.median),
      ms(w.png.median),
      ms(w.png.p95),
      ratio(w.png.median),
      verdict(w.svg.median <= BUDGET.svgMs),
    );
  }
  console.log('');
  const line = (label, s, budget) =>
    row(
      label.padEnd(44),
      `median ${ms(s.median)}`,
      `p95 ${ms(s.p95)}`,
      budget === undefined ? '' : `${verdict(s.median <= budget)} (≤ ${budget} ms)`,
    );
  line('cached hit, handler (trend.svg?theme=dark)', r.hitSvg, BUDGET.hitMs);
  line('cached hit, handler (trend.png?size=og)', r.hitPng, BUDGET.hitMs);
  line('/healthz, handler', r.healthz);
  line('PNG og 1200×630 uncached (trend: satori+resvg)', r.pngOg, BUDGET.ogMs);
  if (upload) {
    const gz = Number(upload[2].replace(/,/g, ''));
    console.log(
      `\nbundle (wrangler deploy --dry-run): ${upload[1]} KiB, gzip ${upload[2]} KiB — ${verdict(gz <= BUDGET.gzipKiB)} (≤ ${BUDGET.gzipKiB} KiB)`,
    );
  } else console.log('\nbundle: wrangler did not print a size line:\n' + built.slice(-500));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
