// The explorable embed in real Chromium: every month read by keyboard against the read API, pointer
// and touch, Chart | Table, the host page's layout shift with the gallery's script snippet at three
// widths, AMP's resize messages, print (the page and the script embed's fallback) and no JavaScript.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { axeViolations, fullShot, launch, shots, until, watch } from './lib/browser.mjs';
import { startService } from './lib/service.mjs';

const PORTS = { service: 8820, host: 8821, inspector: 8822 };
const WIDTHS = [320, 768, 1280];

/** @type {{ origin: string, stop: () => Promise<void> }} */ let svc;
/** @type {import('playwright-core').Browser} */ let browser;
/** @type {import('node:http').Server} */ let hostServer;
let hostOrigin;
const pages = new Map();

const unescapeHtml = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** A copy-ready snippet exactly as the gallery offers it (`id` is the code block's id). */
async function gallerySnippet(query, id) {
  const html = await (await fetch(`${svc.origin}/?${query}`)).text();
  const m = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  assert.ok(m, `the gallery offers ${id}`);
  return unescapeHtml(m[1]);
}

/**
 * A story page on another origin: text above and below the embed, and a layout-shift observer
 * registered before anything else runs, so every shift of the page's own content is counted.
 */
function story(embed) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Story</title>
<style>body{margin:0;padding:0 8px;font:16px/1.5 Georgia,serif}p{margin:12px 0}</style>
<script>
  window.__cls = 0; window.__shifts = [];
  new PerformanceObserver(function (l) {
    l.getEntries().forEach(function (e) {
      if (e.hadRecentInput) return;
      window.__cls += e.value;
      window.__shifts.push({ value: e.value, sources: (e.sources || []).map(function (s) { return s.node ? s.node.nodeName + '#' + (s.node.id || '') : '?'; }) });
    });
  }).observe({ type: 'layout-shift', buffered: true });
  window.__amp = [];
  addEventListener('message', function (e) { if (e.data && e.data.sentinel === 'amp') window.__amp.push(e.data); });
</script></head><body>
<h1>Border crossings fall again</h1>
<p id="above">The number of encounters at the southwest border changed again last month, the agency said.</p>
${embed}
<p id="below">Text under the chart, which must not move when the chart loads.</p>
<p>More text.</p>
</body></html>`;
}

before(
  async () => {
    svc = await startService({ port: PORTS.service, inspectorPort: PORTS.inspector });
    hostServer = createServer((req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      if (path === '/favicon.ico') return res.writeHead(204).end();
      const body = pages.get(path);
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    await new Promise((r) => hostServer.listen(PORTS.host, '127.0.0.1', r));
    hostOrigin = `http://127.0.0.1:${PORTS.host}`;
    browser = await launch();
    const script = await gallerySnippet('mode=live', 'sw-total-trend-script');
    pages.set('/script', story(script));
    // The same embed without the reserved size: proves the measurement sees a shift when there is one.
    pages.set(
      '/unreserved',
      story(`<div data-border-stats="sw-total/trend"></div>\n<script async src="${svc.origin}/embed.js"></script>`),
    );
    pages.set(
      '/sandboxed',
      story(
        `<iframe id="f" title="chart" src="${svc.origin}/embed/sw-total/trend" sandbox="allow-scripts" style="border:0;width:100%;height:600px"></iframe>`,
      ),
    );
    pages.set(
      '/amp',
      story(
        `<iframe id="f" title="chart" src="${svc.origin}/embed/sw-total/trend" sandbox="allow-scripts" style="border:0;width:100%;height:300px"></iframe>`,
      ),
    );
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await new Promise((r) => (hostServer ? hostServer.close(r) : r()));
  await svc?.stop();
});

