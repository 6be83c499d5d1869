import { BAR_HEIGHT } from './reserve';

/**
 * The embed page's only script, inline (its CSP hash is computed from this exact text).
 * - Height: tells the parent its height on load and on every resize, in our own message, WordPress's
 *   (`#?secret=`), Datawrapper's and AMP's (`embed-size`) shape.
 * - Theme: takes one from the parent without reloading.
 * - Chart | Table: shows the switch and swaps the views (each then reports its own height).
 * - Explore: a cursor and a readout over the card, by pointer, touch and keyboard (arrows, Home,
 *   End, Escape), the readout also sent to a polite live region. Readouts come from the page's JSON.
 * No storage, no cookies, no network: it works in `sandbox="allow-scripts"`. Without it the page
 * is the same card, with its table for screen readers and its notes one click away.
 */
export const EMBED_CLIENT = `(function () {
  'use strict';
  var d = document, doc = d.documentElement;
  var id = new URLSearchParams(location.search).get('id') || '';
  var m = /[#&?]secret=([A-Za-z0-9]{1,64})/.exec(location.hash);
  var secret = m ? m[1] : '';
  var last = -1, onResize = null;
  function post(msg) {
    try { parent.postMessage(msg, '*'); } catch (e) { /* parent gone */ }
  }
  function send(force) {
    var h = Math.ceil(doc.getBoundingClientRect().height);
    if (h === last && !force) return;
    last = h;
    post({ type: 'border-stats:height', height: h, id: id, title: d.title });
    var dw = {};
    dw[id || location.pathname] = h;
    post({ 'datawrapper-height': dw });
    post({ sentinel: 'amp', type: 'embed-size', height: h });
    if (secret) post({ secret: secret, message: 'height', value: h });
  }
  function theme(t) {
    doc.setAttribute('data-theme', t);
    var els = d.querySelectorAll('[data-card]');
    for (var i = 0; i < els.length; i++) {
      var attr = els[i].tagName === 'SOURCE' ? 'srcset' : 'src';
      var u = new URL(els[i].getAttribute(attr), location.href);
      u.searchParams.set('theme', t);
      els[i].setAttribute(attr, u.pathname + u.search);
    }
  }
  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  var chart = d.getElementById('bs-chart'), table = d.getElementById('bs-table'), views = d.querySelector('.views');
  if (chart && table && views) {
    views.hidden = false;
    views.addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (!b) return;
      var v = b.getAttribute('data-view'), bs = views.querySelectorAll('button');
      for (var i = 0; i < bs.length; i++) bs[i].setAttribute('aria-pressed', String(bs[i] === b));
      doc.setAttribute('data-view', v);
      chart.hidden = v === 'table';
      table.classList.toggle('sr-only', v !== 'table');
    });
  }
  var json = d.getElementById('bs-explore');
  if (chart && json) explore(JSON.parse(json.textContent));
  function explore(data) {
    var img = chart.querySelector('img'), live = d.getElementById('bs-live');
    var narrow = matchMedia('(max-width: 479px)');
    var cur = el('div', 'cursor'), box = el('div', 'readout'), at = -1, n = data.stops.length;
    cur.hidden = box.hidden = true;
    cur.setAttribute('aria-hidden', 'true');
    box.setAttribute('aria-hidden', 'true');
    chart.appendChild(cur);
    chart.appendChild(box);
    chart.tabIndex = 0;
    chart.setAttribute('role', 'group');
    chart.setAttribute('aria-label', chart.getAttribute('data-label'));
    chart.classList.add('x');
    function geo() { return data.compact && narrow.matches ? data.compact : data.full; }
    function show(i) {
      i = Math.max(0, Math.min(n - 1, i));
      var g = geo(), r = img.getBoundingClientRect(), c = chart.getBoundingClientRect(), k = r.width / g.w;
      var x = r.left - c.left + g.x[i] * k, top = r.top - c.top + g.top * k, s = data.stops[i];
      cur.style.left = x + 'px';
      cur.style.top = top + 'px';
      cur.style.height = (g.bottom - g.top) * k + 'px';
      box.textContent = '';
      box.appendChild(el('strong', '', s[0]));
      box.appendChild(el('span', 'v', s[1]));
      if (s[2]) box.appendChild(el('span', 'd', s[2]));
      cur.hidden = box.hidden = false;
      var w = box.offsetWidth, left = x + 8;
      if (left + w > c.width - 2) left = Math.max(2, x - 8 - w);
      box.style.left = left + 'px';
      box.style.top = top + 'px';
      if (i !== at) live.textContent = s[0] + ': ' + s[1] + (s[2] ? '. ' + s[2] : '') + '.';
      at = i;
    }
    function hide() { cur.hidden = box.hidden = true; }
    function near(cx) {
      var g = geo(), r = img.getBoundingClientRect(), x = ((cx - r.left) * g.w) / r.width, best = 0;
      for (var i = 1; i < n; i++) if (Math.abs(g.x[i] - x) < Math.abs(g.x[best] - x)) best = i;
      return best;
    }
    function point(e) { show(near(e.clientX)); }
    chart.addEventListener('pointermove', point);
    chart.addEventListener('pointerdown', point);
    chart.addEventListener('pointerleave', function () { if (d.activeElement !== chart) hide(); });
    chart.addEventListener('focus', function () { show(at < 0 ? n - 1 : at); });
    chart.addEventListener('blur', hide);
    chart.addEventListener('keydown', function (e) {
      var k = e.key, i = at < 0 ? n - 1 : at;
      if (k === 'ArrowLeft' || k === 'ArrowDown') i--;
      else if (k === 'ArrowRight' || k === 'ArrowUp') i++;
      else if (k === 'Home') i = 0;
      else if (k === 'End') i = n - 1;
      else if (k === 'Escape') return hide();
      else return;
      e.preventDefault();
      show(i);
    });
    onResize = function () { if (!cur.hidden) show(at); };
  }
  new ResizeObserver(function () { send(false); if (onResize) onResize(); }).observe(doc);
  addEventListener('load', function () { send(true); });
  addEventListener('message', function (e) {
    var v = e.data;
    if (e.source !== parent || !v || typeof v !== 'object') return;
    if (v.type === 'border-stats:theme' && /^(light|dark|auto)$/.test(v.theme)) theme(v.theme);
    else if (v.message === 'ready' && secret && v.secret === secret) send(true);
  });
})();`;

