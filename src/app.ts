import { Hono, type Context } from 'hono';
import { cacheControl } from './cache/policy';
import { HttpError, StoreError } from './lib/errors';
import { headerSafe, headersFor } from './lib/headers';
import { renderErrorSvg } from './render/error-card';
import { svgToPng } from './render/png';
import { escapeXml } from './render/svg';
import { admin } from './routes/admin';
import { api } from './routes/api';
import { cards } from './routes/cards';
import { embed } from './routes/embed';
import { embedjs } from './routes/embedjs';
import { gallery } from './routes/gallery';
import { oembed } from './routes/oembed';
import type { AppEnv } from './types';

export const app = new Hono<AppEnv>();

app.get(
  '/healthz',
  () => new Response(JSON.stringify({ ok: true }), { headers: headersFor('json', { 'Cache-Control': 'no-store' }) }),
);
app.route('/v1', cards);
app.route('/api/v1', api);
app.route('/api/v1', admin);
app.route('/embed.js', embedjs);
app.route('/embed', embed);
app.route('/oembed', oembed);
app.route('/', gallery);

app.notFound(() => Promise.reject(new HttpError(404, 'Not found', 'No such page.')));

/** Turns any failure into the right kind of error for the URL: an image, a JSON problem or text. */
app.onError(async (err, c) => {
  const e =
    err instanceof HttpError
      ? err
      : err instanceof StoreError
        ? new HttpError(503, 'Data unavailable', 'The stored series could not be read.')
        : new HttpError(503, 'Temporarily unavailable', 'Something went wrong; please try again.');
  // A store failure is expected under KV trouble and answered as 503: one line naming the key. Anything
  // else was not foreseen, and is logged with its stack.
  if (err instanceof StoreError)
    console.warn(`store unavailable for ${c.req.method} ${headerSafe(c.req.path)}: ${err.key}: ${err.message}`);
  else if (!(err instanceof HttpError)) console.error('unhandled', c.req.method, headerSafe(c.req.path), err);
  // Anything that carried a credential or tried to change data is never stored by a cache.
  const personal = c.req.header('Authorization') !== undefined || !['GET', 'HEAD'].includes(c.req.method);
  const extra: Record<string, string> = {
    ...(e.status === 503 ? { 'Retry-After': '10' } : {}),
    ...e.headers,
    'Cache-Control': personal || e.status === 401 || e.status === 429 ? 'no-store' : cacheControl('error'),
    'X-Error': headerSafe(`${e.title}: ${e.detail}`),
  };
  try {
    const image = /^\/v1\/.+\.(svg|png)$/.exec(c.req.path)?.[1] as 'svg' | 'png' | undefined;
    if (image) return await errorImage(c, e, image, extra);
    if (c.req.path === '/' || c.req.path.startsWith('/embed/')) return errorPage(e, extra, c.req.path !== '/');
  } catch (inner) {
    // The error card itself failed (e.g. wasm could not start): a hand-written image still answers.
    console.error('error card failed', inner);
    return new Response(fallbackSvg(e), { status: e.status, headers: headersFor('svg', extra) });
  }
  const problem = { type: 'about:blank', ...e.extra, title: e.title, status: e.status, detail: e.detail };
  return new Response(JSON.stringify(problem), {
    status: e.status,
    headers: headersFor('json', { ...extra, 'Content-Type': 'application/problem+json; charset=utf-8' }),
  });
});

/** Embed pages keep their frame-anywhere policy when they fail; the gallery keeps its same-origin one. */
function errorPage(e: HttpError, extra: Record<string, string>, embedded: boolean): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeXml(e.title)}</title><body><h1>${escapeXml(e.title)}</h1><p>${escapeXml(e.detail)}</p></body></html>`;
  return new Response(html, { status: e.status, headers: headersFor(embedded ? 'embed' : 'html', extra) });
}

function fallbackSvg(e: HttpError): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="160" viewBox="0 0 640 160" role="img">` +
    `<title>${escapeXml(`${e.status} ${e.title}`)}</title><rect width="640" height="160" fill="#ffffff"/>` +
    `<text x="16" y="40" font-family="sans-serif" font-size="16" fill="#1a1a1a">${escapeXml(e.title)}</text></svg>`
  );
}

async function errorImage(c: Context<AppEnv>, e: HttpError, kind: 'svg' | 'png', extra: Record<string, string>) {
  const q = new URL(c.req.url).searchParams;
  const lang = q.get('lang') === 'es' ? 'es' : 'en';
  const theme = q.get('theme') === 'dark' ? 'dark' : q.get('theme') === 'auto' && kind === 'svg' ? 'auto' : 'light';
  const w = Number(q.get('width'));
  const width = Number.isInteger(w) && w >= 320 && w <= 1200 ? w : 640;
  const text = kind === 'png' ? 'paths' : 'fonts';
  const card = await renderErrorSvg({ status: e.status, title: e.title, detail: e.detail, lang, theme, width, text });
  if (kind === 'svg') return new Response(card.svg, { status: e.status, headers: headersFor('svg', extra) });
  try {
    const png = await svgToPng(card.svg, card.width);
    return new Response(png, { status: e.status, headers: headersFor('png', extra) });
  } catch {
    return new Response(card.svg, { status: e.status, headers: headersFor('svg', extra) });
  }
}
