// Starts the service the way the README does (`npm start`), on its own port and a fresh KV
// directory so a test run never reads or writes a developer's local state.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const READY = /\[start\] ready: /;

/**
 * @param {{ port: number, inspectorPort: number, timeoutMs?: number }} opts
 * @returns {Promise<{ origin: string, log: () => string, stop: () => Promise<void> }>}
 */
export async function startService({ port, inspectorPort, timeoutMs = 120_000 }) {
  for (const p of [port, inspectorPort]) await assertFree(p);
  const persist = mkdtempSync(join(tmpdir(), 'border-stats-e2e-'));
  // detached: the npm → node → wrangler → workerd tree gets its own process group, so one
  // signal to the group ends all of it (no stray workerd holding the port for the next run).
  const child = spawn('npm', ['start', '--', '--persist-to', persist, '--inspector-port', String(inspectorPort)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), WRANGLER_SEND_METRICS: 'false', CI: 'true', FORCE_COLOR: '0' },
  });
  let out = '';
  const exited = new Promise((res) => child.once('exit', (code, sig) => res({ code, sig })));
  let stopped = false;
  let gone = false; // after stop(), the group id may belong to someone else: never signal it again
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const group = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* group already gone */
      }
    };
    group('SIGTERM');
    let timer;
    const done = await Promise.race([
      exited.then(() => true),
      new Promise((r) => (timer = setTimeout(() => r(false), 5_000))),
    ]).finally(() => clearTimeout(timer));
    // Even after npm exits, workerd may linger in the group for a moment: make sure it is gone.
    await sleep(done ? 300 : 0);
    group('SIGKILL');
    gone = true;
    rmSync(persist, { recursive: true, force: true });
  };
  // However this process ends (even Ctrl-C), the service's process group ends with it.
  const killGroup = () => {
    if (gone) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.once('exit', killGroup);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      killGroup();
      process.exit(130);
    });
  }

  const ready = new Promise((res, rej) => {
    const onData = (buf) => {
      out += buf.toString();
      if (READY.test(out)) res();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, sig }) => rej(new Error(`npm start exited (${code ?? sig}) before it was ready:\n${out}`)));
  });
  let timer;
  const late = new Promise((_, rej) => {
    timer = setTimeout(
      () => rej(new Error(`npm start was not ready within ${timeoutMs / 1000} s:\n${out}`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([ready, late]).finally(() => clearTimeout(timer));
    // The ready line comes after seeding; a failed seed would show here.
    if (/\[start\] .*: failed/.test(out)) throw new Error(`seeding failed:\n${out}`);
    const r = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (!r.ok) throw new Error(`/healthz answered ${r.status}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { origin: `http://127.0.0.1:${port}`, log: () => out, stop };
}

/** A clear message instead of wrangler's when a port is taken (say, by a stale run). */
function assertFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', (e) =>
        reject(new Error(`port ${port} on 127.0.0.1 is not free (${e.code}); is an earlier e2e run still up?`)),
      )
      .listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
