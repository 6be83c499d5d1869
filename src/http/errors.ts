import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { cacheControl } from '../cache/policy';
import {
  Conflict,
  DomainError,
  HttpRefusal,
  Invalid,
  NotFound,
  PreconditionFailed,
  TooLarge,
  Unavailable,
  Unprocessable,
} from '../errors';
import { WIDTH } from '../limits';
import { afterResponse, lookup, store } from '../cache/edge';
import { EDGE_TTL, RENDERER_VERSION } from '../cache/key';
import { errorPng, errorSvg } from '../render/error-card';
import { escapeXml } from '../render/xml';
import { StoreUnavailable } from '../series/store';
import type { AppEnv, Surface } from '../types';
import { headerSafe, headersFor } from './headers';

/** What any failure becomes before it is answered. */
interface Problem {
  status: number;
  title: string;
  detail: string;
  headers: Record<string, string>;
  extra: Record<string, unknown>;
}

/** The one table: domain error class → HTTP status. Order matters: subclasses before their parents. */
const STATUS: ReadonlyArray<readonly [abstract new (...a: never[]) => DomainError, number]> = [
  [TooLarge, 413],
  [Unprocessable, 422],
  [Invalid, 400],
  [NotFound, 404],
  [PreconditionFailed, 412],
  [Conflict, 409],
  [Unavailable, 503],
];

function toProblem(err: unknown): Problem {
  if (err instanceof DomainError) {
    const status = STATUS.find(([cls]) => err instanceof cls)?.[1] ?? 500;
    const headers: Record<string, string> = status === 503 ? { 'Retry-After': '10' } : {};
    return { status, title: err.title, detail: err.detail, headers, extra: err.extra };
  }
  if (err instanceof HttpRefusal)
    return { status: err.status, title: err.title, detail: err.detail, headers: err.headers, extra: {} };
  if (err instanceof HTTPException)
    return { status: err.status, title: err.message || 'Request refused', detail: err.message, headers: {}, extra: {} };
  return {
    status: 503,
    title: 'Temporarily unavailable',
    detail: 'Something went wrong; please try again.',
    headers: { 'Retry-After': '10' },
    extra: {},
  };
}

/**
 * Turns any failure into the answer its surface gives: an error card for images (still an image,
 * never a broken one), a JSON problem (RFC 9457) for the API, a small page for pages, and a bare
 * status for oEmbed, as its spec says. A store failure is expected under KV trouble: one line naming
 * the key. Anything unforeseen is logged with its stack.
 */
export async function answerError(err: unknown, c: Context<AppEnv>): Promise<Response> {
  const p = toProblem(err);
  if (err instanceof StoreUnavailable)
    console.warn(`store unavailable for ${c.req.method} ${headerSafe(c.req.path)}: ${err.key}: ${err.reason}`);
  else if (!(err instanceof DomainError) && !(err instanceof HTTPException))
    console.error('unhandled', c.req.method, headerSafe(c.req.path), err);
  // Anything that carried a credential or tried to change data is never stored by a cache.
  const personal = c.req.header('Authorization') !== undefined || !['GET', 'HEAD'].includes(c.req.method);
  const headers: Record<string, string> = {
    ...p.headers,
    'Cache-Control': personal || p.status === 401 || p.status === 429 ? 'no-store' : cacheControl('error'),
    'X-Error': headerSafe(`${p.title}: ${p.detail}`),
  };
  const surface: Surface = c.get('surface') ?? 'api';
  if (surface === 'oembed')
    return new Response(null, {
      status: p.status,
      headers: headersFor('text', { ...headers, 'Access-Control-Allow-Origin': '*' }),
    });
  if (surface === 'page') return errorPage(p, headers, !c.req.path.startsWith('/embed/'));
  if (surface === 'image') {
    const kind = c.req.path.endsWith('.png') ? 'png' : 'svg';
    try {
      return await errorImage(c, p, kind, headers);
    } catch (inner) {
      // The error PNG could not be drawn (e.g. wasm could not start): a hand-written image still answers.
      console.error('error card failed', inner);
      return new Response(fallbackSvg(p), { status: p.status, headers: headersFor('svg', headers) });
    }
  }
  const problem = { type: 'about:blank', ...p.extra, title: p.title, status: p.status, detail: p.detail };
  return new Response(JSON.stringify(problem), {
    status: p.status,
    headers: headersFor('json', { ...headers, 'Content-Type': 'application/problem+json; charset=utf-8' }),
  });
}

/** Embed pages keep their frame-anywhere policy when they fail; the gallery keeps its same-origin one. */
function errorPage(p: Problem, headers: Record<string, string>, gallery: boolean): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeXml(p.title)}</title><body><h1>${escapeXml(p.title)}</h1><p>${escapeXml(p.detail)}</p></body></html>`;
  return new Response(html, { status: p.status, headers: headersFor(gallery ? 'html' : 'embed', headers) });
}

function fallbackSvg(p: Problem): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="160" viewBox="0 0 640 160" role="img">` +
    `<title>${escapeXml(`${p.status} ${p.title}`)}</title><rect width="640" height="160" fill="#ffffff"/>` +
    `<text x="16" y="40" font-family="sans-serif" font-size="16" fill="#1a1a1a">${escapeXml(p.title)}</text></svg>`
  );
}

async function errorImage(c: Context<AppEnv>, p: Problem, kind: 'svg' | 'png', headers: Record<string, string>) {
  const url = new URL(c.req.url);
  const q = url.searchParams;
  const lang = q.get('lang') === 'es' ? 'es' : 'en';
  const theme = q.get('theme') === 'dark' ? 'dark' : q.get('theme') === 'auto' && kind === 'svg' ? 'auto' : 'light';
  const w = Number(q.get('width'));
  const width = Number.isInteger(w) && w >= WIDTH.min && w <= WIDTH.max ? w : WIDTH.default;
  if (kind === 'svg') {
    const svg = errorSvg({ status: p.status, title: p.title, detail: p.detail, lang, theme, width });
    return new Response(svg, { status: p.status, headers: headersFor('svg', headers) });
  }
  // A PNG error is one of a small set, drawn once and then served from the cache.
  const cls = width < WIDTH.compactBelow ? WIDTH.min : width <= 900 ? WIDTH.default : WIDTH.max;
  const pngTheme = theme === 'dark' ? 'dark' : 'light';
  const key = `${url.origin}/__cache/error/${RENDERER_VERSION}/${p.status}-${lang}-${pngTheme}-${cls}.png`;
  const hit = await lookup(key);
  if (hit)
    return new Response(hit.body, { status: p.status, headers: headersFor('png', { ...headers, 'X-Cache': 'HIT' }) });
  const png = await errorPng(p.status, lang, pngTheme, cls);
  await afterResponse(c, store(key, png, '', EDGE_TTL));
  return new Response(png, { status: p.status, headers: headersFor('png', { ...headers, 'X-Cache': 'MISS' }) });
}
