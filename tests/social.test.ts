import { reset } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { attrOf, metaMap, parseHtml } from './embed-html';
import { get, registry, seed } from './helpers';

beforeEach(seed);
afterEach(reset);

const ORIGIN = 'http://example.com';

describe('social previews and oEmbed discovery on embed pages', () => {
  it('carries Open Graph and Twitter Card tags whose image is the absolute 1200×630 PNG', async () => {
    const els = parseHtml(
      await (await get('/embed/sw-usbp/trend?theme=dark&lang=es&months=24&width=500&id=f1')).text(),
    );
    const m = metaMap(els);
    const title = els.find((e) => e.tagName === 'title')!;
    const img = els.find((e) => e.tagName === 'img')!;
    expect(m['og:title']).toBe((title.childNodes[0] as { value: string }).value);
    expect(m['og:title']).toBe(attrOf(img, 'alt'));
    expect(m['og:description']).toMatch(
      /^Encuentros de la Patrulla Fronteriza, frontera suroeste: [\d,]+ \(agosto de 2026\)/,
    );
    expect(m['og:type']).toBe('website');
    expect(m['og:url']).toBe(`${ORIGIN}/embed/sw-usbp/trend?theme=dark&lang=es&months=24&width=500`);
    const shareWidget = registry.get('social') ? 'social' : 'trend';
    expect(m['og:image']).toMatch(new RegExp(`^${ORIGIN}/v1/sw-usbp/${shareWidget}\\.png\\?`));
    const image = new URL(m['og:image']!);
    expect(image.searchParams.get('size')).toBe('og');
    expect(image.searchParams.get('theme')).toBe('dark');
    expect(image.searchParams.get('lang')).toBe('es');
    expect(image.searchParams.has('width')).toBe(false);
    expect(m['og:image:width']).toBe('1200');
    expect(m['og:image:height']).toBe('630');
    expect(m['og:image:alt']).toBe(m['og:description']);
    expect(m['twitter:card']).toBe('summary_large_image');
    expect(m['twitter:title']).toBe(m['og:title']);
    expect(m['twitter:description']).toBe(m['og:description']);
    expect(m['twitter:image']).toBe(m['og:image']);
    const png = await get(image.pathname + image.search);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
  });

  it('announces its oEmbed JSON and XML as <link rel=alternate> and as an HTTP Link header that both work', async () => {
    const res = await get('/embed/sw-total/trend?months=60&id=abc');
    const els = parseHtml(await res.text());
    const links = els.filter((e) => e.tagName === 'link' && attrOf(e, 'rel') === 'alternate');
    expect(links.map((l) => attrOf(l, 'type'))).toEqual(['application/json+oembed', 'text/xml+oembed']);
    const header = res.headers.get('link')!;
    for (const l of links) {
      const href = attrOf(l, 'href')!;
      expect(attrOf(l, 'title')).toBe(metaMap(els)['og:title']);
      expect(header).toContain(`<${href}>; rel="alternate"; type="${attrOf(l, 'type')}"`);
      const u = new URL(href);
      expect(u.searchParams.get('url')).toBe(`${ORIGIN}/embed/sw-total/trend?months=60`);
      const o = await get(u.pathname + u.search);
      expect(o.status).toBe(200);
      expect(o.headers.get('content-type')).toMatch(
        u.searchParams.get('format') === 'xml' ? /^text\/xml/ : /^application\/json/,
      );
    }
  });
});
