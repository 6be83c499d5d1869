// Debian's Chromium driven by playwright-core, and the things every page check records.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const shots = join(root, 'test-output', 'e2e');
const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');

export function launch() {
  mkdirSync(shots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Records every request, console error and uncaught exception of a page and all its frames.
 * @param {import('playwright-core').Page} page
 */
export function watch(page) {
  const seen = { requests: [], errors: [], failed: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => seen.errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => seen.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) seen.failed.push(`${r.url()}: HTTP ${r.status()}`);
  });
  return seen;
}

/** Polls `fn` until it returns a truthy value; the last error explains a timeout. */
export async function until(fn, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Runs axe-core in a page and returns its violations in a form a person can read. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await globalThis.axe.run()).violations);
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
  );
}

/**
 * A full-page screenshot in which iframes are painted: Chromium does not paint cross-origin
 * iframes that are off screen, and `fullPage` does not change that, so the viewport is made as
 * tall as the page for the shot (same width, so nothing re-lays out) and then restored.
 * @param {import('playwright-core').Page} page
 */
export async function fullShot(page, path) {
  const vp = page.viewportSize();
  const height = await page.evaluate(() => globalThis.document.documentElement.scrollHeight);
  await page.setViewportSize({ width: vp.width, height });
  await page.waitForTimeout(1_200);
  await page.screenshot({ path });
  await page.setViewportSize(vp);
}
