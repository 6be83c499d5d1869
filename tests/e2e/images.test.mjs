// Image snapshots: every fixture option set of every widget, as the PNG the service serves and as
// its SVG drawn by Chromium in an <img>, compared pixel by pixel with the committed images in
// tests/__image_snapshots__ (PNGs) and tests/__image_snapshots__/chromium (SVGs). A comparison that
// fails writes the new image and a diff image (changed pixels in red) under test-output/image-diffs/.
// UPDATE_SNAPSHOTS=1 (or a missing snapshot outside CI) writes the snapshot instead; look at it
// before committing it.
//
// tests/__image_snapshots__/before-lean holds fixtures as the satori renderer drew them, before
// cards drew their own glyph outlines. Those fixtures are also compared with them, allowing a shift
// of one pixel (the old PNG path placed glyphs off the pixel grid): same glyphs, same places. When
// the rewrite landed every fixture passed this check; the cards that later gained policy events and
// computed caveats (issue 13) changed on purpose, and their before-lean images were retired. The
// ones in BEFORE_KEPT still show exactly what they showed then, and stay checked.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { launch } from './lib/browser.mjs';
import { startService } from './lib/service.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SNAPSHOTS = join(root, 'tests', '__image_snapshots__');
const DIFFS = join(root, 'test-output', 'image-diffs');
const BEFORE = join(SNAPSHOTS, 'before-lean');
/**
 * Share of pixels that may differ from before the rewrite. The stat card moved on purpose: its big
 * number now keeps room under it for the comma's tail, which used to touch the month below (the
 * new text-fit test found it), so everything under the number sits a few pixels lower.
 */
const beforeShare = (name) => (name.startsWith('stat-') ? 0.03 : 0.002);
/** Fixtures whose content no later change touched: still compared with the satori renderer's image. */
const BEFORE_KEPT = new Set(['badge-1', 'badge-2', 'badge-3', 'bars-5', 'stat-2', 'stat-4']);
const PORTS = { service: 8813, inspector: 8817 };
/** Per-pixel colour distance (pixelmatch's YIQ threshold) and the share of pixels that may differ. */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFF_SHARE = 0.001;
const update = process.env.UPDATE_SNAPSHOTS === '1';
/** Chromium draws text with its own rasteriser and hinting: a little more slack per pixel. */
const BROWSER_THRESHOLD = 0.2;
const BROWSER_MAX_DIFF_SHARE = 0.005;

/** Every widget's fixtures, as [name, series, query]. */
const cases = readdirSync(join(root, 'widgets'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'widgets', d.name, 'fixtures', 'cases.json')))
  .flatMap((d) =>
    JSON.parse(readFileSync(join(root, 'widgets', d.name, 'fixtures', 'cases.json'), 'utf8')).cases.map((c, i) => [
      `${d.name}-${i + 1}`,
      `/v1/${c.series}/${d.name}.png?${c.query}`,
    ]),
  );

/** @type {{ origin: string, stop: () => Promise<void> }} */ let svc;
/** @type {import('playwright-core').Browser} */ let browser;
before(
  async () => {
    svc = await startService({ port: PORTS.service, inspectorPort: PORTS.inspector });
    browser = await launch();
  },
  { timeout: 180_000 },
);
after(async () => {
  await browser?.close();
  await svc?.stop();
});

/**
 * Pixels of `a` with no pixel of `b` within one pixel (3×3) of the same colour (per channel within
 * `tolerance` of 255), counted both ways: a one-pixel shift or anti-aliasing is not a difference; a
 * missing, extra or moved glyph is.
 */
function unmatched(a, b, tolerance = 64) {
  let n = 0;
  const diff = new PNG({ width: a.width, height: a.height });
  for (const [p, q] of [
    [a, b],
    [b, a],
  ])
    for (let y = 0; y < p.height; y++)
      for (let x = 0; x < p.width; x++) {
        const i = (y * p.width + x) * 4;
        let found = false;
        for (let dy = -1; dy <= 1 && !found; dy++)
          for (let dx = -1; dx <= 1 && !found; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= q.width || yy >= q.height) continue;
            const j = (yy * q.width + xx) * 4;
            found = [0, 1, 2].every((c) => Math.abs(p.data[i + c] - q.data[j + c]) <= tolerance);
          }
        if (!found) {
          n++;
          diff.data[i] = 255;
          diff.data[i + 3] = 255;
        }
      }
  return { n, diff };
}