/**
 * Page colours per theme; `auto` follows the reader's system setting. Contrast ≥ 4.5:1 throughout.
 * The default view is the card and the bar (BAR_HEIGHT px, src/embed/reserve.ts): nothing else
 * visible may take height until the reader opens it.
 */
export const EMBED_STYLE = `:root{--bg:#ffffff;--fg:#1a1a1a;--muted:#595959;--link:#1f5fa8;--line:#d6d6d6;color-scheme:light}
[data-theme=dark]{--bg:#121212;--fg:#f0f0f0;--muted:#b0b0b0;--link:#8ab8f0;--line:#3d3d3d;color-scheme:dark}
@media (prefers-color-scheme:dark){[data-theme=auto]{--bg:#121212;--fg:#f0f0f0;--muted:#b0b0b0;--link:#8ab8f0;--line:#3d3d3d;color-scheme:dark}}
html,body{margin:0;padding:0;overflow:hidden;background:var(--bg);color:var(--fg)}
html[data-view=table],html[data-view=table] body,html:has(details[open]),html:has(details[open]) body{overflow:auto}
body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
figure{margin:0}
img{display:block;max-width:100%;height:auto}
.fill img{width:100%}
.chart{position:relative}
.chart.x{touch-action:pan-y;cursor:crosshair}
.chart:focus-visible{outline:2px solid var(--link);outline-offset:-2px}
.cursor{position:absolute;width:0;border-left:1px dashed var(--fg);pointer-events:none}
.readout{position:absolute;z-index:1;box-sizing:border-box;max-width:min(280px,70%);padding:4px 8px;background:var(--bg);color:var(--fg);border:1px solid var(--muted);border-radius:4px;font-size:12px;line-height:1.35;pointer-events:none;box-shadow:0 1px 4px rgba(0,0,0,.25)}
.readout .v{font-weight:700;margin-left:.4em}
.readout .d{display:block;color:var(--muted)}
.tablev{padding:6px 3.2% 4px}
.tablev table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
.tablev caption{text-align:left;font-weight:700;padding:0 0 4px}
.tablev th,.tablev td{padding:3px 6px;border-bottom:1px solid var(--line);text-align:left;font-weight:400}
.tablev thead th{font-weight:700;color:var(--muted)}
.tablev td{text-align:right}
.csv{margin:6px 0 0;color:var(--muted)}
.bar{position:relative;min-height:${BAR_HEIGHT}px}
.views{position:absolute;top:0;left:3.2%;z-index:1;height:${BAR_HEIGHT}px;display:flex;align-items:center}
.views[hidden]{display:none}
.views button{font:inherit;font-size:12px;line-height:1;padding:5px 10px;margin:0;border:1px solid var(--muted);background:var(--bg);color:var(--fg);cursor:pointer}
.views button:first-child{border-radius:4px 0 0 4px}
.views button+button{border-left:0;border-radius:0 4px 4px 0}
.views button[aria-pressed=true]{background:var(--fg);color:var(--bg)}
.views button:focus-visible,.about summary:focus-visible{outline:2px solid var(--link);outline-offset:1px}
.about summary{display:block;box-sizing:border-box;width:max-content;max-width:calc(100% - 150px);height:${BAR_HEIGHT}px;margin-left:auto;padding:0 3.2% 0 8px;line-height:${BAR_HEIGHT}px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;cursor:pointer;color:var(--link)}
.about summary::-webkit-details-marker{display:none}
.about summary::before{content:"\\25B8\\00a0" / ""}
.about[open] summary::before{content:"\\25BE\\00a0" / ""}
.flag{color:var(--fg);font-weight:700}
.panel{padding:0 3.2% 8px;color:var(--muted)}
.panel p{margin:0 0 6px}
.revised{padding:4px 8px;border-left:3px solid var(--link);color:var(--fg)}
.events h2{font-size:13px;margin:6px 0 2px;color:var(--fg)}
.events ol{margin:0;padding-left:1.4em}
.events li{margin:0 0 4px}
a{color:var(--link)}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.print-only{display:none}
@media print{html,body{overflow:visible!important}.bar,.cursor,.readout,.tablev{display:none!important}.chart{display:block!important}.print-only{display:block;margin:6px 3.2% 0;font-size:11px;color:#000}figure{break-inside:avoid}}`;

const hashes = new Map<string, Promise<string>>();

/** `'sha256-…'` of an inline script or style, as CSP wants it; computed once per isolate. */
function cspHash(text: string): Promise<string> {
  let h = hashes.get(text);
  if (!h) {
    h = crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then((d) => {
      let bin = '';
      for (const b of new Uint8Array(d)) bin += String.fromCharCode(b);
      return `'sha256-${btoa(bin)}'`;
    });
    hashes.set(text, h);
  }
  return h;
}

/** The embed kind's policy with hashes instead of 'unsafe-inline': only our own script and style run. */
export async function embedCsp(): Promise<string> {
  const [script, style] = await Promise.all([cspHash(EMBED_CLIENT), cspHash(EMBED_STYLE)]);
  return `default-src 'none'; img-src 'self' data:; style-src ${style}; script-src ${script}; connect-src 'none'; frame-ancestors *; base-uri 'none'; form-action 'none'`;
}
