import type { PageCard } from './card';
import { urls, withParam } from './url';

export type Way = 'iframe' | 'script' | 'picture' | 'png' | 'url';

export const WAYS: ReadonlyArray<{ way: Way; label: string; hint: string }> = [
  {
    way: 'iframe',
    label: 'iframe',
    hint: 'Any page or CMS that allows HTML. With /embed.js on the page it also resizes itself.',
  },
  { way: 'script', label: 'Script', hint: 'A lazy, auto-resizing iframe; data-* attributes are the card options.' },
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
  const frameHeight = height + 48;
  return {
    iframe: `<iframe src="${attr(embedUrl)}" title="${attr(title)}" width="100%" height="${frameHeight}" style="border:0;max-width:${width}px" loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" data-border-stats-frame></iframe>`,
    script: `<div data-border-stats="${series}/${widget}"${data}></div>\n<script async src="${origin}/embed.js"></script>`,
    picture: `<picture>\n  <source media="(prefers-color-scheme: dark)" srcset="${attr(svg('dark'))}">\n  <img src="${attr(svg('light'))}" alt="${attr(desc)}" width="${width}" height="${height}" style="max-width:100%;height:auto">\n</picture>`,
    png: `<img src="${attr(png)}" alt="${attr(desc)}" width="${width}" height="${height}" style="max-width:100%;height:auto">`,
    url: embedUrl,
  };
}
