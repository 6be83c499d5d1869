/** @jsxImportSource hono/jsx */
import { widgets } from '../../widgets';
import { headerSafe } from '../lib/headers';
import type { CardInfo } from './load';
import { optionKeys, urls, withParam } from './url';

/** The 1200×630 PNG social sites show: the `social` widget when there is one, else `trend`. */
export function shareImage(origin: string, info: CardInfo): string {
  const name = Object.hasOwn(widgets, 'social') ? 'social' : 'trend';
  const keys = optionKeys(widgets[name]).filter((k) => k !== 'width' && k !== 'theme');
  const p = new URLSearchParams();
  for (const [k, v] of info.params) if (keys.includes(k)) p.set(k, v);
  if (info.opts.theme === 'dark') p.set('theme', 'dark');
  p.set('size', 'og');
  return urls.card(origin, info.series, name, 'png', p);
}

/** oEmbed discovery for `pageUrl`, as <link> elements. */
export function Discovery({ origin, pageUrl, title }: { origin: string; pageUrl: string; title: string }) {
  return (
    <>
      <link rel="alternate" type="application/json+oembed" href={urls.oembed(origin, pageUrl, 'json')} title={title} />
      <link rel="alternate" type="text/xml+oembed" href={urls.oembed(origin, pageUrl, 'xml')} title={title} />
    </>
  );
}

/** The same discovery as an HTTP `Link` header (RFC 8288), for consumers that read headers only. */
export function discoveryHeader(origin: string, pageUrl: string, title: string): string {
  const t = headerSafe(title).replace(/"/g, "'");
  return (['json', 'xml'] as const)
    .map(
      (f) =>
        `<${urls.oembed(origin, pageUrl, f)}>; rel="alternate"; type="${f === 'json' ? 'application/json' : 'text/xml'}+oembed"; title="${t}"`,
    )
    .join(', ');
}

/** Open Graph and Twitter Card tags, so a shared link previews as the real chart. */
export function Social({
  origin,
  info,
  pageUrl,
  site,
}: {
  origin: string;
  info: CardInfo;
  pageUrl: string;
  site: string;
}) {
  const image = shareImage(origin, info);
  return (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={site} />
      <meta property="og:title" content={info.title} />
      <meta property="og:description" content={info.desc} />
      <meta property="og:url" content={pageUrl} />
      <meta property="og:image" content={image} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content="1200" />
      <meta property="og:image:height" content="630" />
      <meta property="og:image:alt" content={info.desc} />
      <meta property="og:locale" content={info.opts.lang === 'es' ? 'es_US' : 'en_US'} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={info.title} />
      <meta name="twitter:description" content={info.desc} />
      <meta name="twitter:image" content={image} />
      <meta name="twitter:image:alt" content={info.desc} />
    </>
  );
}

/** The page URL a reader would share: our embed URL with the card options, without the frame `id`. */
export const canonicalEmbed = (origin: string, info: CardInfo): string =>
  urls.embed(origin, info.series, info.widget, withParam(info.params, 'id', null));
