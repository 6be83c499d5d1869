// Chromium on a third-party page (another origin) showing every kind of embed, at phone, tablet
// and desktop widths, in light and dark mode; axe-core on the gallery and an embed page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, fullShot, launch, shots, until, watch } from './lib/browser.mjs';
import { startHost } from './lib/host.mjs';
import { decodePng, meanLuminance, pngSize } from './lib/png.mjs';
import { startService } from './lib/service.mjs';

const PORTS = { service: 8810, host: 8811, inspector: 8815 };
const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
];
const FRAMES = { plain: '#plain', script: 'iframe[data-border-stats-frame]', wp: '#wp' };

/** @type {{ origin: string, stop: () => Promise<void> }} */ let svc;
/** @type {{ origin: string, stop: () => Promise<void> }} */ let host;
/** @type {import('playwright-core').Browser} */ let browser;
let svgSize;

before(
  async () => {
    svc = await startService({ port: PORTS.service, inspectorPort: PORTS.inspector });
    host = await startHost({ port: PORTS.host, service: svc.origin });
    browser = await launch();
    const svg = await (await fetch(`${svc.origin}/v1/sw-total/trend.svg?theme=auto`)).text();
    const m = /^<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
    assert.ok(m, 'the SVG card declares its width and height');
    svgSize = { width: Number(m[1]), height: Number(m[2]) };
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await host?.stop();
  await svc?.stop();
});

/** Opens the host page and waits until every embed has loaded and sized itself. */
async function openHost({ viewport, colorScheme = 'light' }) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  page.setDefaultTimeout(5_000);
  page.setDefaultNavigationTimeout(30_000);
  const seen = watch(page);
  await page.goto(host.origin + '/', { waitUntil: 'load' });
  // A missing script embed fails its own tests below, not the whole page.
  await page
    .locator(FRAMES.script)
    .first()
    .waitFor()
    .catch(() => {});
  // Lazy iframes load only near the viewport, as a reader scrolls.
  for (const sel of [...Object.values(FRAMES), '#svg', '#png']) {
    await page
      .locator(sel)
      .first()
      .scrollIntoViewIfNeeded()
      .catch(() => {});
    await page.waitForTimeout(50);
  }
  await page.waitForLoadState('networkidle');
  await waitFit(page, 5_000).catch(() => {});
  return { context, page, seen };
}

/** Sizes of an iframe and of the document inside it. */
async function measure(page, selector) {
  const el = page.locator(selector).first();
  const outer = await el.evaluate((f) => ({ height: f.clientHeight, width: f.clientWidth }));
  const frame = await (await el.elementHandle()).contentFrame();
  const inner = await frame.evaluate(() => {
    const d = globalThis.document.documentElement;
    return {
      content: Math.ceil(d.getBoundingClientRect().height),
      scrollHeight: d.scrollHeight,
      scrollWidth: d.scrollWidth,
      innerHeight: globalThis.innerHeight,
      innerWidth: globalThis.innerWidth,
    };
  });
  return { selector, outer, inner };
}

/** An iframe fits when it is as tall as its content (±2 px) and nothing inside scrolls. */
function fits({ selector, outer, inner }) {
  const want = selector === FRAMES.wp ? Math.min(1000, Math.max(200, inner.content)) : inner.content;
  return (
    Math.abs(outer.height - want) <= 2 &&
    inner.scrollHeight <= inner.innerHeight + 1 &&
    inner.scrollWidth <= inner.innerWidth
  );
}

/** Waits until every iframe fits; on timeout, says which did not and by how much. */
async function waitFit(page, timeout = 10_000) {
  let bad = [];
  await until(
    async () => {
      bad = [];
      for (const sel of Object.values(FRAMES)) {
        const m = await measure(page, sel).catch((e) => ({ selector: sel, error: e.message.split('\n')[0] }));
        if (m.error || !fits(m)) bad.push(m);
      }
      return bad.length === 0;
    },
    { timeout, what: 'every iframe to fit its content' },
  ).catch((e) => {
    throw new Error(`${e.message}:\n${bad.map((m) => JSON.stringify(m)).join('\n')}`);
  });
}

