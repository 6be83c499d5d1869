import { reset } from 'cloudflare:test';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardBytes, cardModel } from '../src/card';
import { copy, type Lang } from '../src/copy';
import { PNG_SIZES } from '../src/limits';
import { toSvg, type Shape } from '../src/render/draw';
import { inkBox } from '../src/render/png';
import { contrast, dark, light, palette } from '../src/render/theme';

import badgeCases from '../widgets/badge/fixtures/cases.json';
import compareCases from '../widgets/compare/fixtures/cases.json';
import barsCases from '../widgets/bars/fixtures/cases.json';
import socialCases from '../widgets/social/fixtures/cases.json';
import statCases from '../widgets/stat/fixtures/cases.json';
import trendCases from '../widgets/trend/fixtures/cases.json';
import { SEED, get, registry, seed, seedCard } from './helpers';

beforeAll(seed);
afterAll(reset);

const NAMES = ['trend', 'stat', 'bars', 'badge', 'social', 'compare', 'rank', 'share', 'map'];
/** Widgets that draw the series itself; a breakdown widget (rank) needs a family: tests/rank.test.ts. */
const PLAIN = NAMES.filter((n) => !registry.get(n)!.family);
const PIN = 'as_of=2025-11'; // pinned so snapshots do not move when a new month is added
const FIXTURES = {
  trend: trendCases,
  stat: statCases,
  bars: barsCases,
  badge: badgeCases,
  social: socialCases,
  compare: compareCases,
};

/**
 * A snapshot a reviewer can read in a diff: one element per line, and the embedded font's bytes
 * (the same in every card, checked below) replaced by a marker.
 */
function pretty(svg: string): string {
  return svg.replace(/base64,[A-Za-z0-9+/=]+/g, 'base64,…').replace(/></g, '>\n<') + '\n';
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const v = new DataView(bytes.buffer, bytes.byteOffset);
  expect([...bytes.slice(12, 16)].map((c) => String.fromCharCode(c)).join('')).toBe('IHDR');
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

describe('the widget registry', () => {
  it('serves every widget, in gallery order, and finds nothing inherited', async () => {
    expect(registry.names).toEqual(NAMES);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(registry.get(name)).toBeUndefined();
    expect((await get('/v1/sw-usbp/constructor.svg')).status).toBe(404);
    expect((await get('/v1/sw-usbp/toString.svg')).status).toBe(404);
  });
});

describe('SVG snapshots of a representative set, one element per line', () => {
  const SET: Array<[string, string, string]> = [
    ['trend', 'sw-usbp', ''],
    ['trend', 'sw-usbp', 'theme=dark&lang=es'],
    ['trend', 'sw-total', 'theme=auto&width=360'],
    ['stat', 'sw-usbp', ''],
    ['bars', 'sw-usbp', 'lang=es'],
    ['bars', 'sw-ofo', 'by=monthly&theme=dark'],
    ['badge', 'sw-usbp', ''],
    ['social', 'sw-usbp', ''],
    ['compare', 'sw-total', ''],
    ['compare', 'sw-usbp', 'with=sw-ofo&theme=dark&lang=es'],
    ['rank', 'sw-total', 'by=component'],
    ['share', 'sw-total', 'by=component&theme=dark&lang=es'],
  ];
  for (const [name, series, q] of SET) {
    const label = `${name}-${series}${q ? `-${q.replace(/[=&]/g, '-')}` : ''}`;
    it(`draws ${name} for ${series}${q ? ` with ${q}` : ''} as in ${label}.svg`, async () => {
      const res = await get(`/v1/${series}/${name}.svg?${PIN}${q ? `&${q}` : ''}`);
      expect(res.status).toBe(200);
      await expect(pretty(await res.text())).toMatchFileSnapshot(`./__snapshots__/widgets/${label}.svg`);
    });
  }
});

describe('cards inlined side by side on one page', () => {
  const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  it('share no id unless they are the same card, and an auto card styles only itself', async () => {
    const svgs = await Promise.all(
      [
        '/v1/sw-usbp/trend.svg?theme=auto',
        '/v1/sw-total/trend.svg?theme=auto',
        '/v1/sw-usbp/stat.svg',
        '/v1/sw-usbp/badge.svg',
        '/v1/sw-usbp/trend.svg?as_of=2025-11',
      ].map(async (p) => (await get(p)).text()),
    );
    const seen = new Map<string, number>();
    svgs.forEach((svg, i) => {
      const own = ids(svg);
      expect(new Set(own).size, `card ${i}: duplicate id`).toBe(own.length);
      for (const id of own) {
        expect(seen.get(id), `id ${id} of card ${i} is also in card ${seen.get(id)}`).toBeUndefined();
        seen.set(id, i);
      }
      // every <use> points into its own card
      for (const m of svg.matchAll(/href="#([^"]+)"/g)) expect(own).toContain(m[1]);
    });
    const scope = /^<svg id="([^"]+)"/.exec(svgs[0]!)![1]!;
    const css = /<style>@media \(prefers-color-scheme: dark\)\{(.*)\}<\/style>/.exec(svgs[0]!)![1]!;
    for (const rule of css.split('}').filter(Boolean)) expect(rule.startsWith(`#${scope} [`), rule).toBe(true);
    // the same card twice is the same bytes, ids and all
    expect(await (await get('/v1/sw-usbp/stat.svg')).text()).toBe(svgs[2]);
  });
});

