import { reset } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fmt } from '../src/copy';
import { attrOf, parseHtml, textOf, type Element } from './embed-html';
import { SEED, get, seed } from './helpers';

beforeEach(seed);
afterEach(reset);

async function sha256(text: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...d));
}
const svgText = (svg: string, tag: 'title' | 'desc') =>
  new RegExp(`<${tag} id="[\\w-]+">([^<]*)</${tag}>`)
    .exec(svg)![1]!
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');

describe('the embed page /embed/{series}/{widget}', () => {
  it('shows the card as an <img> of the SVG with the same options, named by the card’s own <title> and <desc>', async () => {
    const res = await get('/embed/sw-usbp/trend?theme=dark&lang=es&months=24&id=frame-7&utm_source=x');
    expect(res.status).toBe(200);
    const els = parseHtml(await res.text());
    const img = els.find((e) => e.tagName === 'img')!;
    expect(attrOf(img, 'src')).toBe('/v1/sw-usbp/trend.svg?theme=dark&lang=es&months=24');
    const svg = await (await get(attrOf(img, 'src')!)).text();
    expect(attrOf(img, 'alt')).toBe(svgText(svg, 'title'));
    const desc = els.find((e) => attrOf(e, 'id') === attrOf(img, 'aria-describedby'))!;
    expect(textOf(desc)).toBe(svgText(svg, 'desc'));
    expect(els.find((e) => e.tagName === 'html')!.attrs).toContainEqual({ name: 'lang', value: 'es' });
  });

  it('carries a visually hidden table of exactly the plotted months with their values', async () => {
    const months = 24;
    const els = parseHtml(await (await get(`/embed/sw-usbp/trend?months=${months}`)).text());
    const table = els.find((e) => e.tagName === 'table')!;
    // Hidden until the reader picks the Table view (the page's script shows the switch).
    expect(attrOf(table.parentNode as Element, 'class')).toBe('tablev sr-only');
    const rows = els.filter((e) => e.tagName === 'tr' && e.parentNode && (e.parentNode as Element).tagName === 'tbody');
    const expected = SEED['sw-usbp'].points.slice(-months);
    expect(rows.map((r) => textOf(r))).toEqual(
      expected.map((p) => `${fmt.monthLong('en', p.period)}${fmt.number('en', p.value)}`),
    );
  });

  it('cuts the table and the as-of line at as_of', async () => {
    const els = parseHtml(await (await get('/embed/sw-total/trend?as_of=2024-01&months=12')).text());
    const rows = els.filter((e) => e.tagName === 'tr' && (e.parentNode as Element).tagName === 'tbody');
    expect(rows).toHaveLength(12);
    expect(textOf(rows.at(-1)!)).toContain('January 2024');
    const meta = els.find((e) => attrOf(e, 'class') === 'meta')!;
    expect(textOf(meta)).toContain('Data as of January 2024');
  });

  it('names the source with its release, the as-of month and links to the CSV data', async () => {
    const s = SEED['sw-ofo'];
    const els = parseHtml(await (await get('/embed/sw-ofo/trend')).text());
    const meta = textOf(els.find((e) => attrOf(e, 'class') === 'meta')!);
    expect(meta).toContain(`${s.source.name}, ${s.source.release}.`);
    expect(meta).toContain(`Data as of ${fmt.monthLong('en', s.points.at(-1)!.period)}`);
    const csv = els.find((e) => e.tagName === 'a' && textOf(e).startsWith('Get the data'))!;
    expect(attrOf(csv, 'href')).toBe('http://example.com/api/v1/series/sw-ofo.csv');
    expect(els.find((e) => e.tagName === 'a' && attrOf(e, 'href') === s.source.url)).toBeDefined();
  });

  it('is embeddable anywhere: CSP frame-ancestors *, no X-Frame-Options, and hashes instead of unsafe-inline', async () => {
    const res = await get('/embed/sw-total/trend');
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const els = parseHtml(await res.text());
    const script = els.find((e) => e.tagName === 'script' && !attrOf(e, 'type'))!;
    const style = els.find((e) => e.tagName === 'style')!;
    expect(csp).toContain(`script-src 'sha256-${await sha256(textOf(script))}'`);
    expect(csp).toContain(`style-src 'sha256-${await sha256(textOf(style))}'`);
  });

  it('loads nothing from anywhere else: no external scripts, styles or fonts, only our own card image', async () => {
    const els = parseHtml(await (await get('/embed/sw-total/trend')).text());
    expect(els.filter((e) => e.tagName === 'script' && attrOf(e, 'src'))).toEqual([]);
    expect(els.filter((e) => e.tagName === 'link' && attrOf(e, 'rel') === 'stylesheet')).toEqual([]);
    const style = textOf(els.find((e) => e.tagName === 'style')!);
    expect(style).not.toMatch(/@import|@font-face|url\(/);
    expect(style).toMatch(/html,body\{margin:0;padding:0;overflow:hidden/);
    for (const e of els.filter((x) => x.tagName === 'img' || x.tagName === 'source')) {
      expect(attrOf(e, 'src') ?? attrOf(e, 'srcset')).toMatch(/^\/v1\/sw-total\/trend\.svg/);
    }
  });

  it('reports its height by ResizeObserver in our, WordPress’s and Datawrapper’s message shapes, without polling or storage', async () => {
    const els = parseHtml(await (await get('/embed/sw-total/trend')).text());
    const js = textOf(els.find((e) => e.tagName === 'script' && !attrOf(e, 'type'))!);
    expect(js).toContain("type: 'border-stats:height', height: h, id: id");
    expect(js).toContain("secret: secret, message: 'height', value: h");
    expect(js).toContain("'datawrapper-height'");
    expect(js).toContain('new ResizeObserver');
    expect(js).toContain("'border-stats:theme'");
    expect(js).not.toMatch(
      /setInterval|setTimeout|localStorage|sessionStorage|document\.cookie|fetch\(|XMLHttpRequest/,
    );
  });

  it('answers a bad option with a 400 HTML page and an unknown series or widget with a 404 HTML page', async () => {
    for (const [path, status] of [
      ['/embed/sw-total/trend?months=2', 400],
      ['/embed/sw-total/trend?theme=purple', 400],
      ['/embed/sw-total/trend?as_of=2026-13', 400],
      ['/embed/no-such/trend', 404],
      ['/embed/sw-total/no-such-widget', 404],
      ['/embed/sw-total/trend?as_of=1999-01', 404],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      parseHtml(await res.text());
    }
  });

  it('offers a compact card to narrow frames unless the caller fixed the width', async () => {
    const free = parseHtml(await (await get('/embed/sw-total/trend')).text());
    const source = free.find((e) => e.tagName === 'source')!;
    expect(attrOf(source, 'media')).toBe('(max-width: 479px)');
    expect(attrOf(source, 'srcset')).toBe('/v1/sw-total/trend.svg?width=360');
    const fixed = parseHtml(await (await get('/embed/sw-total/trend?width=800')).text());
    expect(fixed.find((e) => e.tagName === 'source')).toBeUndefined();
    expect(
      attrOf(
        fixed.find((e) => e.tagName === 'img'),
        'width',
      ),
    ).toBe('800');
  });
});