function luminanceOf(buf) {
  return meanLuminance(decodePng(buf));
}

for (const viewport of VIEWPORTS) {
  describe(`the host page at ${viewport.width} px`, () => {
    let ctx;
    before(async () => {
      ctx = await openHost({ viewport });
      await fullShot(ctx.page, `${shots}/host-${viewport.width}-light.png`);
    });
    after(() => ctx?.context.close());

    test('each iframe is exactly as tall as its content, with no scrollbars and no clipping', async () => {
      for (const sel of Object.values(FRAMES)) {
        const m = await measure(ctx.page, sel);
        assert.ok(fits(m), `${sel} does not fit its content: ${JSON.stringify(m)}`);
        assert.ok(m.outer.width <= viewport.width, `${sel} is wider than the viewport`);
      }
    });

    test('the WordPress-sandboxed iframe was sized by height messages carrying its secret', async () => {
      const count = await ctx.page.locator(FRAMES.wp).getAttribute('data-wp-messages');
      assert.ok(Number(count) >= 1, `wp-embed-style messages received: ${count}`);
      assert.equal(await ctx.page.locator(FRAMES.wp).getAttribute('style'), null, 'no longer hidden');
    });

    test('the script embed makes one lazy, titled iframe per placeholder even when included twice', async () => {
      const frames = ctx.page.locator(FRAMES.script);
      assert.equal(await frames.count(), 1);
      const f = frames.first();
      assert.equal(await f.getAttribute('loading'), 'lazy');
      assert.ok((await f.getAttribute('title'))?.trim(), 'the iframe has a title');
      const src = new URL(await f.getAttribute('src'));
      assert.equal(src.origin, svc.origin);
      assert.equal(src.pathname, '/embed/sw-usbp/trend');
      assert.equal(src.searchParams.get('theme'), 'auto');
      assert.ok(src.searchParams.get('id'), 'the iframe src carries an id for its height messages');
      assert.equal(await ctx.page.evaluate(() => typeof globalThis.BorderStats), 'object');
    });

    test('the images load at their natural size', async () => {
      const svg = await ctx.page.locator('#svg').evaluate((i) => ({ w: i.naturalWidth, h: i.naturalHeight }));
      assert.deepEqual(svg, { w: svgSize.width, h: svgSize.height });
      const png = await ctx.page
        .locator('#png')
        .evaluate((i) => ({ w: i.naturalWidth, h: i.naturalHeight, src: i.currentSrc }));
      assert.match(png.src, /theme=light/, 'the light source is chosen in light mode');
      const bytes = new Uint8Array(await (await fetch(png.src)).arrayBuffer());
      assert.deepEqual(pngSize(bytes), { width: png.w, height: png.h });
      assert.deepEqual({ w: png.w, h: png.h }, { w: svgSize.width * 2, h: svgSize.height * 2 }, 'scale=2');
    });

    test('no console errors, no failed requests', () => {
      assert.deepEqual(ctx.seen.errors, []);
      assert.deepEqual(ctx.seen.failed, []);
    });

    test('no request goes to any host but the service and the host page', () => {
      const allowed = new Set([new URL(svc.origin).host, new URL(host.origin).host]);
      const foreign = ctx.seen.requests.filter((u) => /^https?:/.test(u) && !allowed.has(new URL(u).host));
      assert.deepEqual(foreign, []);
      assert.ok(
        ctx.seen.requests.some((u) => u.startsWith(`${svc.origin}/embed/`)),
        'embeds were requested',
      );
      // Only the sandboxed frame loads the sw-ofo card: proof that requests inside frames are seen too.
      assert.ok(
        ctx.seen.requests.some((u) => u.startsWith(`${svc.origin}/v1/sw-ofo/trend.svg`)),
        'requests made inside the sandboxed frame are recorded',
      );
    });
  });
}

