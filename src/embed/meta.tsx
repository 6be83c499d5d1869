/** @jsxImportSource hono/jsx */
import type { Registry } from '../card';
import { headerSafe } from '../http/headers';
import { PNG_SIZES } from '../limits';
import type { PageCard } from './card';
import { urls, withParam } from './url';

/** The 1200×630 PNG social sites show: the `social` widget when there is one, else the card's own. */
export function shareImage(origin: string, info: PageCard, registry: Registry): string {
  const name = registry.get('social') ? 'social' : info.widget;
  const keys = [...registry.optionKeys(name).filter((k) => k !== 'width' && k !== 'theme'), 'v'];
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
export function Social({ image, info, pageUrl }: { image: string; info: PageCard; pageUrl: string }) {
  return (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={info.brand} />
      <meta property="og:title" content={info.title} />
      <meta property="og:description" content={info.desc} />
      <meta property="og:url" content={pageUrl} />
      <meta property="og:image" content={image} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content={String(PNG_SIZES.og[0])} />
      <meta property="og:image:height" content={String(PNG_SIZES.og[1])} />
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
export const canonicalEmbed = (origin: string, info: PageCard): string =>
  urls.embed(origin, info.series, info.widget, withParam(info.params, 'id', null));
