// Programs that consume the service without a browser: an oEmbed client that finds our provider
// by discovery (as a CMS does for a pasted link), and an Open Graph scraper (as a social site does).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { extract, findProvider, setProviderList } from '@extractus/oembed-extractor';
import ogs from 'open-graph-scraper';
import { parseFragment } from 'parse5';
import { pngSize } from './lib/png.mjs';
import { startService } from './lib/service.mjs';

// Its own port, so this file can run beside browser.test.mjs.
const PORTS = { service: 8812, inspector: 8816 };
let svc;
let embedUrl;

before(
  async () => {
    svc = await startService({ port: PORTS.service, inspectorPort: PORTS.inspector });
    embedUrl = `${svc.origin}/embed/sw-total/trend`;
  },
  { timeout: 180_000 },
);
after(() => svc?.stop());

/** A fetch that gives up instead of hanging the suite. */
const fetcher = (url) => fetch(url, { signal: AbortSignal.timeout(15_000) });

/** The only elements of an HTML fragment, as parse5 reads it. */
function elements(html) {
  const out = [];
  const walk = (n) => {
    if (n.tagName) out.push(n);
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parseFragment(html));
  return out;
}

function checkRich(data) {
  assert.equal(data.type, 'rich');
  assert.equal(data.version, '1.0');
  assert.ok(Number.isInteger(data.width) && data.width > 0, `width ${data.width}`);
  assert.ok(Number.isInteger(data.height) && data.height > 0, `height ${data.height}`);
  assert.ok(data.title, 'has a title');
  assert.ok(data.provider_name, 'has a provider_name');
  const els = elements(data.html);
  assert.deepEqual(
    els.map((e) => e.tagName),
    ['iframe'],
    `html is one bare iframe: ${data.html}`,
  );
  const attr = Object.fromEntries(els[0].attrs.map((a) => [a.name, a.value]));
  const src = new URL(attr.src);
  assert.equal(src.origin, svc.origin);
  assert.equal(src.pathname, '/embed/sw-total/trend');
  assert.ok(attr.title?.trim(), 'the iframe has a title');
}

describe('@extractus/oembed-extractor', () => {
  test('does not know our provider, so it discovers it from the embed page and gets a rich result', async () => {
    assert.equal(findProvider(embedUrl), null, 'not in the built-in provider list');
    const data = await extract(embedUrl, {}, fetcher);
    assert.equal(data.method, 'auto-discovery');
    checkRich(data);
  });

  test('with our provider registered (setProviderList), it calls /oembed directly and gets the same result', async () => {
    setProviderList([
      {
        provider_name: 'Border Stats Embeds',
        provider_url: svc.origin,
        endpoints: [{ schemes: [`${svc.origin}/embed/*`], url: `${svc.origin}/oembed` }],
      },
    ]);
    // The library always calls registered endpoints over https (production is https); the
    // loopback service speaks http, so this fetcher stands in for the TLS front end.
    const https = svc.origin.replace(/^http:/, 'https:');
    assert.equal(findProvider(embedUrl)?.endpoint, `${https}/oembed`);
    const called = [];
    const viaTls = (url) => {
      called.push(url);
      return fetcher(url.replace(https, svc.origin));
    };
    const data = await extract(embedUrl, { maxwidth: 500 }, viaTls);
    assert.equal(called.length, 1, 'one request, straight to the oEmbed endpoint');
    assert.equal(new URL(called[0]).searchParams.get('url'), embedUrl);
    assert.equal(data.method, 'provider-api');
    checkRich(data);
    assert.ok(data.width <= 500, `maxwidth 500 respected: ${data.width}`);
  });
});

