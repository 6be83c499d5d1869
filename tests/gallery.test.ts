import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSeries } from '../src/writer/client';

import { attrOf, parseHtml, textOf, type Element } from './embed-html';
import { SEED, get, plainWidgets, registry, seed } from './helpers';

beforeEach(seed);
afterEach(reset);

const ORIGIN = 'http://example.com';
const byId = (els: Element[], id: string) => els.find((e) => attrOf(e, 'id') === id);
const code = (els: Element[], id: string) => textOf(byId(els, id)!);

describe('the gallery /', () => {
  it('previews every stored series with every registered widget, read from KV and the widget registry', async () => {
    await writeSeries(env, { ...SEED['sw-ofo'], id: 'test-extra', title: 'An extra series' });
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const els = parseHtml(await res.text());
    const ids = [...Object.keys(SEED), 'test-extra'];
    for (const s of ids) {
      for (const w of plainWidgets) {
        const card = byId(els, `${s}-${w}`);
        expect(card, `${s}/${w}`).toBeDefined();
        const img = els.find((e) => e.tagName === 'img' && attrOf(e, 'src')?.startsWith(`/v1/${s}/${w}.svg`));
        expect(attrOf(img, 'alt'), `${s}/${w}`).toMatch(/\w{10,}/);
      }
    }
    expect(els.filter((e) => e.tagName === 'h2').map(textOf)).toContain('An extra series');
    // A breakdown widget has an entry for every series too: its preview, or why there is none.
    for (const s of ids)
      for (const w of registry.names.filter((n) => !plainWidgets.includes(n))) {
        const card = byId(els, `${s}-${w}`);
        expect(card, `${s}/${w}`).toBeDefined();
        expect(textOf(card!), `${s}/${w}`).toMatch(/has no "[a-z]+" breakdown/);
      }
  });

  it('is readable and accessible without JavaScript: lang, one h1, main, labelled controls, unique ids', async () => {
    const els = parseHtml(await (await get('/')).text());
    expect(
      attrOf(
        els.find((e) => e.tagName === 'html'),
        'lang',
      ),
    ).toBe('en');
    expect(els.filter((e) => e.tagName === 'h1')).toHaveLength(1);
    expect(els.filter((e) => e.tagName === 'main')).toHaveLength(1);
    const ids = els.map((e) => attrOf(e, 'id')).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    const controls = els.filter((e) => ['select', 'input', 'textarea'].includes(e.tagName));
    expect(controls.length).toBeGreaterThan(5);
    for (const c of controls) {
      const label = els.find((e) => e.tagName === 'label' && attrOf(e, 'for') === attrOf(c, 'id'));
      expect(textOf(label!).trim(), attrOf(c, 'id')).not.toBe('');
    }
    const form = els.find((e) => e.tagName === 'form')!;
    expect(attrOf(form, 'method')).toBe('get');
    expect(controls.map((c) => attrOf(c, 'name')).filter(Boolean)).toEqual(
      expect.arrayContaining(['theme', 'lang', 'months', 'as_of']),
    );
    expect(els.filter((e) => e.tagName === 'img').every((i) => (attrOf(i, 'alt') ?? '') !== '')).toBe(true);
  });

  it('gives copy-ready code for the iframe, script, AMP, picture, PNG and oEmbed URL ways', async () => {
    const els = parseHtml(await (await get('/?theme=auto&lang=es&months=24&mode=live')).text());
    const id = 'sw-usbp-trend';
    const q = 'theme=auto&amp;lang=es&amp;months=24';
    expect(code(els, `${id}-iframe`)).toMatch(
      new RegExp(`^<iframe src="${ORIGIN}/embed/sw-usbp/trend\\?${q}" title="[^"]+"[^>]* loading="lazy"`),
    );
    // The placeholder reserves the embed page's default height: the card as the page draws it at
    // the frame's width (compact below 480 px), plus the 36 px bar; read off the page itself.
    const pageEls = parseHtml(await (await get('/embed/sw-usbp/trend?theme=auto&lang=es&months=24')).text());
    const size = (tag: string) => {
      const e = pageEls.find((x) => x.tagName === tag)!;
      return [Number(attrOf(e, 'width')), Number(attrOf(e, 'height'))] as const;
    };
    const [w, h] = size('img');
    const [cw, ch] = size('source');
    const n = (x: number, d: number) => +x.toFixed(d);
    const reserve = `calc(min(${n((ch / cw) * 100, 4)}%, max(${n((h / w) * 100, 4)}%, ${n((ch / cw) * 479, 3)}px - (100% - 479px) * 100000)) + 36px)`;
    const script = code(els, `${id}-script`);
    expect(script).toMatch(
      new RegExp(
        `^<div data-border-stats="sw-usbp/trend" data-theme="auto" data-lang="es" data-months="24" style="position:relative;padding-top:([^"]+)"><noscript><img src="${ORIGIN}/v1/sw-usbp/trend\\.svg\\?theme=light&amp;lang=es&amp;months=24" alt="[^"]{20,}" width="${w}" height="${h}" style="position:absolute;top:0;left:0;width:100%;height:auto"></noscript></div>\n<script async src="${ORIGIN}/embed\\.js"></script>$`,
      ),
    );
    expect(/padding-top:([^"]+)"/.exec(script)![1]).toBe(reserve);
    // AMP: an amp-iframe of the same page, resizable, with its overflow element and a placeholder image.
    const amp = code(els, `${id}-amp`);
    expect(amp).toMatch(
      new RegExp(
        `^<amp-iframe src="${ORIGIN}/embed/sw-usbp/trend\\?${q}" title="[^"]+" width="${w}" height="${h + 36}" layout="responsive" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" frameborder="0" resizable>`,
      ),
    );
    expect(amp).toContain('<div overflow tabindex="0" role="button" aria-label="Show the whole chart">');
    expect(amp).toMatch(
      /<amp-img placeholder layout="fill" src="[^"]+trend\.svg\?theme=light&amp;[^"]+" alt="[^"]{20,}"><\/amp-img>/,
    );
    expect(amp).toMatch(/<\/amp-iframe>$/);
    const picture = code(els, `${id}-picture`);
    expect(picture).toContain(
      `<source media="(prefers-color-scheme: dark)" srcset="${ORIGIN}/v1/sw-usbp/trend.svg?theme=dark&amp;lang=es&amp;months=24">`,
    );
    expect(picture).toMatch(/<img src="[^"]+trend\.svg\?theme=light&amp;lang=es&amp;months=24" alt="[^"]{20,}"/);
    expect(code(els, `${id}-png`)).toMatch(
      /^<img src="[^"]+\/v1\/sw-usbp\/trend\.png\?theme=light&amp;[^"]*" alt="[^"]{20,}"/,
    );
    const url = code(els, `${id}-url`);
    expect(url).toBe(`${ORIGIN}/embed/sw-usbp/trend?theme=auto&lang=es&months=24`);
    const o = await get(`/oembed?url=${encodeURIComponent(url)}`);
    expect(o.status).toBe(200);
  });

  it('offers "as published" code by default: every URL in it pinned with v= to the version shown, og:image too', async () => {
    const version = (await (await get('/api/v1/series/sw-usbp')).json<{ version: string }>()).version;
    expect(version).toMatch(/^\d{6}-[0-9a-f]{12}$/);
    const els = parseHtml(await (await get('/?months=24')).text());
    const id = 'sw-usbp-trend';
    const v = `v=${version}`;
    expect(code(els, `${id}-iframe`)).toContain(`/embed/sw-usbp/trend?months=24&amp;${v}"`);
    expect(code(els, `${id}-script`)).toContain(`data-months="24" data-v="${version}"`);
    const picture = code(els, `${id}-picture`);
    expect(picture.match(/\.svg\?[^"]*/g)).toHaveLength(2);
    for (const u of picture.match(/\.svg\?[^"]*/g)!) expect(u).toContain(v);
    expect(code(els, `${id}-png`)).toContain(v);
    const url = code(els, `${id}-url`);
    expect(url).toBe(`${ORIGIN}/embed/sw-usbp/trend?months=24&${v}`);
    expect(textOf(els.find((e) => e.tagName === 'summary')!)).toContain(`pinned to version`);
    // oEmbed keeps the URL's mode: the pinned URL gets pinned HTML and a pinned share image.
    const o = await (
      await get(`/oembed?url=${encodeURIComponent(url)}`)
    ).json<{ html: string; thumbnail_url: string }>();
    expect(o.html).toContain(v);
    expect(o.thumbnail_url).toContain(v);
    const live = await (
      await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/sw-usbp/trend?months=24`)}`)
    ).json<{ html: string; thumbnail_url: string }>();
    expect(live.html).not.toContain('v=');
    expect(live.thumbnail_url).not.toContain('v=');
    // The pinned embed page pins its og:image as well.
    const page = parseHtml(await (await get(`/embed/sw-usbp/trend?months=24&${v}`)).text());
    const og = page.find((e) => e.tagName === 'meta' && attrOf(e, 'property') === 'og:image');
    expect(attrOf(og, 'content')).toContain(v);
    expect((await get('/?mode=archived')).status).toBe(400);
  });

  it('previews headline series and lists deeper breakdowns as links, so the page stays light', async () => {
    const usbp = SEED['sw-usbp'];
    await writeSeries(env, {
      ...usbp,
      id: 'sw-usbp-cit-mexico',
      title: 'Border Patrol encounters of Mexican citizens',
      parent: 'sw-usbp',
      dimension: 'cit',
      member: 'Mexico',
    });
    const els = parseHtml(await (await get('/?theme=dark')).text());
    expect(byId(els, 'sw-usbp-cit-mexico-trend')).toBeUndefined();
    expect(byId(els, 'sw-usbp-trend')).toBeDefined();
    const link = els.find((e) => e.tagName === 'a' && textOf(e) === 'Mexico')!;
    expect(attrOf(link, 'href')).toBe('/?theme=dark&series=sw-usbp-cit-mexico');
    expect(els.filter((e) => e.tagName === 'h3').map(textOf)).toContain(`${usbp.title} by citizenship`);
    const one = parseHtml(await (await get(attrOf(link, 'href')!)).text());
    expect(byId(one, 'sw-usbp-cit-mexico-trend')).toBeDefined();
  });

  it('applies the form’s options to the previews, ignores blank fields and filters by series', async () => {
    const els = parseHtml(
      await (await get('/?series=sw-ofo&theme=dark&lang=es&months=12&as_of=2025-06&widget=')).text(),
    );
    const imgs = els.filter((e) => e.tagName === 'img');
    expect(imgs.length).toBe(plainWidgets.length);
    for (const i of imgs)
      expect(attrOf(i, 'src')).toMatch(/^\/v1\/sw-ofo\/[a-z-]+\.svg\?theme=dark&lang=es&months=12&as_of=2025-06$/);
    const selected = els.filter((e) => e.tagName === 'option' && e.attrs.some((a) => a.name === 'selected'));
    expect(selected.map((o) => attrOf(o, 'value'))).toEqual(['sw-ofo', '', 'dark', 'es', '12', 'published']);
    expect(attrOf(byId(els, 'f-as_of'), 'value')).toBe('2025-06');
    expect((await get('/?as_of=')).status).toBe(200);
  });

  it('answers a bad option with a 400 page', async () => {
    for (const q of ['months=2', 'theme=neon', 'as_of=2025-6', 'series=Bad_Id', 'widget=nope']) {
      const res = await get(`/?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
  });

  it('advertises a working oEmbed discovery link for its featured card', async () => {
    const els = parseHtml(await (await get('/?series=sw-usbp')).text());
    const link = els.find((e) => e.tagName === 'link' && attrOf(e, 'type') === 'application/json+oembed')!;
    const u = new URL(attrOf(link, 'href')!);
    expect(new URL(u.searchParams.get('url')!).searchParams.get('series')).toBe('sw-usbp');
    expect((await get(u.pathname + u.search)).status).toBe(200);
  });
});