describe('every widget in every theme and language', () => {
  for (const name of PLAIN)
    for (const theme of ['light', 'dark', 'auto'] as const)
      for (const lang of ['en', 'es'] as const)
        it(`draws ${name} in ${theme} ${lang} as valid XML with role, title, desc, lang and its palette`, async () => {
          const res = await get(`/v1/sw-usbp/${name}.svg?theme=${theme}&lang=${lang}&${PIN}`);
          expect(res.status).toBe(200);
          const svg = await res.text();
          expect(XMLValidator.validate(svg)).toBe(true);
          expect(svg).toMatch(new RegExp(`^<svg [^>]*role="img"[^>]*lang="${lang}"`));
          expect(svg).toMatch(/<title id="[\w-]+t">[^<]+<\/title><desc id="[\w-]+d">[^<]+<\/desc>/);
          expect(svg).not.toContain('data:image');
          const p = theme === 'dark' ? dark : light;
          // The badge has no background of its own; every other card paints one.
          if (name !== 'badge') expect(svg).toContain(`fill="${p.bg}"`);
          expect(svg).toContain(p.accent);
          if (theme === 'auto') expect(svg).toContain(`[fill="${light.bg}"]{fill:${dark.bg}}`);
          else expect(svg).not.toContain('prefers-color-scheme');
          // A Spanish card speaks Spanish: its title is the series' Spanish title.
          const title = /<title id="[\w-]+t">([^<]+)<\/title>/.exec(svg)![1]!;
          if (lang === 'es') expect(title).toMatch(/Patrulla Fronteriza/);
          else expect(title).toMatch(/Border Patrol/);
        });

  it('draws text from glyph outlines: each glyph once in <defs>, placed with <use>; no font, no <text>', async () => {
    for (const name of PLAIN) {
      const svg = await (await get(`/v1/sw-usbp/${name}.svg?${PIN}&lang=es`)).text();
      expect(svg, name).not.toMatch(/<text|@font-face|url\(/);
      const defined = [...svg.matchAll(/<path id="(c[a-z0-9]{4}[a-zA-Z]+)" d="[^"]+"\/>/g)].map((m) => m[1]);
      const used = new Set([...svg.matchAll(/<use href="#(c[a-z0-9]{4}[a-zA-Z]+)"/g)].map((m) => m[1]));
      expect(defined.length, name).toBeGreaterThan(5);
      expect(new Set(defined).size, `${name}: a glyph defined twice`).toBe(defined.length);
      expect([...used].sort(), name).toEqual([...defined].sort());
      // The words stay text for assistive technology.
      expect(svg, name).toMatch(/<title id="[\w-]+t">[^<]{8,}<\/title><desc id="[\w-]+d">[^<]{20,}<\/desc>/);
    }
  });

  it('draws PNGs from the same outlines (resvg has no fonts), in the asked theme', async () => {
    for (const name of PLAIN) {
      const png = await cardBytes(seedCard('sw-usbp', name, { theme: 'dark' }, 'png'), 'B');
      expect(png, name).toBeInstanceOf(Uint8Array);
      expect(pngSize(png as Uint8Array).width, name).toBeGreaterThan(19);
    }
  });

  it('describes the card in one generated sentence: what, latest value, change, claim, source', async () => {
    const svg = await (await get(`/v1/sw-usbp/stat.svg?${PIN}`)).text();
    const desc = /<desc id="[\w-]+d">([^<]+)<\/desc>/.exec(svg)![1]!;
    expect(desc).toBe(
      'Border Patrol encounters, southwest border: 7,353 (November 2025); −7.9% vs. previous month; ' +
        '−84% vs. a year earlier. Lowest November in the series (since 2018). ' +
        'Encounters count events, not unique people. Source: U.S. Customs and Border Protection, Aug 2026 update.',
    );
    const es = await (await get(`/v1/sw-usbp/stat.svg?lang=es&${PIN}`)).text();
    expect(es).toMatch(
      /<desc id="[\w-]+d">Encuentros de la Patrulla Fronteriza[^<]*: 7,353 \(noviembre de 2025\)[^<]*El noviembre más bajo de la serie/,
    );
  });

  it('prints only stored words on a badge: its label is the series’ short label, and label= is ignored', async () => {
    const plain = await (await get(`/v1/sw-usbp/badge.svg?${PIN}`)).text();
    const forged = await (
      await get(`/v1/sw-usbp/badge.svg?${PIN}&label=${encodeURIComponent('Migrant deaths')}`)
    ).text();
    expect(forged).toBe(plain);
    expect(/<title id="[\w-]+t">([^<]+)<\/title>/.exec(plain)![1]).toBe(`${SEED['sw-usbp'].short}: 7,353 · Nov 2025`);
    const es = await (await get(`/v1/sw-usbp/badge.svg?${PIN}&lang=es`)).text();
    expect(/<title id="[\w-]+t">([^<]+)<\/title>/.exec(es)![1]).toBe(
      `${SEED['sw-usbp'].i18n.es.short}: 7,353 · nov 2025`,
    );
  });

  it('honours width from 320 to 1200 px', async () => {
    for (const w of [320, 479, 480, 1200]) {
      const svg = await (await get(`/v1/sw-total/trend.svg?width=${w}`)).text();
      expect(svg).toMatch(new RegExp(`^<svg id="[\\w-]+" width="${w}"`));
    }
  });
});

describe('each widget fixture renders', () => {
  for (const [name, f] of Object.entries(FIXTURES))
    for (const c of f.cases)
      it(`draws ${name} for ${c.series}?${c.query} as valid SVG of the asked width`, async () => {
        const res = await get(`/v1/${c.series}/${name}.svg?${c.query}`);
        expect(res.status).toBe(200);
        const svg = await res.text();
        expect(XMLValidator.validate(svg)).toBe(true);
        const w = Number(/^<svg id="[\w-]+" width="(\d+)"/.exec(svg)![1]);
        const asked = new URLSearchParams(c.query).get('width');
        if (asked && name !== 'badge' && name !== 'social') expect(w).toBe(Number(asked));
      });
});

describe('PNG output', () => {
  for (const name of PLAIN)
    it(`lays ${name} out on every size preset at the asked scale`, async () => {
      for (const [size, [w, h]] of Object.entries(PNG_SIZES)) {
        const scale = size === 'x' ? 2 : 1;
        const res = await get(`/v1/sw-usbp/${name}.png?size=${size}&scale=${scale}&theme=dark`);
        expect(res.status).toBe(200);
        expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: w * scale, height: h * scale });
      }
    });

  it('renders the badge 20 px tall, 60 px at scale 3', async () => {
    for (const scale of [1, 3]) {
      const res = await get(`/v1/sw-usbp/badge.png?scale=${scale}`);
      expect(pngSize(new Uint8Array(await res.arrayBuffer())).height).toBe(20 * scale);
    }
  });
});

