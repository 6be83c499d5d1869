import { describe, expect, it } from 'vitest';
import { get } from './helpers';

/**
 * A DOM just big enough for /embed.js: elements with attributes, dataset, children and a parent;
 * `querySelectorAll` understands the two selectors the script uses. Messages are dispatched by hand.
 */
class El {
  attrs = new Map<string, string>();
  children: El[] = [];
  parentNode: El | null = null;
  style: { cssText: string; height?: string; paddingTop?: string } = { cssText: '' };
  /** The height its markup reserves (a snippet's padding-top), as layout would measure it. */
  boxHeight = 0;
  id = '';
  className = '';
  textContent = '';
  alt = '';
  contentWindow: object | null = null;
  title = '';
  loading = '';
  src = '';
  clientWidth = 700;
  constructor(readonly tagName: string) {}
  setAttribute(k: string, v: string) {
    this.attrs.set(k, v);
  }
  getAttribute(k: string) {
    return this.attrs.get(k) ?? null;
  }
  hasAttribute(k: string) {
    return this.attrs.has(k);
  }
  get href() {
    return new URL(this.getAttribute('href')!, 'https://news.example/story').href;
  }
  get dataset(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.attrs)
      if (k.startsWith('data-')) out[k.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
    return out;
  }
  getBoundingClientRect() {
    return { height: this.boxHeight };
  }
  get nextSibling(): El | null {
    const sib = this.parentNode?.children;
    return sib?.[sib.indexOf(this) + 1] ?? null;
  }
  insertBefore(n: El, ref: El | null) {
    n.parentNode = this;
    if (ref) this.children.splice(this.children.indexOf(ref), 0, n);
    else this.children.push(n);
  }
  appendChild(c: El) {
    c.parentNode = this;
    this.children.push(c);
    if (c.tagName === 'IFRAME') c.contentWindow = {};
  }
  replaceChild(n: El, old: El) {
    this.children[this.children.indexOf(old)] = n;
    n.parentNode = this;
    old.parentNode = null;
    if (n.tagName === 'IFRAME') n.contentWindow = {};
  }
}

