import { reset } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fmt } from '../src/copy';
import { attrOf, parseHtml, textOf, type Element } from './embed-html';
import { SEED, get, seed } from './helpers';

beforeEach(seed);
afterEach(reset);

const ORIGIN = 'http://example.com';

async function page(path: string) {
  const res = await get(path);
  expect(res.status).toBe(200);
  return parseHtml(await res.text());
}
const byId = (els: Element[], id: string) => els.find((e) => attrOf(e, 'id') === id);
interface Geo {
  w: number;
  top: number;
  bottom: number;
  x: number[];
}
interface ExploreJson {
  stops: [string, string, string][];
  full: Geo;
  compact?: Geo;
}
const exploreOf = (els: Element[]) => JSON.parse(textOf(byId(els, 'bs-explore')!)) as ExploreJson;

/** Evaluates a reservation (`calc(min(…%, max(…)) + 36px)`) for a container `w` px wide. */
function evalCss(css: string, w: number): number {
  const js = css
    .replace(/calc\(/g, '(')
    .replace(/min\(/g, 'Math.min(')
    .replace(/max\(/g, 'Math.max(')
    .replace(/([\d.]+)%/g, (_, n: string) => `(${n}*${w}/100)`)
    .replace(/([\d.]+)px/g, '$1');
  expect(js).toMatch(/^[-\d\s.()+*/,Mathminax]+$/);
  return new Function(`return ${js}`)() as number;
}

describe('the explore layer’s data on the embed page', () => {
  it('has one stop per plotted month, its value as the read API has it and its changes computed', async () => {
    const els = await page('/embed/sw-total/trend?months=24');
    const e = exploreOf(els);
    const pts = SEED['sw-total'].points;
    const win = pts.slice(-24);
    expect(e.stops.map((s) => s[0])).toEqual(win.map((p) => fmt.monthLong('en', p.period)));
    expect(e.stops.map((s) => Number(s[1].replace(/,/g, '')))).toEqual(win.map((p) => p.value));
    // The first month's change from the month before comes from outside the window.
    const i0 = pts.length - 24;
    const pct = (pts[i0]!.value - pts[i0 - 1]!.value) / pts[i0 - 1]!.value;
    expect(e.stops[0]![2].split(' · ')[0]).toBe(`${fmt.pct('en', pct)} vs. previous month`);
    // Left to right, inside the card, with the cursor spanning the plot.
    for (const g of [e.full, e.compact!]) {
      expect(g.x).toHaveLength(24);
      expect(g.x.every((x, i) => i === 0 || x > g.x[i - 1]!)).toBe(true);
      expect(g.x[0]).toBeGreaterThan(0);
      expect(g.x.at(-1)).toBeLessThan(g.w);
      expect(g.bottom).toBeGreaterThan(g.top);
    }
    // The table says the same numbers.
    const rows = els.filter((x) => x.tagName === 'tr' && (x.parentNode as Element).tagName === 'tbody');
    expect(rows.map((r) => textOf(r))).toEqual(e.stops.map((s) => `${s[0]}${s[1]}`));
  });

  it('reads fiscal years on a by=fy bars card, and per day on a per-day card', async () => {
    const fy = exploreOf(await page('/embed/sw-total/bars?by=fy'));
    expect(fy.stops.every((s) => /^FY\d{4}/.test(s[0]))).toBe(true);
    const day = exploreOf(await page('/embed/sw-total/trend?per=day'));
    expect(day.stops.at(-1)![1]).toMatch(/ per day$/);
  });

  it('is left out where a card has no months to step through, and the page still works', async () => {
    const els = await page('/embed/sw-total/badge');
    expect(byId(els, 'bs-explore')).toBeUndefined();
    expect(byId(els, 'bs-table')).toBeDefined();
  });

  it('keeps its script within 6 KB gzipped, and its JSON cannot end the script element', async () => {
    const els = await page('/embed/sw-total/trend');
    const js = textOf(els.find((e) => e.tagName === 'script' && !attrOf(e, 'type'))!);
    const gz = await new Response(new Blob([js]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    expect(gz.byteLength).toBeLessThanOrEqual(6 * 1024);
    expect(js).toContain("sentinel: 'amp', type: 'embed-size', height: h");
    const raw = await (await get('/embed/sw-total/trend')).text();
    const block = /<script type="application\/json" id="bs-explore">([^]*?)<\/script>/.exec(raw)![1]!;
    expect(block).not.toContain('<');
  });
});

describe('the reserved size', () => {
  it('equals the embed page’s default height (card as drawn + the 36 px bar) at every width', async () => {
    for (const [widget, q] of [
      ['trend', ''],
      ['bars', 'lang=es'],
      ['compare', ''],
      ['stat', 'theme=dark'],
      ['badge', ''],
    ] as const) {
      const els = await page(`/?mode=live&widget=${widget}&series=sw-total&${q}`);
      const script = textOf(byId(els, `sw-total-${widget}-script`)!);
      const css = /padding-top:([^"]+)"/.exec(script)![1]!;
      const card = await page(`/embed/sw-total/${widget}?${q}`);
      const img = card.find((e) => e.tagName === 'img')!;
      const source = card.find((e) => e.tagName === 'source');
      const size = (e: Element) => [Number(attrOf(e, 'width')), Number(attrOf(e, 'height'))] as const;
      const [W, H] = size(img);
      const fill = attrOf(img.parentNode as Element, 'class') === 'fill';
      for (const w of [280, 320, 360, 479, 480, 481, 640, 768, 1000, 1264]) {
        const drawn =
          source && w <= 479 ? (w * size(source)[1]) / size(source)[0] : fill ? (w * H) / W : (Math.min(w, W) * H) / W;
        expect(evalCss(css, w), `${widget}?${q} at ${w}px`).toBeCloseTo(drawn + 36, 2);
      }
    }
  });

  it('is what the oEmbed answer asks for: the card at that width plus the bar', async () => {
    const o = await (
      await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/sw-total/trend`)}&maxwidth=500`)
    ).json<{ width: number; height: number; html: string }>();
    const src = /src="([^"]+)"/.exec(o.html)![1]!.replace(/&amp;/g, '&');
    const u = new URL(src);
    const els = parseHtml(await (await get(u.pathname + u.search)).text());
    const img = els.find((e) => e.tagName === 'img')!;
    expect(Number(attrOf(img, 'width'))).toBe(o.width);
    expect(o.height).toBe(Number(attrOf(img, 'height')) + 36);
  });
});