/** The read API's months the default card plots, with the English month names the page uses. */
async function plotted(series, months) {
  const s = await (await fetch(`${svc.origin}/api/v1/series/${series}`)).json();
  const name = (p) =>
    new Date(Date.UTC(+p.slice(0, 4), +p.slice(5, 7) - 1, 1)).toLocaleString('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return s.series.points.slice(-months).map((p) => ({ name: name(p.period), value: p.value }));
}

const digits = (s) => Number(s.replace(/[^\d]/g, ''));

async function readout(frame) {
  return frame.evaluate(() => {
    const d = globalThis.document;
    const box = d.querySelector('.readout');
    const cur = d.querySelector('.cursor');
    return {
      shown: !!box && !box.hidden,
      head: box?.querySelector('strong')?.textContent ?? '',
      value: box?.querySelector('.v')?.textContent ?? '',
      detail: box?.querySelector('.d')?.textContent ?? '',
      live: d.getElementById('bs-live').textContent,
      cursorX: cur ? cur.getBoundingClientRect().left : null,
      focused: d.activeElement?.id ?? '',
    };
  });
}

describe('exploring the chart', () => {
  test('by keyboard inside a sandbox="allow-scripts" frame: every month, as the read API has it', async () => {
    const context = await browser.newContext({ viewport: { width: 768, height: 900 } });
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(`${hostOrigin}/sandboxed`, { waitUntil: 'load' });
      const frame = await (await page.locator('#f').elementHandle()).contentFrame();
      await frame.waitForSelector('#bs-chart[tabindex="0"]');
      const n = await frame.evaluate(
        () => JSON.parse(globalThis.document.getElementById('bs-explore').textContent).stops.length,
      );
      const want = await plotted('sw-total', n);
      assert.ok(n >= 12, `the card plots at least a year (${n} months)`);
      await frame.locator('#bs-chart').focus();
      await page.keyboard.press('Home');
      let lastX = -Infinity;
      for (let i = 0; i < n; i++) {
        if (i > 0) await page.keyboard.press('ArrowRight');
        const r = await readout(frame);
        assert.equal(r.shown, true);
        assert.equal(r.head, want[i].name, `month ${i}`);
        assert.equal(digits(r.value), want[i].value, `${want[i].name}: the readout's value is the API's`);
        assert.ok(r.live.startsWith(`${want[i].name}: ${r.value}`), `live region says it too: ${r.live}`);
        assert.ok(r.cursorX > lastX, 'the cursor moves right, month by month');
        lastX = r.cursorX;
        if (i === n - 2) await fullShot(page, `${shots}/explore-keyboard-768.png`);
      }
      // Past the end it stays on the last month; End, Home and Escape do what they say.
      await page.keyboard.press('ArrowRight');
      assert.equal((await readout(frame)).head, want[n - 1].name);
      await page.keyboard.press('Home');
      assert.equal((await readout(frame)).head, want[0].name);
      await page.keyboard.press('End');
      const end = await readout(frame);
      assert.equal(end.head, want[n - 1].name);
      // The latest month's changes match the API's numbers.
      const prev = want[n - 2].value;
      const pct = ((want[n - 1].value - prev) / prev) * 100;
      assert.match(end.detail, new RegExp(`^${pct < 0 ? '−' : '\\+'}[\\d.]+% vs\\. previous month · `));
      await page.keyboard.press('Escape');
      assert.equal((await readout(frame)).shown, false);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test('by pointer and touch, at 320 px in Spanish (the compact card)', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 }, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(`${svc.origin}/embed/sw-total/trend?lang=es`, { waitUntil: 'load' });
      await page.waitForSelector('#bs-chart[tabindex="0"]');
      const data = await page.evaluate(() => JSON.parse(globalThis.document.getElementById('bs-explore').textContent));
      assert.ok(data.compact, 'the page knows the compact layout too');
      const img = await page.locator('#bs-chart img').boundingBox();
      const k = img.width / data.compact.w;
      const y = img.y + ((data.compact.top + data.compact.bottom) / 2) * k;
      for (const i of [0, Math.floor(data.stops.length / 2), data.stops.length - 1]) {
        await page.mouse.move(img.x + data.compact.x[i] * k, y);
        const r = await readout(page);
        assert.equal(r.head, data.stops[i][0], `hover on stop ${i}`);
        assert.equal(r.value, data.stops[i][1]);
        assert.match(r.head, /^[a-z]+ de \d{4}$/, 'Spanish month names');
      }
      await fullShot(page, `${shots}/explore-hover-320-es.png`);
      await page.mouse.move(img.x + img.width / 2, img.y + img.height + 200);
      assert.equal((await readout(page)).shown, false, 'the readout goes when the pointer leaves');
      const i = 3;
      await page.touchscreen.tap(img.x + data.compact.x[i] * k, y);
      assert.equal((await readout(page)).head, data.stops[i][0], 'a tap shows its month');
    } finally {
      await context.close();
    }
  });
});