function page(scriptSrc: string, placeholders: Array<[string, Record<string, string>]>) {
  const body = new El('BODY');
  for (const [tag, attrs] of placeholders) {
    const el = new El(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    body.appendChild(el);
  }
  const all = (n: El): El[] => n.children.flatMap((c) => [c, ...all(c)]);
  const listeners: Array<(e: { data: unknown; source: unknown }) => void> = [];
  const document = {
    readyState: 'complete',
    currentScript: { src: scriptSrc },
    createElement: (t: string) => new El(t.toUpperCase()),
    head: new El('HEAD'),
    getElementById: (id: string) => [...all(body), ...document.head.children].find((e) => e.id === id) ?? null,
    querySelectorAll: (sel: string) =>
      all(body).filter((e) =>
        sel.startsWith('iframe')
          ? e.tagName === 'IFRAME' && e.hasAttribute('data-border-stats-frame')
          : !e.hasAttribute('data-border-stats-done') &&
            (e.hasAttribute('data-border-stats') || (e.tagName === 'A' && e.hasAttribute('data-border-stats-link'))),
      ),
    addEventListener: () => {},
  };
  const window: Record<string, unknown> = {
    addEventListener: (type: string, fn: (e: { data: unknown; source: unknown }) => void) => {
      if (type === 'message') listeners.push(fn);
    },
  };
  const globalsBefore = Object.keys(window);
  const run = (js: string) =>
    new Function('window', 'document', 'location', js)(window, document, { href: 'https://news.example/story' });
  const post = (data: unknown, source: unknown) => listeners.forEach((fn) => fn({ data, source }));
  const frames = () => all(body).filter((e) => e.tagName === 'IFRAME');
  return {
    body,
    window,
    run,
    post,
    frames,
    listeners,
    added: () => Object.keys(window).filter((k) => !globalsBefore.includes(k)),
  };
}

async function script(): Promise<string> {
  const res = await get('/embed.js');
  expect(res.status).toBe(200);
  return res.text();
}

describe('the script embed /embed.js', () => {
  it('is served as open-CORS JavaScript of at most 5 KB gzipped', async () => {
    const res = await get('/embed.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const gz = await new Response(res.body!.pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    expect(gz.byteLength).toBeGreaterThan(200);
    expect(gz.byteLength).toBeLessThanOrEqual(5 * 1024);
  });

  it('turns div placeholders and embed links into lazy, titled, framed iframes on the script’s own origin', async () => {
    const js = await script();
    const p = page('https://stats.example/embed.js', [
      [
        'DIV',
        {
          'data-border-stats': 'sw-usbp/trend',
          'data-theme': 'auto',
          'data-lang': 'es',
          'data-months': '24',
          'data-as-of': '2025-06',
        },
      ],
      ['A', { 'data-border-stats-link': '', href: 'https://stats.example/embed/sw-total/trend?theme=dark' }],
      ['DIV', { 'data-border-stats': '../../evil' }],
    ]);
    p.run(js);
    const [a, b] = p.frames();
    expect(p.frames()).toHaveLength(2);
    const ua = new URL(a!.src);
    expect(ua.origin + ua.pathname).toBe('https://stats.example/embed/sw-usbp/trend');
    expect(Object.fromEntries([...ua.searchParams].filter(([k]) => k !== 'id'))).toEqual({
      theme: 'auto',
      lang: 'es',
      months: '24',
      as_of: '2025-06',
    });
    expect(b!.src).toMatch(/^https:\/\/stats\.example\/embed\/sw-total\/trend\?theme=dark&id=/);
    expect(ua.searchParams.get('id')).not.toBe(new URL(b!.src).searchParams.get('id'));
    for (const f of [a!, b!]) {
      expect(f.loading).toBe('lazy');
      expect(f.hasAttribute('data-border-stats-frame')).toBe(true);
      expect(f.style.cssText).toMatch(/width:100%;border:0/);
    }
    expect(a!.title).toBe('Border Stats: sw-usbp trend');
    // The link is replaced by its iframe; the div keeps its iframe inside.
    // Each frame is followed by its print image (only print shows it), of the same card, light.
    expect(p.body.children.map((c) => c.tagName)).toEqual(['DIV', 'IFRAME', 'IMG', 'DIV']);
    expect(p.body.children[0]!.children[0]).toBe(a);
    const print = p.body.children[0]!.children[1]!;
    expect(print.className).toBe('border-stats-print');
    expect(print.src).toBe('https://stats.example/v1/sw-usbp/trend.svg?theme=light&lang=es&months=24&as_of=2025-06');
    expect(print.style.cssText).toMatch(/^display:none;/);
    expect(a!.hasAttribute('data-border-stats-print')).toBe(true);
    expect(p.body.children[2]!.src).toBe('https://stats.example/v1/sw-total/trend.svg?theme=light');
  });

  it('defines only window.BorderStats, and a second include adds new placeholders without double-wrapping', async () => {
    const js = await script();
    expect(js).toContain("'use strict'");
    const p = page('https://stats.example/embed.js', [['DIV', { 'data-border-stats': 'sw-total/trend' }]]);
    p.run(js);
    expect(p.added()).toEqual(['BorderStats']);
    const late = new El('DIV');
    late.setAttribute('data-border-stats', 'sw-ofo/trend');
    p.body.appendChild(late);
    p.run(js);
    expect(p.added()).toEqual(['BorderStats']);
    expect(p.listeners).toHaveLength(1);
    expect(p.frames().map((f) => new URL(f.src).pathname)).toEqual(['/embed/sw-total/trend', '/embed/sw-ofo/trend']);
    expect(p.body.children[0]!.children.map((c) => c.tagName)).toEqual(['IFRAME', 'IMG']);
  });

  it('gives a frame exactly the height its placeholder reserved, and ignores reports within a pixel of it', async () => {
    const js = await script();
    const p = page('https://stats.example/embed.js', [['DIV', { 'data-border-stats': 'sw-total/trend' }]]);
    const div = p.body.children[0]!;
    div.boxHeight = 396.25;
    p.run(js);
    const [f] = p.frames();
    expect(f!.style.cssText).toContain('height:396.25px');
    // The reservation moves to the frame in the same task: the placeholder's padding goes.
    expect(div.style.paddingTop).toBe('0');
    f!.style.height = '396.25px';
    p.post({ type: 'border-stats:height', height: 397 }, f!.contentWindow);
    expect(f!.style.height).toBe('396.25px');
    p.post({ type: 'border-stats:height', height: 640 }, f!.contentWindow);
    expect(f!.style.height).toBe('640px');
  });

  it('sizes only the iframe whose window sent the height message and takes the series title from it', async () => {
    const js = await script();
    const p = page('https://stats.example/embed.js', [
      ['DIV', { 'data-border-stats': 'sw-total/trend' }],
      ['DIV', { 'data-border-stats': 'sw-ofo/trend' }],
    ]);
    p.run(js);
    const [a, b] = p.frames();
    const before = b!.style.cssText;
    p.post(
      { type: 'border-stats:height', height: 433.4, id: 'x', title: 'Southwest border encounters, Aug 2026' },
      a!.contentWindow,
    );
    expect(a!.style.height).toBe('433px');
    expect(a!.title).toBe('Southwest border encounters, Aug 2026');
    expect(b!.style.cssText).toBe(before);
    expect(b!.style.height).toBeUndefined();
    p.post({ type: 'border-stats:height', height: 999 }, {});
    p.post({ type: 'other', height: 10 }, a!.contentWindow);
    expect(a!.style.height).toBe('433px');
  });
});
