import { CACHE_TABLE } from '../cache/policy';
import { fmt } from '../lib/i18n';
import { escapeXml } from '../render/svg';
import type { CardInfo } from './load';
import { describeCard } from './load';
import { shareImage } from './meta';
import { attr } from './snippets';
import { pageStrings } from './text';
import { urls, withParam } from './url';
import { widgets } from '../../widgets';

/** What consumers may cache a response for: the same hour as our own Cache-Control. */
export const OEMBED_CACHE_AGE = CACHE_TABLE.oembed.maxAge;
const MIN_W = 320;
const MAX_W = 1200;

/**
 * Height of the embed page's text line under the card (13 px type, ~6.4 px a character, 19 px a
 * line, 10 px padding): an estimate only; the page reports its real height once it loads.
 */
function metaHeight(info: CardInfo, width: number): number {
  const s = pageStrings[info.opts.lang];
  const src = info.stored.series.source;
  const chars =
    `${s.source}: ${src.name}, ${src.release}. ${s.asOf} ${fmt.monthLong(info.opts.lang, info.latest.period)}. ${s.getData}`
      .length;
  return 10 + 19 * Math.ceil((chars * 6.4) / Math.max(1, width - 4));
}

/** Frame size for a card at `width`, the card drawn at that width (compact layout when narrow). */
function frameSize(info: CardInfo, width: number, brand: string): { width: number; height: number; cardWidth: number } {
  const cardWidth = Math.min(MAX_W, Math.max(MIN_W, width));
  const card = describeCard(widgets[info.widget]!, info.stored, { ...info.opts, width: cardWidth }, brand);
  return { width, height: Math.round((card.height * width) / card.width) + metaHeight(info, width), cardWidth };
}

/** oEmbed 1.0 `rich` response; width and height never exceed `maxwidth`/`maxheight` (spec §2.2). */
export function oembedResponse(
  origin: string,
  info: CardInfo,
  brand: string,
  max: { maxwidth?: number; maxheight?: number },
): Record<string, string | number> {
  let width = Math.min(Math.min(MAX_W, Math.max(MIN_W, info.opts.width)), max.maxwidth ?? MAX_W);
  let size = frameSize(info, width, brand);
  if (max.maxheight && size.height > max.maxheight) {
    const meta = metaHeight(info, width);
    width = Math.min(width, Math.max(MIN_W, Math.floor((width * (max.maxheight - meta)) / (size.height - meta))));
    size = frameSize(info, width, brand);
  }
  const height = Math.min(size.height, max.maxheight ?? Infinity);
  const params =
    size.cardWidth !== info.opts.width ? withParam(info.params, 'width', String(size.cardWidth)) : info.params;
  const src = urls.embed(origin, info.series, info.widget, withParam(params, 'id', null));
  const source = info.stored.series.source;
  return {
    type: 'rich',
    version: '1.0',
    title: info.title,
    author_name: source.name,
    author_url: source.url,
    provider_name: brand,
    provider_url: `${origin}/`,
    cache_age: OEMBED_CACHE_AGE,
    thumbnail_url: shareImage(origin, info),
    thumbnail_width: 1200,
    thumbnail_height: 630,
    html: `<iframe src="${attr(src)}" width="${width}" height="${height}" frameborder="0" scrolling="no" title="${attr(info.title)}"></iframe>`,
    width,
    height,
  };
}

export function oembedXml(o: Record<string, string | number>): string {
  const fields = Object.entries(o)
    .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>${fields}</oembed>\n`;
}
