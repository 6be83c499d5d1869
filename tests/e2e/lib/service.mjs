// Starts the service the way the README does (`npm start`), on its own port and a fresh KV
// directory so a test run never reads or writes a developer's local state.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
    const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
    // Even after npm exits, workerd may linger in the group for a moment: make sure it is gone.
    await sleep(done ? 300 : 0);
    group('SIGKILL');
    rmSync(persist, { recursive: true, force: true });
  };
  process.once('exit', () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  });

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

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