describe('bad requests are still images', () => {
  for (const q of ['theme=blue', 'accent=red', 'lang=fr', 'as_of=2025-13', 'width=100', 'months=2', 'by=week'])
    it(`answers ${q} with a 400 error card`, async () => {
      const res = await get(`/v1/sw-usbp/bars.svg?${q}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(XMLValidator.validate(await res.text())).toBe(true);
    });

  it('answers an unknown series with a 404 error card', async () => {
    const res = await get('/v1/no-such/stat.svg');
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/^<svg /);
  });
});

describe('colour', () => {
  it('keeps text at 4.5:1 and the accent at 3:1 in both themes, adjusting a caller accent that fails', () => {
    for (const p of [light, dark, palette('light', '#ffff00'), palette('dark', '#000080')]) {
      expect(contrast(p.text, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.muted, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.marker, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.down, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.up, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.accent, p.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(p.badgeLabelText, p.badgeLabel)).toBeGreaterThanOrEqual(4.5);
      // A comparison's line colours are also its label colours: text contrast for each.
      for (const k of ['s3', 's4', 's5'] as const) expect(contrast(p[k], p.bg), k).toBeGreaterThanOrEqual(4.5);
    }
    for (const p of [light, dark]) expect(contrast(p.bg, p.accent)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps badge value text readable on a caller accent close to the page colour', async () => {
    const svg = await (await get('/v1/sw-usbp/badge.svg?accent=ffd0d0')).text();
    const p = palette('light', '#ffd0d0');
    expect(svg).toContain(`fill="${p.accent}"`);
    expect(contrast(p.bg, p.accent)).toBeLessThan(4.5);
    expect(contrast(p.text, p.accent)).toBeGreaterThanOrEqual(4.5);
    expect(svg).toContain(`fill="${p.text}"`);
  });
});

/**
 * Text fit, judged by the renderer rather than by the advance widths the models lay out with:
 * resvg draws each run of text from its glyph outlines and reports the box its ink covers. Every
 * run must lie inside the card's padding, and no two runs may touch.
 */
describe('text fits, as resvg draws it', () => {
  function runs(shapes: Shape[], dx = 0, dy = 0): Shape[] {
    return shapes.flatMap((s) => {
      if (s.kind === 'text') return [{ ...s, x: s.x + dx, y: s.y + dy }];
      if (s.kind !== 'g') return [];
      const m = /translate\(([\d.-]+) ([\d.-]+)\)/.exec(String(s.a.transform ?? ''));
      return runs(s.children, dx + Number(m?.[1] ?? 0), dy + Number(m?.[2] ?? 0));
    });
  }
  const meta = { title: 't', desc: 'd', lang: 'en', theme: 'light' as const, autoLight: light, autoDark: light };

  for (const name of ['trend', 'stat', 'bars', 'social', 'compare'])
    for (const lang of ['en', 'es'] as Lang[])
      it(`keeps every ${name} run inside the card and apart from the others, ${lang}, 320 to 1200 px and three cut-offs`, async () => {
        for (const width of name === 'social' ? [1200] : [320, 360, 479, 480, 640, 900, 1200])
          for (const as_of of ['2025-11', '2025-02', '2023-12']) {
            const card = seedCard('sw-usbp', name, { lang, width: String(width), as_of });
            const m = cardModel(card, 'Border Stats Embeds');
            const pad = m.width < 480 ? 14 : Math.round(20 * Math.min(1.6, Math.max(1, m.width / 640)) * 2) / 2;
            const boxes = [];
            for (const r of runs(card.spec.widget.view(m, light))) {
              const box = await inkBox(toSvg([r], m, meta));
              if (box) boxes.push({ ...box, text: (r as { text: string }).text });
            }
            expect(boxes.length).toBeGreaterThan(3);
            for (const b of boxes) {
              const where = `${name} ${lang} ${width}px as_of ${as_of}: "${b.text}"`;
              expect(b.x, where).toBeGreaterThanOrEqual(pad - 1);
              expect(b.x + b.width, where).toBeLessThanOrEqual(m.width - pad + 1);
              expect(b.y, where).toBeGreaterThanOrEqual(0);
              expect(b.y + b.height, where).toBeLessThanOrEqual(m.height);
            }
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const [a, b] = [boxes[i]!, boxes[j]!];
                const apart =
                  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
                expect(apart, `${name} ${lang} ${width}px ${as_of}: "${a.text}" touches "${b.text}"`).toBe(true);
              }
          }
      });
});

describe('the copy catalogue', () => {
  it('formats Spanish numbers and dates as es-US readers expect, and counts months with plural rules', () => {
    const t = copy.es;
    expect(t.locale).toBe('es-US');
    expect(new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 }).format(1234.5)).toBe('1,234.5');
    expect(t.asOf).toBe('Datos hasta');
    expect(t.fyLabel(2026, { n: 1, months: t.months.one! })).toBe('AF2026 (en curso, 1 mes)');
  });
});
