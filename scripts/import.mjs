#!/usr/bin/env node
// `npm run import -- FILE [--remote] [--dry-run] [--force] [--allow-new N] [--vintage "Nov 2025 release"]`: sends a CBP CSV
// export to POST /api/v1/import/cbp — the same code path as the API and the cron — and prints the
// change report. Local by default (http://127.0.0.1:$PORT, token from .dev.vars); with --remote,
// BORDER_STATS_URL and BORDER_STATS_TOKEN. The file is streamed, with progress on big files.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    remote: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    // An import that creates more than a dozen new series must be confirmed (see the dry run).
    'allow-new': { type: 'string' },
    vintage: { type: 'string' },
  },
});
const fail = (msg) => {
  console.error(`import: ${msg}`);
  process.exit(1);
};
if (positionals.length !== 1)
  fail('usage: npm run import -- FILE [--remote] [--dry-run] [--force] [--allow-new N] [--vintage TEXT]');
const file = resolve(process.cwd(), positionals[0]);
if (!existsSync(file)) fail(`no such file: ${file}`);

let base;
let token;
if (values.remote) {
  base = process.env.BORDER_STATS_URL;
  token = process.env.BORDER_STATS_TOKEN;
  if (!base || !token) fail('--remote needs BORDER_STATS_URL and BORDER_STATS_TOKEN in the environment');
} else {
  base = `http://127.0.0.1:${process.env.PORT ?? 8787}`;
  const devVars = join(root, '.dev.vars');
  token = existsSync(devVars) ? /^ADMIN_TOKEN=(.+)$/m.exec(readFileSync(devVars, 'utf8'))?.[1]?.trim() : undefined;
  if (!token) fail('no ADMIN_TOKEN in .dev.vars (run `npm start` once to create it)');
}

const size = statSync(file).size;
const showProgress = size > 1_000_000;
const eol = process.stderr.isTTY ? '\r' : '\n';
let sent = 0;
let shown = -1;
const source = createReadStream(file, { highWaterMark: 256 * 1024 });
source.on('data', (chunk) => {
  sent += chunk.length;
  const pct = Math.floor((sent / size) * 10) * 10;
  if (showProgress && pct !== shown) {
    shown = pct;
    process.stderr.write(`${eol}import: sent ${(sent / 1e6).toFixed(1)} / ${(size / 1e6).toFixed(1)} MB (${pct}%)`);
  }
});

const url = new URL('/api/v1/import/cbp', base);
if (values['dry-run']) url.searchParams.set('dry_run', '1');
if (values.force) url.searchParams.set('force', '1');
if (values['allow-new'] !== undefined) url.searchParams.set('allow_new', values['allow-new']);
if (values.vintage) url.searchParams.set('vintage', values.vintage);

let res;
try {
  res = await fetch(url, {
    method: 'POST',
    body: Readable.toWeb(source),
    duplex: 'half',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv', 'Content-Length': String(size) },
    signal: AbortSignal.timeout(300_000),
  });
} catch (e) {
  fail(
    `could not reach ${url.origin}: ${e.cause?.message ?? e.message}${values.remote ? '' : ' (is `npm start` running?)'}`,
  );
}
if (showProgress && process.stderr.isTTY) process.stderr.write('\n');
const text = await res.text();
let body;
try {
  body = JSON.parse(text);
} catch {
  fail(`${res.status} ${res.statusText}: ${text.slice(0, 300)}`);
}
if (!res.ok) fail(`${res.status} ${body.title}: ${body.detail}`);
for (const line of body.summary) console.log(line);
