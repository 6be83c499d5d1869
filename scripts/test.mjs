#!/usr/bin/env node
// `npm test`: every test the project has, ending with one line `N passed, N failed`.
//  1. vitest inside workerd (@cloudflare/vitest-plugin): unit and integration tests.
//  2. real-client end-to-end tests (tests/e2e, node:test) against the service started the way the
//     README starts it, when Chromium is present. REQUIRE_BROWSER=1 (set by .ci/run) makes a missing
//     browser a failure instead of a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

// 1. Workers runtime tests.
const vitestJson = join(out, 'vitest.json');
const v = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numTotalTestSuites && !r.success && r.numFailedTests === 0 ? 1 : 0);
} else {
  failed += 1;
}
if (v.status !== 0 && failed === 0) failed += 1;

// 2. End-to-end tests with real clients (only when no vitest filter was given).
const e2eDir = join(root, 'tests', 'e2e');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const e2eFiles = existsSync(e2eDir) ? readdirSync(e2eDir).filter((f) => f.endsWith('.test.mjs')) : [];
if (process.argv.length <= 2 && e2eFiles.length) {
  if (!existsSync(chromium) && process.env.REQUIRE_BROWSER !== '1') {
    console.log(
      `\n[test] ${chromium} not found: skipping ${e2eFiles.length} end-to-end file(s) (REQUIRE_BROWSER=1 makes this fail)`,
    );
  } else {
    rmSync(join(out, 'e2e.tap'), { force: true }); // never count a previous run's results
    const e = spawnSync(
      process.execPath,
      [
        '--test',
        '--test-concurrency=1',
        // A hung browser or server fails its test instead of hanging CI.
        '--test-timeout=240000',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${join(out, 'e2e.tap')}`,
        ...e2eFiles.map((f) => join(e2eDir, f)),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, CHROMIUM_PATH: chromium },
      },
    );
    const tap = existsSync(join(out, 'e2e.tap')) ? readFileSync(join(out, 'e2e.tap'), 'utf8') : '';
    const count = (what) => Number(new RegExp(`^# ${what} (\\d+)`, 'm').exec(tap)?.[1] ?? 0);
    // A failed before() hook cancels the tests under it: they did not pass, so they count as failed.
    const f = count('fail') + count('cancelled');
    passed += count('pass');
    failed += f + (e.status !== 0 && f === 0 ? 1 : 0);
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