/** Compares `bytes` with the before-the-rewrite image `file`, one pixel of shift allowed. */
function compareBefore(name, file, bytes, maxShare) {
  let want = PNG.sync.read(readFileSync(file));
  let got = PNG.sync.read(bytes);
  assert.equal(got.width, want.width, `${name}: width`);
  // A card that grew (the stat card, see beforeShare) is compared over the height both have.
  if (got.height !== want.height) {
    assert.ok(name.includes('stat-'), `${name}: height ${want.height} → ${got.height}`);
    const h = Math.min(got.height, want.height);
    [want, got] = [want, got].map((img) => {
      const out = new PNG({ width: img.width, height: h });
      PNG.bitblt(img, out, 0, 0, img.width, h, 0, 0);
      return out;
    });
  }
  const { n, diff } = unmatched(want, got);
  const share = n / (want.width * want.height * 2);
  if (share > maxShare) {
    mkdirSync(DIFFS, { recursive: true });
    writeFileSync(join(DIFFS, `${name}-before-actual.png`), bytes);
    writeFileSync(join(DIFFS, `${name}-before-diff.png`), PNG.sync.write(diff));
  }
  assert.ok(share <= maxShare, `${name}: ${n} pixels (${(share * 100).toFixed(3)}%) differ from before the rewrite`);
}

/** Compares `bytes` with the snapshot `file`, or writes it; a failure leaves the image and a diff. */
function compare(name, file, bytes, threshold, maxShare) {
  if (update || (!existsSync(file) && process.env.CI !== 'true')) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, bytes);
    return;
  }
  assert.ok(existsSync(file), `no snapshot ${file}: run with UPDATE_SNAPSHOTS=1 and look at it`);
  const want = PNG.sync.read(readFileSync(file));
  const got = PNG.sync.read(bytes);
  assert.deepEqual([got.width, got.height], [want.width, want.height], `${name}: size`);
  const diff = new PNG({ width: want.width, height: want.height });
  const changed = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold });
  const share = changed / (want.width * want.height);
  if (share > maxShare) {
    mkdirSync(DIFFS, { recursive: true });
    writeFileSync(join(DIFFS, `${name}-actual.png`), bytes);
    writeFileSync(join(DIFFS, `${name}-diff.png`), PNG.sync.write(diff));
  }
  assert.ok(
    share <= maxShare,
    `${name}: ${changed} pixels (${(share * 100).toFixed(3)}%) differ; see test-output/image-diffs/${name}-diff.png`,
  );
}

describe('fixture PNGs match their committed image snapshots', () => {
  test('there is a fixture for every widget', () => assert.ok(cases.length >= 15, `${cases.length} cases`));

  for (const [name, path] of cases)
    test(`${name}: ${path}`, async () => {
      const res = await fetch(svc.origin + path);
      assert.equal(res.status, 200, path);
      const bytes = Buffer.from(await res.arrayBuffer());
      compare(name, join(SNAPSHOTS, `${name}.png`), bytes, PIXEL_THRESHOLD, MAX_DIFF_SHARE);
      if (BEFORE_KEPT.has(name)) compareBefore(name, join(BEFORE, `${name}.png`), bytes, beforeShare(name));
    });
});

