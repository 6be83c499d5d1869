// A third-party page on another origin that embeds the service every way the README offers,
// plus an iframe sandboxed and sized the way WordPress does it.
import { createServer } from 'node:http';

const WP_SECRET = 'abc123XYZ0';

/** @param {string} svc the service origin, e.g. http://127.0.0.1:8810 */
function hostHtml(svc) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A newsroom story page</title>
<style>
  body { margin: 0 auto; max-width: 760px; padding: 8px; font: 16px/1.5 Georgia, serif; }
  iframe { display: block; width: 100%; border: 0; }
  img { display: block; max-width: 100%; height: auto; }
  section { margin: 24px 0; }
</style>
</head>
<body>
<h1>Story with border charts</h1>

<section id="s-iframe"><h2>Iframe embed</h2>
<iframe id="plain" title="Southwest border encounters" height="300" src="${svc}/embed/sw-total/trend"></iframe>
</section>

<section id="s-script"><h2>Script embed</h2>
<div data-border-stats="sw-usbp/trend" data-theme="auto"></div>
</section>

<section id="s-img"><h2>SVG image</h2>
<img id="svg" alt="Southwest border encounters by month" src="${svc}/v1/sw-total/trend.svg?theme=auto">
</section>

<section id="s-picture"><h2>PNG picture</h2>
<picture>
  <source media="(prefers-color-scheme: dark)" srcset="${svc}/v1/sw-total/trend.png?theme=dark&amp;scale=2">
  <source media="(prefers-color-scheme: light)" srcset="${svc}/v1/sw-total/trend.png?theme=light&amp;scale=2">
  <img id="png" alt="Southwest border encounters by month" src="${svc}/v1/sw-total/trend.png?scale=2">
</picture>
</section>

<section id="s-wp"><h2>WordPress-style embed</h2>
<iframe id="wp" class="wp-embedded-content" sandbox="allow-scripts" security="restricted"
  style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"
  title="Ports of entry encounters" data-secret="${WP_SECRET}"
  src="${svc}/embed/sw-ofo/trend#?secret=${WP_SECRET}"></iframe>
</section>

<script>
// The host's own listener for the plain iframe: the documented height message, matched by source.
addEventListener('message', function (e) {
  var d = e.data, f = document.getElementById('plain');
  if (d && d.type === 'border-stats:height' && e.source === f.contentWindow && d.height > 0) f.style.height = d.height + 'px';
});
// What wp-embed.js does: the frame stays hidden until it sends a height message with its
// secret from its own window; the height is clamped to 200..1000. On load it says 'ready'.
addEventListener('message', function (e) {
  var d = e.data;
  if (!d || !d.secret || !d.message) return;
  document.querySelectorAll('iframe[data-secret="' + d.secret + '"]').forEach(function (f) {
    if (e.source !== f.contentWindow || d.message !== 'height') return;
    f.removeAttribute('style');
    var h = parseInt(d.value, 10);
    if (h > 1000) h = 1000; else if (~~h < 200) h = 200;
    f.height = h;
    f.dataset.wpMessages = String(Number(f.dataset.wpMessages || 0) + 1);
  });
});
addEventListener('load', function () {
  document.querySelectorAll('iframe.wp-embedded-content[data-secret]').forEach(function (f) {
    f.contentWindow.postMessage({ message: 'ready', secret: f.getAttribute('data-secret') }, '*');
  });
});
</script>
<!-- Included twice, as CMS templates often do: the second copy must change nothing. -->
<script async src="${svc}/embed.js"></script>
<script async src="${svc}/embed.js"></script>
</body>
</html>`;
}

/** @returns {Promise<{ origin: string, stop: () => Promise<void> }>} */
export function startHost({ port, service }) {
  const html = hostHtml(service);
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
    } else if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${port}`,
        stop: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}
