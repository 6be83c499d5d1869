import { env } from 'cloudflare:workers';
import { createExecutionContext, reset, waitOnExecutionContext } from 'cloudflare:test';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../src/app';
import { CardOptions, defineWidget, fmt, rect, text } from '../src/kit';
import { widgets } from '../widgets';
import { attrOf, parseHtml } from './embed-html';
import { get, seed } from './helpers';

beforeAll(seed);
afterAll(reset);

const ORIGIN = 'http://example.com';

/**
 * A widget that exists only in this test: one folder's worth of code (schema, model, view) and one
 * registry line. Its image URLs, embed page, oEmbed answer and gallery entry must come with it.
 */
const Dot = defineWidget({
  name: 'dot',
  schema: CardOptions.extend({ size: z.enum(['s', 'l']).default('s') }),
  model: ({ s, opts, lang }) => ({
    width: opts.size === 'l' ? 200 : 100,
    height: 40,
    title: `${s.title}: dot`,
    desc: `${s.title} was ${fmt.number(lang, s.facts.latest.value)} in ${fmt.monthLong(lang, s.facts.latest.period)}.`,
    table: {
      columns: ['Month', s.unit],
      rows: [{ head: s.facts.latest.period, cells: [String(s.facts.latest.value)] }],
    },
    value: fmt.number(lang, s.facts.latest.value),
  }),
  view: (m, p) => [
    rect({ x: 0, y: 0, width: m.width, height: m.height, fill: p.bg }),
    text(10, 26, m.value, 14, p.text),
  ],
});
const withDot = createApp([...widgets, Dot]);

async function call(path: string): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await withDot.fetch(new Request(`${ORIGIN}${path}`), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('a widget added to the registry gets every surface with no other change', () => {
  it('has SVG and PNG images, with its own options validated', async () => {
    const svg = await call('/v1/sw-usbp/dot.svg?size=l');
    expect(svg.status).toBe(200);
    const text = await svg.text();
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toMatch(/^<svg id="[\w-]+" width="200" height="40"/);
    expect(text).toMatch(/<title id="[\w-]+t">Border Patrol encounters, southwest border: dot<\/title>/);
    expect((await call('/v1/sw-usbp/dot.png')).headers.get('content-type')).toBe('image/png');
    expect((await call('/v1/sw-usbp/dot.svg?size=xl')).status).toBe(400);
    // The app the Worker serves does not know it.
    expect((await get('/v1/sw-usbp/dot.svg')).status).toBe(404);
  });

  it('has an embed page carrying its title, description and table', async () => {
    const res = await call('/embed/sw-usbp/dot?lang=es');
    expect(res.status).toBe(200);
    const els = parseHtml(await res.text());
    expect(
      attrOf(
        els.find((e) => e.tagName === 'img')!,
        'src',
      ),
    ).toBe('/v1/sw-usbp/dot.svg?lang=es');
    expect(els.find((e) => e.tagName === 'title')!.childNodes[0]).toMatchObject({
      value: 'Encuentros de la Patrulla Fronteriza, frontera suroeste: dot',
    });
    expect(els.filter((e) => e.tagName === 'td')).toHaveLength(1);
  });

  it('answers oEmbed for its URLs', async () => {
    const res = await call(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/sw-usbp/dot`)}`);
    expect(res.status).toBe(200);
    const o = (await res.json()) as Record<string, unknown>;
    expect(o.title).toBe('Border Patrol encounters, southwest border: dot');
    expect(o.html).toContain('/embed/sw-usbp/dot');
  });

  it('appears in the gallery, and the gallery can show it alone', async () => {
    const all = await (await call('/')).text();
    expect(all).toContain('/v1/sw-usbp/dot.svg');
    const only = await call('/?widget=dot&series=sw-ofo');
    expect(only.status).toBe(200);
    const imgs = parseHtml(await only.text()).filter((e) => e.tagName === 'img');
    expect(imgs.map((i) => attrOf(i, 'src'))).toEqual(['/v1/sw-ofo/dot.svg']);
  });
});

/**
 * The same input is classified the same way wherever it arrives: the card image, the embed page,
 * and oEmbed given the embed page's URL. Each answers in its own form: an error card, an HTML page,
 * oEmbed's bare status.
 */
describe('one classification of bad input on every surface', () => {
  const CASES: Array<[string, string, string, string, number]> = [
    ['a malformed series id', 'SW_TOTAL', 'trend', '', 400],
    ['an unknown series', 'no-such-series', 'trend', '', 404],
    ['an unknown widget', 'sw-total', 'nope', '', 404],
    ['a bad option', 'sw-total', 'trend', '?months=1', 400],
    ['a parameter given twice', 'sw-total', 'trend', '?theme=dark&theme=light', 400],
    ['a version that does not exist', 'sw-total', 'trend', '?v=000999-0123456789ab', 404],
    ['a malformed version', 'sw-total', 'trend', '?v=latest', 400],
    ['as_of before the data', 'sw-total', 'trend', '?as_of=2001-01', 404],
    ['an empty value, which is an absent option', 'sw-total', 'trend', '?as_of=&theme=', 200],
  ];
  for (const [what, series, widget, q, status] of CASES)
    it(`answers ${what} with ${status} on /v1, /embed and /oembed`, async () => {
      const image = await get(`/v1/${series}/${widget}.svg${q}`);
      expect(image.status, '/v1').toBe(status);
      expect(image.headers.get('content-type'), '/v1').toMatch(/^image\/svg\+xml/);
      expect(XMLValidator.validate(await image.text())).toBe(true);

      const page = await get(`/embed/${series}/${widget}${q}`);
      expect(page.status, '/embed').toBe(status);
      expect(page.headers.get('content-type'), '/embed').toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy'), '/embed').toContain('frame-ancestors *');

      const oembed = await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/${series}/${widget}${q}`)}`);
      expect(oembed.status, '/oembed').toBe(status);
      if (status !== 200) expect(await oembed.text(), '/oembed').toBe('');
    });
});
