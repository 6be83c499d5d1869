import type { PageCard } from './card';
import { pageHeightAt, reserveCss } from './reserve';
import { urls, withParam } from './url';

export type Way = 'iframe' | 'script' | 'amp' | 'picture' | 'png' | 'url';

export const WAYS: ReadonlyArray<{ way: Way; label: string; hint: string }> = [
  {
    way: 'iframe',
    label: 'iframe',
    hint: 'Any page or CMS that allows HTML. With /embed.js on the page it also resizes itself.',
  },
  {
    way: 'script',
    label: 'Script',
    hint: 'A lazy, auto-resizing iframe that reserves its final size, so the page never jumps; data-* attributes are the card options. Prints as an image; shows one without JavaScript.',
  },
  {
    way: 'amp',
    label: 'AMP',
    hint: 'For AMP pages: an amp-iframe that asks AMP to resize it. Add the amp-iframe extension script to the page’s head.',
  },
  { way: 'picture', label: 'Picture (light and dark)', hint: 'A plain image that follows the reader’s colour scheme.' },
  { way: 'png', label: 'PNG for newsletters', hint: 'For email and anything that cannot show SVG.' },
  { way: 'url', label: 'Link (oEmbed)', hint: 'Paste into WordPress or any oEmbed consumer.' },
];

/** HTML attribute escaping people can read in a snippet (`&amp;`, not `&#38;`). */
export const attr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** `data-as-of` style attribute names for the script embed: dataset turns them back into as_of. */
const dataName = (k: string) => `data-${k.replace(/_/g, '-')}`;

/** Copy-ready HTML for every way to embed one card, all absolute URLs on `origin`. */
export function snippets(origin: string, info: PageCard): Record<Way, string> {
  const { series, widget, params, title, desc, width, height } = info;
  const embedUrl = urls.embed(origin, series, widget, params);
  const svg = (theme: string) => urls.card(origin, series, widget, 'svg', withParam(params, 'theme', theme));
  const pngTheme = info.opts.theme === 'dark' ? 'dark' : 'light';
  const png = urls.card(origin, series, widget, 'png', withParam(withParam(params, 'theme', pngTheme), 'scale', '2'));
  const data = [...params].map(([k, v]) => ` ${dataName(k)}="${attr(v)}"`).join('');
  // The page's default height at the card's own width; narrower frames follow reserveCss.
  const frameHeight = Math.ceil(pageHeightAt(info, width));
  const noscriptImg = `<img src="${attr(svg(info.opts.theme === 'dark' ? 'dark' : 'light'))}" alt="${attr(desc)}" width="${width}" height="${height}" style="position:absolute;top:0;left:0;${info.fill ? 'width:100%;' : 'max-width:100%;'}height:auto">`;
  return {
    iframe: `<iframe src="${attr(embedUrl)}" title="${attr(title)}" width="100%" height="${frameHeight}" style="border:0;max-width:${width}px" loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" data-border-stats-frame></iframe>`,
    script: `<div data-border-stats="${series}/${widget}"${data} style="position:relative;padding-top:${reserveCss(info)}"><noscript>${noscriptImg}</noscript></div>\n<script async src="${origin}/embed.js"></script>`,
    amp: `<amp-iframe src="${attr(embedUrl)}" title="${attr(title)}" width="${width}" height="${frameHeight}" layout="responsive" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" frameborder="0" resizable>\n  <amp-img placeholder layout="fill" src="${attr(svg('light'))}" alt="${attr(desc)}"></amp-img>\n  <div overflow tabindex="0" role="button" aria-label="Show the whole chart">Show the whole chart</div>\n</amp-iframe>`,
    picture: `<picture>\n  <source media="(prefers-color-scheme: dark)" srcset="${attr(svg('dark'))}">\n  <img src="${attr(svg('light'))}" alt="${attr(desc)}" width="${width}" height="${height}" style="max-width:100%;height:auto">\n</picture>`,
    png: `<img src="${attr(png)}" alt="${attr(desc)}" width="${width}" height="${height}" style="max-width:100%;height:auto">`,
    url: embedUrl,
  };
}
