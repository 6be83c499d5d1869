import { reset } from 'cloudflare:test';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strings, type Lang } from '../src/lib/i18n';
import { contrast, dark, light, palette } from '../src/render/theme';
import { computeFacts } from '../src/series/facts';
import type { StoredSeries } from '../src/series/schema';
import { widgets } from '../widgets';
import { barsModel } from '../widgets/bars/model';
import { BarsOptions } from '../widgets/bars/schema';
import { textWidth } from '../widgets/shared/measure';
import { statModel } from '../widgets/stat/model';
import { StatOptions } from '../widgets/stat/schema';
import { trendModel } from '../widgets/trend/model';
import { TrendOptions } from '../widgets/trend/schema';
import badgeCases from '../widgets/badge/fixtures/cases.json';
import barsCases from '../widgets/bars/fixtures/cases.json';
import socialCases from '../widgets/social/fixtures/cases.json';
import statCases from '../widgets/stat/fixtures/cases.json';
import trendCases from '../widgets/trend/fixtures/cases.json';
import { SEED, get, seed } from './helpers';
import INTER_400_WOFF2 from '@fontsource/inter/files/inter-latin-400-normal.woff2';
import INTER_700_WOFF2 from '@fontsource/inter/files/inter-latin-700-normal.woff2';
import { renderCard } from '../src/render/card';

/** The embedded font's bytes, replaced by a marker, so a snapshot shows the drawing. */
function withoutFontData(svg: string): string {
  return svg.replace(/base64,[A-Za-z0-9+/=]+/g, 'base64,…');
}

beforeAll(seed);
afterAll(reset);

const NAMES = ['trend', 'stat', 'bars', 'badge', 'social'];
const PIN = 'as_of=2025-11'; // pinned so snapshots do not move when a new month is added

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const v = new DataView(bytes.buffer, bytes.byteOffset);
  expect([...bytes.slice(12, 16)].map((c) => String.fromCharCode(c)).join('')).toBe('IHDR');
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

describe('every widget renders accessible, well-formed SVG', () => {
  it('registers trend, stat, bars, badge and social, and nothing inherited', async () => {
    expect(Object.keys(widgets).sort()).toEqual([...NAMES].sort());
    expect(widgets['constructor']).toBeUndefined();
    expect((await get('/v1/sw-usbp/toString.svg')).status).toBe(404);
  });

  for (const name of NAMES)
    for (const theme of ['light', 'dark', 'auto'])
      for (const lang of ['en', 'es'])
        it(`draws ${name} in ${theme} ${lang} as valid XML with role, title, desc and lang, matching its snapshot`, async () => {
          const res = await get(`/v1/sw-usbp/${name}.svg?theme=${theme}&lang=${lang}&${PIN}`);
          expect(res.status).toBe(200);
          const svg = await res.text();
          expect(XMLValidator.validate(svg)).toBe(true);
          expect(svg).toMatch(new RegExp(`^<svg [^>]*role="img"[^>]*lang="${lang}"`));
          expect(svg).toMatch(/<title id="t">[^<]+<\/title><desc id="d">[^<]+<\/desc>/);
          expect(svg).not.toContain('data:image');
          if (theme === 'auto') expect(svg).toContain('@media (prefers-color-scheme: dark)');
          // The embedded font is the same 60 KB in every card (checked below); the snapshot keeps the drawing.
          await expect(withoutFontData(svg)).toMatchFileSnapshot(
            `./__snapshots__/widgets/${name}-${theme}-${lang}.svg`,
          );
        });

  it('keeps text as <text> sized by satori, with the Inter subset embedded for the weights used', async () => {
    expect(widgets.badge!.svgText).toBe('paths'); // a dozen glyphs: smaller as paths than with a font
    expect((await (await get(`/v1/sw-usbp/badge.svg?${PIN}`)).text()).length).toBeLessThan(30_000);
    for (const name of NAMES.filter((n) => widgets[n]!.svgText !== 'paths')) {
      const svg = await (await get(`/v1/sw-usbp/${name}.svg?${PIN}`)).text();
      const texts = [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)];
      expect(texts.length, name).toBeGreaterThan(3);
      for (const [, attrs, body] of texts) {
        expect(attrs, name).toMatch(/ textLength="[\d.]+" lengthAdjust="spacingAndGlyphs"/);
        expect(attrs, name).not.toMatch(/ (width|height)=/);
        expect(body!.trim(), `${name}: whitespace-only text`).not.toBe('');
      }
      const faces = [
        ...svg.matchAll(
          /@font-face\{font-family:inter;font-style:normal;font-weight:(\d+);src:url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g,
        ),
      ];
      const used = [...new Set([...svg.matchAll(/font-weight="(\d+)"/g)].map((m) => m[1]))].sort();
      expect(faces.map((f) => f[1]).sort(), name).toEqual(used);
      for (const [, weight, data] of faces) {
        const bytes = Uint8Array.from(atob(data!), (c) => c.charCodeAt(0));
        expect(new TextDecoder().decode(bytes.slice(0, 4)), `${name} ${weight}`).toBe('wOF2');
        expect(bytes.length).toBe((weight === '700' ? INTER_700_WOFF2 : INTER_400_WOFF2).byteLength);
      }
      expect(svg, name).toMatch(/text\{font-family:inter,[^}]*sans-serif\}/);
    }
  });

  it('draws PNG text as paths (resvg has no fonts): the SVG handed to resvg has no <text>', async () => {
    const stored = (await (await get('/api/v1/series/sw-usbp')).json()) as StoredSeries;
    for (const name of NAMES) {
      const w = widgets[name]!;
      const card = await renderCard(w, stored, w.schema.parse({}), 'B', 'light', undefined, 'paths');
      expect(card.svg, name).not.toContain('<text');
      expect(card.svg, name).not.toContain('@font-face');
    }
  });

  it('lets the auto-theme CSS reach the chart strokes by inlining nested SVGs', async () => {
    const svg = await (await get(`/v1/sw-usbp/trend.svg?theme=auto&${PIN}`)).text();
    expect(svg).toContain(`stroke="${light.accent}"`);
    expect(svg).toContain(`[stroke="${light.accent}"]{stroke:${dark.accent}}`);
  });

  it('describes the card in one generated sentence: what, latest value, change, claim, source', async () => {
    const svg = await (await get(`/v1/sw-usbp/stat.svg?${PIN}`)).text();
    const desc = /<desc id="d">([^<]+)<\/desc>/.exec(svg)![1]!;
    expect(desc).toBe(
      'Border Patrol encounters, southwest border: 7,353 (November 2025); −7.9% vs. previous month; ' +
        '−84.2% vs. a year earlier. Lowest November in the series (since 2018). ' +
        'Encounters count events, not unique people. Source: U.S. Customs and Border Protection, Aug 2026 update.',
    );
    const es = await (await get(`/v1/sw-usbp/stat.svg?lang=es&${PIN}`)).text();
    expect(es).toMatch(/<desc id="d">[^<]*7,353 \(noviembre de 2025\)[^<]*El noviembre más bajo de la serie/);
  });

  it('escapes a caller-supplied badge label', async () => {
    const svg = await (await get(`/v1/sw-usbp/badge.svg?label=${encodeURIComponent("Agents' & ports")}`)).text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Agents&#39; &#38; ports');
  });

  it('honours width from 320 to 1200 px', async () => {
    for (const w of [320, 479, 480, 1200]) {
      const svg = await (await get(`/v1/sw-total/trend.svg?width=${w}`)).text();
      expect(svg).toMatch(new RegExp(`^<svg width="${w}"`));
    }
  });
});

