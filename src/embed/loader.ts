/**
 * /embed.js: turns `<div data-border-stats="series/widget" data-…>` and
 * `<a data-border-stats-link href="…/embed/…">` into lazy, titled, auto-resizing iframes on the
 * script's own origin. One global (window.BorderStats); a second include only scans for new
 * placeholders. Kept as plain ES2017 text so it is served as is (no build step) and stays tiny.
 *
 * No layout shift: a placeholder from the gallery or oEmbed reserves the frame's final height in
 * its own markup (`padding-top`, src/embed/reserve.ts). The frame takes over exactly that height in
 * the same task, and a reported height within a pixel of it changes nothing.
 * Print: frames often print blank (a lazy one never loaded), so each gets an image of the card that
 * only print shows.
 */
export const EMBED_JS = `(function (w, d) {
  'use strict';
  if (w.BorderStats) { w.BorderStats.scan(); return; }
  var me = d.currentScript;
  var base = new URL(me && me.src ? me.src : '/embed.js', location.href).origin;
  var ref = /^([a-z0-9]+(?:-[a-z0-9]+)*)\\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;
  var n = 0;
  var sel = '[data-border-stats]:not([data-border-stats-done]),a[data-border-stats-link]:not([data-border-stats-done])';
  function frames() { return d.querySelectorAll('iframe[data-border-stats-frame]'); }
  function make(el) {
    el.setAttribute('data-border-stats-done', '');
    var link = el.tagName === 'A', path, q = new URLSearchParams();
    if (link) {
      var u = new URL(el.href, location.href);
      path = u.pathname.replace(/^\\/embed\\//, '').replace(/\\/$/, '');
      if (path === u.pathname) return;
      q = u.searchParams;
    } else {
      path = el.getAttribute('data-border-stats');
      for (var k in el.dataset) {
        if (!/^borderStats|^title$/.test(k)) q.set(k.replace(/[A-Z]/g, function (c) { return '_' + c.toLowerCase(); }), el.dataset[k]);
      }
    }
    var m = ref.exec(path);
    if (!m) return;
    q.set('id', 'bs' + (++n) + '-' + Math.random().toString(36).slice(2, 8));
    var f = d.createElement('iframe');
    f.src = base + '/embed/' + m[1] + '/' + m[2] + '?' + q;
    f.title = el.getAttribute('data-title') || 'Border Stats: ' + m[1] + ' ' + m[2];
    f.loading = 'lazy';
    f.setAttribute('data-border-stats-frame', '');
    f.setAttribute('scrolling', 'no');
    f.setAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
    // The reserved height when the snippet has one; a guess (and a later resize) when not.
    var h = link ? 0 : el.getBoundingClientRect().height;
    if (!(h > 0)) h = Math.round((el.clientWidth || 640) * 0.5625 + 40);
    f.style.cssText = 'display:block;width:100%;border:0;height:' + h + 'px';
    q.delete('id');
    q.set('theme', 'light');
    var p = d.createElement('img');
    p.className = 'border-stats-print';
    p.src = base + '/v1/' + m[1] + '/' + m[2] + '.svg?' + q;
    p.alt = f.title;
    p.setAttribute('fetchpriority', 'low');
    p.style.cssText = 'display:none;max-width:100%;height:auto';
    f.setAttribute('data-border-stats-print', '');
    printCss();
    if (link) {
      el.parentNode.replaceChild(f, el);
      f.parentNode.insertBefore(p, f.nextSibling);
    } else {
      el.style.paddingTop = '0';
      el.appendChild(f);
      el.appendChild(p);
    }
  }
  function printCss() {
    if (d.getElementById('border-stats-print-css')) return;
    var s = d.createElement('style');
    s.id = 'border-stats-print-css';
    s.textContent = '@media print{iframe[data-border-stats-print]{display:none!important}img.border-stats-print{display:block!important}}';
    (d.head || d.documentElement).appendChild(s);
  }
  function scan() {
    var els = d.querySelectorAll(sel);
    for (var i = 0; i < els.length; i++) make(els[i]);
  }
  w.addEventListener('message', function (e) {
    var m = e.data;
    if (!m || m.type !== 'border-stats:height') return;
    var fs = frames();
    for (var i = 0; i < fs.length; i++) {
      if (fs[i].contentWindow !== e.source) continue;
      var h = Math.round(+m.height);
      if (h > 0 && h < 20000 && Math.abs(h - (parseFloat(fs[i].style.height) || 0)) >= 1) fs[i].style.height = h + 'px';
      if (typeof m.title === 'string' && m.title && !fs[i].hasAttribute('data-title-set')) {
        fs[i].title = m.title.slice(0, 200);
        fs[i].setAttribute('data-title-set', '');
      }
    }
  });
  function theme(t) {
    var fs = frames();
    for (var i = 0; i < fs.length; i++) if (fs[i].contentWindow) fs[i].contentWindow.postMessage({ type: 'border-stats:theme', theme: t }, '*');
  }
  w.BorderStats = { version: 1, scan: scan, setTheme: theme };
  scan();
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', scan);
})(window, document);
`;