describe('open-graph-scraper', () => {
  let og;
  before(async () => {
    const res = await ogs({
      url: embedUrl,
      timeout: 15,
      // The validator's default wants a TLD; a loopback service has none.
      urlValidatorSettings: {
        allow_fragments: true,
        allow_protocol_relative_urls: false,
        allow_query_components: true,
        allow_trailing_dot: false,
        allow_underscores: false,
        protocols: ['http', 'https'],
        require_host: true,
        require_port: false,
        require_protocol: true,
        require_tld: false,
        require_valid_protocol: true,
        validate_length: true,
      },
    }).catch((e) => e);
    og = res;
  });

  test('reads the Open Graph tags of an embed page', () => {
    assert.equal(og.error, false, JSON.stringify(og.result));
    const r = og.result;
    assert.ok(r.ogTitle, 'og:title');
    assert.ok(r.ogDescription, 'og:description');
    assert.ok(r.ogUrl, 'og:url');
    assert.equal(new URL(r.ogUrl).pathname, '/embed/sw-total/trend');
    assert.ok(r.ogImage?.length, 'og:image');
    assert.equal(new URL(r.ogImage[0].url).origin, svc.origin, 'og:image is an absolute URL on the service');
  });

  test('reads the Twitter card tags of an embed page', () => {
    const r = og.result;
    assert.equal(r.twitterCard, 'summary_large_image');
    assert.ok(r.twitterTitle, 'twitter:title');
    assert.ok(r.twitterImage?.length, 'twitter:image');
  });

  test('the og:image URL returns a 1200×630 PNG', async () => {
    const res = await fetcher(og.result.ogImage[0].url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^image\/png/);
    const size = pngSize(new Uint8Array(await res.arrayBuffer()));
    assert.deepEqual(size, { width: 1200, height: 630 });
    const { width, height } = og.result.ogImage[0];
    if (width || height) assert.deepEqual([Number(width), Number(height)], [1200, 630], 'og:image:width/height');
  });
});

// Feed readers: the change feed (Atom 1.0) as two common parsers read it. The seeded service has
// each series' first version, and the CBP files imported over it in release order (the state
// file revises FY2025 months of the southwest breakdowns).
describe('feed readers read the change feed', () => {
  const url = () => `${svc.origin}/api/v1/series/sw-total-demo-single-adults/changes.atom`;

  test('rss-parser: a titled feed with one dated, linked entry per version', async () => {
    const { default: Parser } = await import('rss-parser');
    const feed = await new Parser().parseString(await (await fetcher(url())).text());
    assert.match(feed.title, /sw-total-demo-single-adults/);
    assert.ok(feed.items.length >= 2, `${feed.items.length} entries`);
    for (const item of feed.items) {
      assert.ok(item.title && item.id && item.link, JSON.stringify(item));
      assert.ok(!Number.isNaN(Date.parse(item.pubDate ?? item.isoDate)), 'dated');
      assert.match(item.link, /\/embed\/sw-total-demo-single-adults\/trend\?v=\d{6}-[0-9a-f]{12}$/);
    }
    const dates = feed.items.map((i) => Date.parse(i.isoDate));
    assert.deepEqual(
      dates,
      [...dates].sort((a, b) => b - a),
      'newest first',
    );
  });

  test('feedparser: Atom, with unique entry ids that stay the same on a second read', async () => {
    const { default: FeedParser } = await import('feedparser');
    const { Readable } = await import('node:stream');
    const read = async () => {
      const text = await (await fetcher(url())).text();
      return new Promise((ok, fail) => {
        const items = [];
        const fp = new FeedParser({ addmeta: false });
        let meta;
        fp.on('error', fail);
        fp.on('meta', (m) => (meta = m));
        fp.on('readable', () => {
          let it;
          while ((it = fp.read())) items.push(it);
        });
        fp.on('end', () => ok({ meta, items }));
        Readable.from([text]).pipe(fp);
      });
    };
    const a = await read();
    const b = await read();
    assert.equal(a.meta['#type'], 'atom');
    const ids = a.items.map((i) => i.guid);
    assert.equal(new Set(ids).size, ids.length, 'unique ids');
    assert.deepEqual(
      b.items.map((i) => i.guid),
      ids,
    );
    assert.ok(
      a.items.some((i) => /→/.test(i.description)),
      'some entry lists a revision',
    );
  });
});
