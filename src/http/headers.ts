/**
 * The one place response headers are decided, per kind of output. Image and embed routes must be
 * embeddable from any site; everything else keeps the strict defaults.
 */
export type OutputKind = 'svg' | 'png' | 'json' | 'csv' | 'atom' | 'html' | 'embed' | 'script' | 'text' | 'admin';

const base: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

const byKind: Record<OutputKind, Record<string, string>> = {
  svg: {
    'Content-Type': 'image/svg+xml; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Access-Control-Allow-Origin': '*',
  },
  png: {
    'Content-Type': 'image/png',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Access-Control-Allow-Origin': '*',
  },
  json: {
    'Content-Type': 'application/json; charset=utf-8',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  },
  csv: {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  },
  atom: {
    'Content-Type': 'application/atom+xml; charset=utf-8',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  },
  html: {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy':
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
    'X-Frame-Options': 'SAMEORIGIN',
  },
  embed: {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy':
      "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'none'; frame-ancestors *; base-uri 'none'; form-action 'none'",
    'Cross-Origin-Resource-Policy': 'cross-origin',
  },
  script: {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  },
  text: { 'Content-Type': 'text/plain; charset=utf-8' },
  admin: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
};

/**
 * CORS preflight for the public GET resources (cards, oEmbed, the script): a page that draws a card
 * on a canvas, or reads oEmbed from script, asks first.
 */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...base,
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'If-None-Match, Accept',
      'Access-Control-Max-Age': '86400',
    },
  });
}

export function headersFor(kind: OutputKind, extra: Record<string, string> = {}): Headers {
  return new Headers({ ...base, ...byKind[kind], ...extra });
}

/** Header values must be ASCII without control characters. */
export function headerSafe(s: string, max = 200): string {
  return s.replace(/[^\x20-\x7e]/g, '?').slice(0, max);
}