describe('each widget fixture renders', () => {
  const all = { trend: trendCases, stat: statCases, bars: barsCases, badge: badgeCases, social: socialCases };
  for (const [name, f] of Object.entries(all))
    for (const c of f.cases)
      it(`draws ${name} for ${c.series}?${c.query} as valid SVG of the asked width`, async () => {
        const res = await get(`/v1/${c.series}/${name}.svg?${c.query}`);
        expect(res.status).toBe(200);
        const svg = await res.text();
        expect(XMLValidator.validate(svg)).toBe(true);
        const w = Number(/^<svg width="(\d+)"/.exec(svg)![1]);
        const asked = new URLSearchParams(c.query).get('width');
        if (asked && name !== 'badge' && name !== 'social') expect(w).toBe(Number(asked));
      });
});

describe('PNG output', () => {
  for (const name of NAMES)
    it(`lays ${name} out on every size preset at the asked scale`, async () => {
      for (const [size, w, h] of [
        ['og', 1200, 630],
        ['x', 1200, 600],
        ['square', 1080, 1080],
      ] as const) {
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

describe('colour and text fit', () => {
  it('keeps text at 4.5:1 and the accent at 3:1 in both themes, adjusting a caller accent that fails', () => {
    for (const p of [light, dark, palette('light', 'ffff00'), palette('dark', '#000080')]) {
      expect(contrast(p.text, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.muted, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.marker, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.down, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.up, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.accent, p.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(p.badgeLabelText, p.badgeLabel)).toBeGreaterThanOrEqual(4.5);
    }
    for (const p of [light, dark]) expect(contrast(p.bg, p.accent)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps badge value text readable on a caller accent close to the page colour', async () => {
    const svg = await (await get('/v1/sw-usbp/badge.svg?accent=ffd0d0')).text();
    const p = palette('light', 'ffd0d0');
    expect(svg).toContain(`fill="${p.accent}"`);
    expect(contrast(p.bg, p.accent)).toBeLessThan(4.5);
    expect(contrast(p.text, p.accent)).toBeGreaterThanOrEqual(4.5);
    expect(svg).toContain(`fill="${p.text}"`);
  });

  it('never lets a title, deck or footer line run past the card at any width, in either language', () => {
    const s = SEED['sw-usbp'];
    const stored = {
      version: '000001-000000000000',
      writtenAt: '2026-09-15T12:00:00.000Z',
      vintage: s.source.release,
      series: s,
    } as StoredSeries;
    for (const lang of ['en', 'es'] as Lang[])
      for (const width of [320, 360, 479, 480, 640, 900, 1200])
        for (const cut of [95, 86, 62]) {
          const points = s.points.slice(0, cut);
          const base = {
            stored,
            points,
            facts: computeFacts(points),
            lang,
            t: strings[lang],
            brand: 'Border Stats Embeds',
          };
          const q = { width: String(width), lang };
          for (const m of [
            trendModel({ ...base, opts: TrendOptions.parse(q) }),
            statModel({ ...base, opts: StatOptions.parse(q) }),
            barsModel({ ...base, opts: BarsOptions.parse(q) }),
          ]) {
            const inner = width - m.type.pad * 2;
            for (const b of [m.title, m.deck])
              for (const l of b.lines) expect(textWidth(l, b.size, b.bold), l).toBeLessThanOrEqual(inner + 0.5);
            for (const r of m.footer.rows)
              expect(textWidth(r.left, m.footer.size) + textWidth(r.right, m.footer.size)).toBeLessThanOrEqual(inner);
            expect(m.deck.lines.join(' ')).not.toMatch(/\d…|…\d/);
          }
        }
  });
});
