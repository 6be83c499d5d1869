#!/usr/bin/env node
// `npm run check`: what CI runs before the tests to catch drift between the code and its
// declarations. Each check prints what is wrong; the exit code is the number that failed.
//  - the env types (worker-configuration.d.ts) match wrangler.toml (`wrangler types --check`);
//  - no unused files, exports or dependencies, and every imported package is declared (knip);
//  - every npm script that runs a file names a file that exists.
// The import direction (widgets → src/kit only; the registry imported once) is an ESLint rule,
// checked by `npm run lint`; unused copy keys are a test (src/copy/index.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = 0;

function run(what, cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  if (r.status === 0) return console.log(`[check] ${what}: ok`);
  failed++;
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() || String(r.error ?? `exit ${r.status}`);
  console.log(`[check] ${what}: FAILED\n${out}`);
}

run('env types match wrangler.toml', bin('wrangler'), [
  'types',
  '--check',
  '--strict-vars=false',
  '--env-file',
  '.dev.vars.example',
]);
run('no unused files, exports or dependencies (knip)', bin('knip'), ['--no-progress']);

const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
const missing = Object.entries(scripts).flatMap(([name, cmd]) =>
  [...cmd.matchAll(/\bnode\s+(\S+\.m?js)\b/g)]
    .map((m) => m[1])
    .filter((f) => !existsSync(join(root, f)))
    .map((f) => `${name}: ${f}`),
);
if (missing.length) {
  failed++;
  console.log(`[check] npm scripts name missing files: FAILED\n${missing.join('\n')}`);
} else console.log('[check] every npm script names a file that exists: ok');

process.exit(failed);
