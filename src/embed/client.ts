/**
 * The embed page's only script, inline (its CSP hash is computed from this exact text). It tells the
 * parent its height on load and on every resize, in our own message, WordPress's (`#?secret=`) and
 * Datawrapper's shape, and takes a theme from the parent without reloading. No storage, no cookies,
 * no network: it works in `sandbox="allow-scripts"`.
 */
export const EMBED_CLIENT = `(function () {
  'use strict';
  var doc = document.documentElement;
  var id = new URLSearchParams(location.search).get('id') || '';
  var m = /[#&?]secret=([A-Za-z0-9]{1,64})/.exec(location.hash);
  var secret = m ? m[1] : '';
  var last = -1;
  function post(msg) {
    try { parent.postMessage(msg, '*'); } catch (e) { /* parent gone */ }
  }
  function send(force) {
    var h = Math.ceil(doc.getBoundingClientRect().height);
    if (h === last && !force) return;
    last = h;
    post({ type: 'border-stats:height', height: h, id: id, title: document.title });
    var dw = {};
    dw[id || location.pathname] = h;
    post({ 'datawrapper-height': dw });
    if (secret) post({ secret: secret, message: 'height', value: h });
  }
  function theme(t) {
    doc.setAttribute('data-theme', t);
    var els = document.querySelectorAll('[data-card]');
    for (var i = 0; i < els.length; i++) {
      var attr = els[i].tagName === 'SOURCE' ? 'srcset' : 'src';
      var u = new URL(els[i].getAttribute(attr), location.href);
      u.searchParams.set('theme', t);
      els[i].setAttribute(attr, u.pathname + u.search);
    }
  }
  new ResizeObserver(function () { send(false); }).observe(doc);
  addEventListener('load', function () { send(true); });
  addEventListener('message', function (e) {
    var d = e.data;
    if (e.source !== parent || !d || typeof d !== 'object') return;
    if (d.type === 'border-stats:theme' && /^(light|dark|auto)$/.test(d.theme)) theme(d.theme);
    else if (d.message === 'ready' && secret && d.secret === secret) send(true);
  });
})();`;

/** Page colours per theme; `auto` follows the reader's system setting. Contrast ≥ 4.5:1 throughout. */
export const EMBED_STYLE = `:root{--bg:#ffffff;--fg:#1a1a1a;--muted:#595959;--link:#1f5fa8;color-scheme:light}
[data-theme=dark]{--bg:#121212;--fg:#f0f0f0;--muted:#b0b0b0;--link:#8ab8f0;color-scheme:dark}
@media (prefers-color-scheme:dark){[data-theme=auto]{--bg:#121212;--fg:#f0f0f0;--muted:#b0b0b0;--link:#8ab8f0;color-scheme:dark}}
html,body{margin:0;padding:0;overflow:hidden;background:var(--bg);color:var(--fg)}
body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
figure{margin:0}
img{display:block;max-width:100%;height:auto}
.fill img{width:100%}
.meta,.notes{margin:0;padding:2px 3.2% 8px;color:var(--muted)}
.notes{padding-bottom:0}
.revised{margin:4px 3.2% 2px;padding:4px 8px;border-left:3px solid var(--link);color:var(--fg)}
.events{margin:0;padding:2px 3.2% 4px;color:var(--muted)}
.events summary{cursor:pointer;color:var(--fg)}
.events ol{margin:4px 0 0;padding-left:1.4em}
.events li{margin:0 0 4px}
a{color:var(--link)}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}`;

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