describe('fixture SVGs, drawn by Chromium, match their committed snapshots', () => {
  for (const [name, path] of cases)
    test(`${name}: ${path.replace('.png?', '.svg?')}`, async () => {
      const src = svc.origin + path.replace('.png?', '.svg?');
      const page = await browser.newPage({ viewport: { width: 1300, height: 1200 }, deviceScaleFactor: 1 });
      try {
        await page.setContent(`<!doctype html><body style="margin:0;background:#777"><img id="c" src="${src}"></body>`);
        await page.waitForFunction(() => {
          const img = globalThis.document.getElementById('c');
          return img.complete && img.naturalWidth > 0;
        });
        const shot = await page.locator('#c').screenshot();
        compare(
          `chromium-${name}`,
          join(SNAPSHOTS, 'chromium', `${name}.png`),
          shot,
          BROWSER_THRESHOLD,
          BROWSER_MAX_DIFF_SHARE,
        );
        if (BEFORE_KEPT.has(name))
          compareBefore(`chromium-${name}`, join(BEFORE, 'chromium', `${name}.png`), shot, beforeShare(name));
      } finally {
        await page.close();
      }
    });
});

// Same glyphs everywhere: a card's text is drawn from its own outlines (<defs> + <use>), so the SVG
// opened directly (under its own CSP, which blocks fonts) looks exactly like the same SVG in an
// <img>, and librsvg (rsvg-convert, the renderer of GNOME and many CMS thumbnailers) draws what
// resvg draws for the PNG. None of them needs a font.
describe('the same glyphs in every viewer', () => {
  const execFileP = promisify(execFile);
  for (const [name, path] of cases) {
    const svgPath = path.replace('.png?', '.svg?');
    test(`${name}: opened directly in Chromium = in an <img>`, async () => {
      const src = svc.origin + svgPath;
      const page = await browser.newPage({ viewport: { width: 1300, height: 1200 }, deviceScaleFactor: 1 });
      try {
        await page.setContent(`<!doctype html><body style="margin:0;background:#fff"><img id="c" src="${src}"></body>`);
        await page.waitForFunction(() => globalThis.document.getElementById('c')?.complete);
        const box = await page.locator('#c').boundingBox();
        const inImg = await page.screenshot({ clip: box });
        const res = await page.goto(src);
        assert.match(res.headers()['content-security-policy'] ?? '', /default-src 'none'/);
        const direct = await page.screenshot({ clip: box });
        const a = PNG.sync.read(inImg);
        const b = PNG.sync.read(direct);
        const changed = pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: BROWSER_THRESHOLD });
        if (changed > 0) {
          mkdirSync(DIFFS, { recursive: true });
          writeFileSync(join(DIFFS, `${name}-direct.png`), direct);
        }
        assert.ok(changed / (a.width * a.height) <= MAX_DIFF_SHARE, `${name}: ${changed} pixels differ`);
      } finally {
        await page.close();
      }
    });
    test(`${name}: librsvg draws what resvg draws`, async () => {
      const [svgRes, pngRes] = await Promise.all([fetch(svc.origin + svgPath), fetch(svc.origin + path)]);
      assert.equal(svgRes.status, 200);
      assert.equal(pngRes.status, 200);
      const svg = Buffer.from(await svgRes.arrayBuffer());
      const resvg = PNG.sync.read(Buffer.from(await pngRes.arrayBuffer()));
      const file = join(tmpdir(), `border-stats-${process.pid}-${name}.svg`);
      writeFileSync(file, svg);
      const { stdout } = await execFileP('rsvg-convert', ['--format=png', '--width', String(resvg.width), file], {
        encoding: 'buffer',
      });
      rmSync(file);
      const librsvg = PNG.sync.read(stdout);
      assert.deepEqual([librsvg.width, librsvg.height], [resvg.width, resvg.height], `${name}: size`);
      const { n, diff } = unmatched(resvg, librsvg);
      const share = n / (resvg.width * resvg.height * 2);
      if (share > MAX_DIFF_SHARE) {
        mkdirSync(DIFFS, { recursive: true });
        writeFileSync(join(DIFFS, `${name}-librsvg.png`), stdout);
        writeFileSync(join(DIFFS, `${name}-librsvg-diff.png`), PNG.sync.write(diff));
      }
      assert.ok(share <= MAX_DIFF_SHARE, `${name}: ${n} pixels (${(share * 100).toFixed(3)}%) differ`);
    });
  }
});