describe('dark mode', () => {
  const pages = {};
  before(async () => {
    for (const colorScheme of ['light', 'dark']) {
      pages[colorScheme] = await openHost({ viewport: VIEWPORTS[1], colorScheme });
      await fullShot(pages[colorScheme].page, `${shots}/host-768-${colorScheme}.png`);
    }
  });
  after(async () => {
    for (const p of Object.values(pages)) await p.context.close();
  });

  test('the picture picks the dark PNG when the reader prefers dark', async () => {
    const img = await pages.dark.page.locator('#png').evaluate((i) => ({ src: i.currentSrc, w: i.naturalWidth }));
    assert.match(img.src, /theme=dark/);
    assert.equal(img.w, svgSize.width * 2);
  });

  test('the auto-theme SVG and the auto-theme script embed turn dark, and light in light mode', async () => {
    for (const sel of ['#svg', FRAMES.script]) {
      const dark = luminanceOf(await pages.dark.page.locator(sel).first().screenshot());
      const light = luminanceOf(await pages.light.page.locator(sel).first().screenshot());
      assert.ok(dark < 0.3, `${sel} in dark mode has mean luminance ${dark.toFixed(2)}`);
      assert.ok(light > 0.7, `${sel} in light mode has mean luminance ${light.toFixed(2)}`);
    }
  });

  test('the embed page background follows prefers-color-scheme (computed style inside the frame)', async () => {
    const bg = async (p) => {
      const frame = await (await p.page.locator(FRAMES.script).elementHandle()).contentFrame();
      return frame.evaluate(() => {
        const d = globalThis.document;
        const c = [d.body, d.documentElement]
          .map((e) => globalThis.getComputedStyle(e).backgroundColor)
          .find((v) => v !== 'rgba(0, 0, 0, 0)' && v !== 'transparent');
        const [r, g, b] = (c ?? 'rgb(255, 255, 255)').match(/\d+/g).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      });
    };
    assert.ok((await bg(pages.dark)) < 0.3, 'dark background');
    assert.ok((await bg(pages.light)) > 0.7, 'light background');
  });

  test('a theme message from the host switches an embed to dark', async () => {
    const { page } = pages.light;
    const frame = page.locator(FRAMES.plain);
    await frame.evaluate((f) => f.contentWindow.postMessage({ type: 'border-stats:theme', theme: 'dark' }, '*'));
    await until(async () => luminanceOf(await frame.screenshot()) < 0.3, { what: 'the plain embed to turn dark' });
  });

  test('no console errors in dark mode either', () => {
    assert.deepEqual(pages.dark.seen.errors, []);
  });
});

test('resizing the window re-sizes every iframe to its new content height', async () => {
  const { context, page } = await openHost({ viewport: VIEWPORTS[2] });
  try {
    const wide = await measure(page, FRAMES.plain);
    await page.setViewportSize(VIEWPORTS[0]);
    // Chromium pauses rendering (and so ResizeObserver) in cross-origin frames that are off
    // screen; each frame re-measures when the reader scrolls to it, so scroll like a reader.
    for (const sel of Object.values(FRAMES)) {
      await page.locator(sel).first().scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
    }
    await waitFit(page);
    const narrow = await measure(page, FRAMES.plain);
    assert.notEqual(narrow.outer.height, wide.outer.height, 'the compact layout has another height');
    await fullShot(page, `${shots}/host-resized-320.png`);
  } finally {
    await context.close();
  }
});

describe('accessibility (axe-core)', () => {
  for (const [name, path, shot] of [
    ['the gallery', '/', 'gallery'],
    ['an embed page', '/embed/sw-total/trend', 'embed'],
  ]) {
    test(`${name} has no axe violations`, async () => {
      // bypassCSP: axe is injected as an inline script, which the pages' CSP rightly refuses.
      const context = await browser.newContext({ viewport: VIEWPORTS[2], bypassCSP: true });
      try {
        const page = await context.newPage();
        const res = await page.goto(svc.origin + path, { waitUntil: 'networkidle' });
        assert.equal(res?.status(), 200);
        await fullShot(page, `${shots}/axe-${shot}-1280.png`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe found:\n${violations.join('\n')}`);
      } finally {
        await context.close();
      }
    });
  }
});
