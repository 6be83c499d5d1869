// Image snapshots: every fixture option set of every widget, as the PNG the service serves, compared
// pixel by pixel with the committed image in tests/__image_snapshots__. A comparison that fails
// writes the new image and a diff image (changed pixels in red) under test-output/image-diffs/.
// UPDATE_SNAPSHOTS=1 (or a missing snapshot outside CI) writes the snapshot instead; look at it
// before committing it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { startService } from './lib/service.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SNAPSHOTS = join(root, 'tests', '__image_snapshots__');
const DIFFS = join(root, 'test-output', 'image-diffs');
const PORTS = { service: 8813, inspector: 8817 };
/** Per-pixel colour distance (pixelmatch's YIQ threshold) and the share of pixels that may differ. */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFF_SHARE = 0.001;
const update = process.env.UPDATE_SNAPSHOTS === '1';

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
before(async () => (svc = await startService({ port: PORTS.service, inspectorPort: PORTS.inspector })), {
  timeout: 180_000,
});
after(async () => await svc?.stop());

describe('fixture PNGs match their committed image snapshots', () => {
  test('there is a fixture for every widget', () => assert.ok(cases.length >= 15, `${cases.length} cases`));

  for (const [name, path] of cases)
    test(`${name}: ${path}`, async () => {
      const res = await fetch(svc.origin + path);
      assert.equal(res.status, 200, path);
      const bytes = Buffer.from(await res.arrayBuffer());
      const file = join(SNAPSHOTS, `${name}.png`);
      if (update || (!existsSync(file) && process.env.CI !== 'true')) {
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(file, bytes);
        return;
      }
      assert.ok(existsSync(file), `no snapshot ${file}: run with UPDATE_SNAPSHOTS=1 and look at it`);
      const want = PNG.sync.read(readFileSync(file));
      const got = PNG.sync.read(bytes);
      assert.deepEqual([got.width, got.height], [want.width, want.height], `${name}: size`);
      const diff = new PNG({ width: want.width, height: want.height });
      const changed = pixelmatch(want.data, got.data, diff.data, want.width, want.height, {
        threshold: PIXEL_THRESHOLD,
      });
      const share = changed / (want.width * want.height);
      if (share > MAX_DIFF_SHARE) {
        mkdirSync(DIFFS, { recursive: true });
        writeFileSync(join(DIFFS, `${name}-actual.png`), bytes);
        writeFileSync(join(DIFFS, `${name}-diff.png`), PNG.sync.write(diff));
      }
      assert.ok(
        share <= MAX_DIFF_SHARE,
        `${name}: ${changed} pixels (${(share * 100).toFixed(3)}%) differ; see test-output/image-diffs/${name}-diff.png`,
      );
    });
});
