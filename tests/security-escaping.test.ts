import { reset } from 'cloudflare:test';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ADMIN_TOKEN, SEED, get, plainWidgets, seed } from './helpers';
import { MARKERS, checkBody, checkHtml, formulaCells } from './security-checks';

/**
 * A series whose every free-text field is hostile, written through the real admin API, then read
 * back through every output. Each output must escape the text for its own context.
 */
const ID = 'hostile-series';
const HOSTILE = {
  title: `=HYPERLINK("http://evil.example","click") <script>alert(1)</script> "q" 'a' ]]> &amp;`,
  unit: `@SUM(1+1) <b>`,
  sourceName: `+cmd|' /C calc'!A0 "><img src=x onerror=alert(1)>`,
  sourceUrl: `https://example.org/?q="><script>alert(1)</script>&x='y'`,
  release: `-2+3 </title><script>x</script>`,
  notes: `\t=1+1 ]]> <![CDATA[x]]> <svg onload=alert(1)> \r=2 '><svg onload=alert(1)>`,
  src: `=HYPERLINK("http://evil.example")`,
  status: `@evil <i>`,
};
const MARKS = [...MARKERS, '<b>', '<i>', '<![CDATA[x]]>', HOSTILE.sourceUrl];

function hostileSeries() {
  // Without Spanish words or a short label: a Spanish card and the badge fall back to the English title.
  const { i18n: _es, short: _short, ...base } = SEED['sw-total'];
  return {
    ...base,
    id: ID,
    title: HOSTILE.title,
    unit: HOSTILE.unit,
    notes: HOSTILE.notes,
    source: { ...base.source, name: HOSTILE.sourceName, url: HOSTILE.sourceUrl, release: HOSTILE.release },
    points: base.points.map((p, i) => (i % 7 === 0 ? { ...p, src: HOSTILE.src, status: HOSTILE.status } : p)),
  };
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
/** One pass, so "&#38;amp;" decodes to "&amp;" and not further. */
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (NAMED[e] ?? m),
  );

beforeAll(async () => {
  await seed();
  const res = await get(`/api/v1/series/${ID}`, {
    method: 'PUT',
    body: JSON.stringify(hostileSeries()),
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
  });
  expect(res.status, await res.clone().text()).toBe(201);
});
afterAll(reset);

describe('hostile text in a stored series is escaped in every output', () => {
  it('SVG cards carry the title as escaped text in <title>, and nothing executable', async () => {
    for (const w of plainWidgets)
      for (const q of ['', '?theme=dark', '?theme=auto&lang=es', '?width=320']) {
        const res = await get(`/v1/${ID}/${w}.svg${q}`);
        expect(res.status, `${w}${q}`).toBe(200);
        const svg = await checkBody(res, `${w}.svg${q}`, MARKS);
        const title = /<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1];
        expect(decode(title ?? '')).toContain(HOSTILE.title);
      }
  });

  it('the PNG card renders', async () => {
    const res = await get(`/v1/${ID}/trend.png`);
    expect(res.status).toBe(200);
    await checkBody(res, 'png', MARKS);
  });

  it('embed pages show the text escaped in HTML and attributes, and link the source URL safely', async () => {
    for (const w of plainWidgets) {
      const res = await get(`/embed/${ID}/${w}`);
      expect(res.status, w).toBe(200);
      const html = await checkBody(res, `embed ${w}`, MARKS);
      expect(decode(html)).toContain(HOSTILE.title);
    }
  });

  it('the gallery page for the series escapes it too', async () => {
    const res = await get(`/?series=${ID}`);
    expect(res.status).toBeLessThan(500);
    await checkBody(res, 'gallery', MARKS);
  });

  it('oEmbed JSON round-trips the title exactly and its html snippet is safe HTML', async () => {
    const url = encodeURIComponent(`http://example.com/embed/${ID}/trend`);
    const res = await get(`/oembed?url=${url}&format=json`);
    expect(res.status).toBe(200);
    const body = JSON.parse(await res.text()) as { title: string; html: string };
    expect(body.title).toContain(HOSTILE.title);
    checkHtml(
      `<!doctype html><html><head><title>x</title></head><body>${body.html}</body></html>`,
      'oembed html',
      MARKS,
    );
  });

  it('oEmbed XML is well-formed and its parsed title is exactly the stored one', async () => {
    const url = encodeURIComponent(`http://example.com/embed/${ID}/trend`);
    const res = await get(`/oembed?url=${url}&format=xml`);
    expect(res.status).toBe(200);
    const xml = await checkBody(res, 'oembed xml', MARKS);
    const doc = new XMLParser({ processEntities: true, htmlEntities: true, parseTagValue: false }).parse(xml) as {
      oembed: { title: string; html: string };
    };
    expect(String(doc.oembed.title)).toContain(HOSTILE.title);
    expect(String(doc.oembed.html)).toMatch(/^<iframe /);
  });

  it('API JSON returns every hostile field byte for byte (JSON escaping, no HTML mangling)', async () => {
    const res = await get(`/api/v1/series/${ID}`);
    expect(res.status).toBe(200);
    const text = await checkBody(res, 'api json');
    const s = hostileSeries();
    expect(text).toContain(JSON.stringify(s.title));
    expect(text).toContain(JSON.stringify(s.notes));
    expect(text).toContain(JSON.stringify(s.source.url));
    const catalog = await get('/api/v1/series');
    expect(catalog.status).toBe(200);
    await checkBody(catalog, 'catalog');
  });

  it('CSV neutralises every formula prefix (= + - @ tab CR) in text cells', async () => {
    const res = await get(`/api/v1/series/${ID}.csv`);
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(formulaCells(csv)).toEqual([]);
    // The hostile text is still there, only defused: nothing is silently dropped.
    expect(csv).toContain('HYPERLINK(');
  });

  it('the versions list is JSON that parses', async () => {
    const res = await get(`/api/v1/series/${ID}/versions`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    await checkBody(res, 'versions');
  });

  it('hostile query values on every HTML and image route are never echoed raw', async () => {
    for (const m of MARKERS) {
      const q = `?theme=${encodeURIComponent(m)}&utm_source=${encodeURIComponent(m)}`;
      for (const path of [
        `/v1/sw-total/trend.svg${q}`,
        `/embed/sw-total/trend${q}`,
        `/${q}`,
        `/embed/${encodeURIComponent(m)}/trend`,
      ]) {
        const res = await get(path);
        expect(res.status, path).toBeLessThan(500);
        await checkBody(res, path, MARKS);
      }
    }
  });
});