describe('Chart | Table', () => {
  test('a visible table of exactly the plotted months with the CSV link; each view reports its own height', async () => {
    const context = await browser.newContext({ viewport: { width: 768, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${hostOrigin}/amp`, { waitUntil: 'load' });
      const frame = await (await page.locator('#f').elementHandle()).contentFrame();
      await frame.waitForSelector('.views:not([hidden])');
      const heights = () => page.evaluate(() => globalThis.__amp.map((m) => m.height));
      await until(async () => (await heights()).length > 0, { what: 'an AMP embed-size message' });
      const chartH = await frame.evaluate(() =>
        Math.ceil(globalThis.document.documentElement.getBoundingClientRect().height),
      );
      assert.equal((await heights()).at(-1), chartH);
      const first = await page.evaluate(() => globalThis.__amp[0]);
      assert.deepEqual(Object.keys(first).sort(), ['height', 'sentinel', 'type']);
      assert.equal(first.type, 'embed-size');

      await frame.click('button[data-view=table]');
      const table = frame.locator('#bs-table table');
      assert.equal(await table.isVisible(), true);
      assert.equal(await frame.locator('#bs-chart').isVisible(), false);
      assert.equal(await frame.getAttribute('button[data-view=table]', 'aria-pressed'), 'true');
      const rows = await frame.locator('#bs-table tbody tr').allTextContents();
      const n = await frame.evaluate(
        () => JSON.parse(globalThis.document.getElementById('bs-explore').textContent).stops.length,
      );
      const want = await plotted('sw-total', n);
      assert.deepEqual(
        rows.map((r) => digits(r.replace(/^\D+\d{4}/, ''))),
        want.map((w) => w.value),
      );
      const csv = frame.locator('#bs-table a', { hasText: 'Get the data' });
      assert.equal(await csv.isVisible(), true);
      assert.equal(await csv.getAttribute('href'), `${svc.origin}/api/v1/series/sw-total.csv`);
      const tableH = await frame.evaluate(() =>
        Math.ceil(globalThis.document.documentElement.getBoundingClientRect().height),
      );
      assert.ok(tableH > chartH, `the table view is taller (${tableH} > ${chartH})`);
      await until(async () => (await heights()).at(-1) === tableH, { what: 'the table view to report its height' });
      await fullShot(page, `${shots}/explore-table-768.png`);
      await frame.click('button[data-view=chart]');
      await until(async () => (await heights()).at(-1) === chartH, {
        what: 'the chart view to report its height again',
      });
    } finally {
      await context.close();
    }
  });
});

describe('no layout shift on the host page', () => {
  for (const width of WIDTHS) {
    test(`the gallery's script snippet at ${width} px: CLS 0, and the frame keeps the height it reserved`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        const seen = watch(page);
        await page.goto(`${hostOrigin}/script`, { waitUntil: 'load' });
        const f = page.locator('iframe[data-border-stats-frame]');
        await f.waitFor();
        const frame = await (await f.elementHandle()).contentFrame();
        await frame.waitForSelector('.views:not([hidden])');
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const inner = await frame.evaluate(() => globalThis.document.documentElement.getBoundingClientRect().height);
        const outer = await f.evaluate((el) => el.getBoundingClientRect().height);
        assert.ok(Math.abs(inner - outer) < 1, `the frame (${outer}) fits its page (${inner})`);
        const { cls, shifts } = await page.evaluate(() => ({ cls: globalThis.__cls, shifts: globalThis.__shifts }));
        assert.equal(cls, 0, `layout shifts: ${JSON.stringify(shifts)}`);
        assert.deepEqual(seen.errors, []);
        await fullShot(page, `${shots}/cls-script-${width}.png`);
      } finally {
        await context.close();
      }
    });
  }

  test('the measurement can fail: the same embed without a reserved size does shift the page', async () => {
    const context = await browser.newContext({ viewport: { width: 768, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${hostOrigin}/unreserved`, { waitUntil: 'load' });
      const frame = await (await page.locator('iframe[data-border-stats-frame]').elementHandle()).contentFrame();
      await frame.waitForSelector('.views:not([hidden])');
      await until(async () => (await page.evaluate(() => globalThis.__cls)) > 0, { what: 'a layout shift' });
    } finally {
      await context.close();
    }
  });
});

describe('print and no JavaScript', () => {
  test('the embed page prints the card, its source and date, on one page', async () => {
    const context = await browser.newContext({ viewport: { width: 768, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${svc.origin}/embed/sw-total/trend`, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      const state = await page.evaluate(() => {
        const d = globalThis.document;
        const img = d.querySelector('#bs-chart img');
        const r = img.getBoundingClientRect();
        return {
          img: { w: r.width, h: r.height, loaded: img.complete && img.naturalWidth > 0 },
          bar: globalThis.getComputedStyle(d.querySelector('.bar')).display,
          line: d.querySelector('.print-only').innerText,
        };
      });
      assert.ok(state.img.loaded && state.img.w > 300 && state.img.h > 100, JSON.stringify(state.img));
      assert.equal(state.bar, 'none', 'no controls on paper');
      const api = await (await fetch(`${svc.origin}/api/v1/series/sw-total`)).json();
      assert.match(
        state.line,
        new RegExp(`^Source: ${api.series.source.name}, ${api.series.source.release}\\. Data as of \\w+ \\d{4}\\.`),
      );
      await page.screenshot({ path: `${shots}/print-embed-768.png`, fullPage: true });
      const pdf = await page.pdf({ format: 'Letter', printBackground: true });
      const pagesInPdf = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pagesInPdf, 1, 'one page');
    } finally {
      await context.close();
    }
  });

  test('the script embed prints an image of the card where its frame would print', async () => {
    const context = await browser.newContext({ viewport: { width: 768, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${hostOrigin}/script`, { waitUntil: 'networkidle' });
      const img = page.locator('img.border-stats-print');
      assert.equal(await img.isVisible(), false, 'not on screen');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('iframe[data-border-stats-frame]').isVisible(), false);
      await until(() => img.evaluate((i) => i.complete && i.naturalWidth > 0), { what: 'the print image to load' });
      assert.equal(await img.isVisible(), true);
      assert.match(await img.getAttribute('src'), /\/v1\/sw-total\/trend\.svg\?theme=light/);
      await page.screenshot({ path: `${shots}/print-script-768.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the script snippet shows its <noscript> image, with its alt text', async () => {
    const context = await browser.newContext({ viewport: { width: 768, height: 900 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${hostOrigin}/script`, { waitUntil: 'networkidle' });
      const img = page.locator('[data-border-stats] img');
      assert.equal(await img.isVisible(), true);
      assert.ok((await img.getAttribute('alt')).length > 40, 'the alt text is the card’s description');
      assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0));
      // The image sits in the reserved box: the text under it is not covered.
      const box = await img.boundingBox();
      const below = await page.locator('#below').boundingBox();
      assert.ok(box.y + box.height <= below.y, 'the image ends above the following text');
      await page.screenshot({ path: `${shots}/noscript-768.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });
});

describe('accessibility of the interactive layer (axe-core)', () => {
  for (const [name, act] of [
    [
      'the chart explored by keyboard',
      async (page) => {
        await page.locator('#bs-chart').focus();
        await page.keyboard.press('ArrowLeft');
      },
    ],
    ['the table view', (page) => page.click('button[data-view=table]')],
    [
      'the notes open, in dark',
      async (page) => {
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.click('.about summary');
      },
    ],
  ]) {
    test(`${name}: no axe violations`, async () => {
      const context = await browser.newContext({ viewport: { width: 768, height: 900 }, bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.goto(`${svc.origin}/embed/sw-total/trend?theme=auto`, { waitUntil: 'networkidle' });
        await page.waitForSelector('#bs-chart[tabindex="0"]');
        await act(page);
        await fullShot(page, `${shots}/axe-explore-${name.replace(/\W+/g, '-')}.png`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe found:\n${violations.join('\n')}`);
      } finally {
        await context.close();
      }
    });
  }
});
