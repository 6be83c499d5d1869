import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attrOf, parseHtml } from './embed-html';
import { SEED, get, seed } from './helpers';

beforeEach(seed);
afterEach(() => {
  vi.restoreAllMocks();
  return reset();
});

const ORIGIN = 'http://example.com';
type OEmbed = Record<string, string | number>;
const oembed = (url: string, extra = '') => get(`/oembed?url=${encodeURIComponent(url)}${extra}`);
async function json(url: string, extra = ''): Promise<OEmbed> {
  const res = await oembed(url, extra);
  expect(res.status, url).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return res.json();
}
/** The iframe inside `html`, parsed; the html must be exactly one bare iframe. */
function iframeOf(html: string) {
  const els = parseHtml(`<!doctype html><html lang="en"><title>t</title><body>${html}</body></html>`);
  const body = els.find((e) => e.tagName === 'body')!;
  expect(body.childNodes.map((n) => n.nodeName)).toEqual(['iframe']);
  return els.find((e) => e.tagName === 'iframe')!;
}
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Uint8Array) => {
  const v = new DataView(b.buffer, b.byteOffset);
  return [v.getUint32(16), v.getUint32(20)];
};

describe('the oEmbed provider /oembed', () => {
  it('describes an embed page URL as a rich oEmbed 1.0 response whose html is a bare titled iframe', async () => {
    const o = await json(`${ORIGIN}/embed/sw-usbp/trend?theme=dark&lang=es&id=x`);
    expect(o).toMatchObject({
      type: 'rich',
      version: '1.0',
      provider_name: env.SERVICE_NAME,
      provider_url: `${ORIGIN}/`,
      author_name: SEED['sw-usbp'].source.name,
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    expect(o.cache_age).toBeGreaterThan(0);
    const frame = iframeOf(String(o.html));
    expect(attrOf(frame, 'src')).toBe(`${ORIGIN}/embed/sw-usbp/trend?theme=dark&lang=es`);
    expect(attrOf(frame, 'title')).toBe(o.title);
    expect(attrOf(frame, 'width')).toBe(String(o.width));
    expect(attrOf(frame, 'height')).toBe(String(o.height));
    expect(attrOf(frame, 'frameborder')).toBe('0');
    expect(attrOf(frame, 'scrolling')).toBe('no');
    expect(String(o.html)).not.toMatch(/<script/i);
    // The title is the card's own: the embed page says the same.
    const page = await (await get('/embed/sw-usbp/trend?theme=dark&lang=es')).text();
    expect(page).toContain(`<title>${o.title}</title>`);
  });

  it('points thumbnail_url at a real 1200×630 PNG of the card', async () => {
    const o = await json(`${ORIGIN}/embed/sw-total/trend`);
    const url = new URL(String(o.thumbnail_url));
    expect(url.origin).toBe(ORIGIN);
    const res = await get(url.pathname + url.search);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual([o.thumbnail_width, o.thumbnail_height]);
  });

  it('accepts card image URLs and gallery URLs as well as embed pages', async () => {
    const embed = await json(`${ORIGIN}/embed/sw-ofo/trend?months=24`);
    for (const url of [
      `${ORIGIN}/v1/sw-ofo/trend.svg?months=24`,
      `${ORIGIN}/v1/sw-ofo/trend.png?months=24&scale=2`,
      `${ORIGIN}/?series=sw-ofo&widget=trend&months=24#sw-ofo-trend`,
      `${ORIGIN}/?series=sw-ofo&months=24`,
    ]) {
      const o = await json(url);
      expect(o.title, url).toBe(embed.title);
      expect(attrOf(iframeOf(String(o.html)), 'src'), url).toBe(`${ORIGIN}/embed/sw-ofo/trend?months=24`);
    }
  });

  it('keeps width and height within maxwidth and maxheight, drawing the compact card when narrow', async () => {
    const full = await json(`${ORIGIN}/embed/sw-total/trend`);
    expect(full.width).toBe(640);
    const wide = await json(`${ORIGIN}/embed/sw-total/trend?width=1000`);
    expect(wide.width).toBe(1000);
    for (const max of [400, 330]) {
      const o = await json(`${ORIGIN}/embed/sw-total/trend`, `&maxwidth=${max}`);
      expect(o.width).toBeLessThanOrEqual(max);
      expect(o.width).toBeGreaterThanOrEqual(320);
      expect(attrOf(iframeOf(String(o.html)), 'src')).toBe(`${ORIGIN}/embed/sw-total/trend?width=${o.width}`);
    }
    const tiny = await json(`${ORIGIN}/embed/sw-total/trend`, '&maxwidth=200');
    expect(tiny.width).toBeLessThanOrEqual(200);
    const short = await json(`${ORIGIN}/embed/sw-total/trend`, '&maxheight=300');
    expect(short.height).toBeLessThanOrEqual(300);
    expect(short.width).toBeLessThan(640);
    const both = await json(`${ORIGIN}/embed/sw-total/trend?width=1200`, '&maxwidth=900&maxheight=600');
    expect(both.width).toBeLessThanOrEqual(900);
    expect(both.height).toBeLessThanOrEqual(600);
  });

  it('answers format=xml with text/xml whose <oembed> root holds the same fields as the JSON', async () => {
    const url = `${ORIGIN}/embed/sw-usbp/trend?lang=es`;
    const expected = await json(url);
    const res = await oembed(url, '&format=xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"')).toBe(true);
    const doc = new XMLParser({ parseTagValue: false, processEntities: true, htmlEntities: true }).parse(xml) as {
      oembed: Record<string, string>;
    };
    expect(Object.keys(doc)).toEqual(['?xml', 'oembed']);
    expect(doc.oembed).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, String(v)])));
  });

  it('answers with a bare status: 400 without url or with a bad option, 501 for another format, 404 for URLs that are not ours or name nothing', async () => {
    expect((await get('/oembed')).status).toBe(400);
    expect((await get('/oembed?format=json')).status).toBe(400);
    expect((await oembed(`${ORIGIN}/embed/sw-total/trend`, '&format=yaml')).status).toBe(501);
    expect((await oembed(`${ORIGIN}/embed/sw-total/trend`, '&maxwidth=abc')).status).toBe(400);
    for (const url of [
      'https://elsewhere.example/embed/sw-total/trend',
      `https://example.com:8443/embed/sw-total/trend`,
      `${ORIGIN}/embed/no-such-series/trend`,
      `${ORIGIN}/embed/sw-total/no-such-widget`,
      `${ORIGIN}/embed/sw-total/trend/`,
      `${ORIGIN}/`,
      `${ORIGIN}/?series=no-such`,
      `${ORIGIN}/api/v1/series/sw-total`,
      `${ORIGIN}/v1/sw-total/trend.gif`,
      'javascript:alert(1)//example.com/embed/sw-total/trend',
      'not a url',
    ]) {
      const res = await oembed(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).toBe('');
      expect(res.headers.get('access-control-allow-origin'), url).toBe('*');
    }
    // A URL the card route would refuse as a bad request is a bad request here too.
    for (const url of [`${ORIGIN}/embed/sw-total/trend?months=1`, `${ORIGIN}/embed/sw-total/trend?theme=x&theme=y`])
      expect((await oembed(url)).status, url).toBe(400);
  });

  it('never fetches the URL it is given', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    await json(`${ORIGIN}/embed/sw-total/trend`);
    expect((await oembed('https://elsewhere.example/embed/sw-total/trend')).status).toBe(404);
    expect(spy).not.toHaveBeenCalled();
  });
});
