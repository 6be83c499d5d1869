import { CACHE_TABLE } from '../cache/policy';
import { cardModel } from '../card';
import { copy, fmt } from '../copy';
import { PNG_SIZES, WIDTH } from '../limits';
import { escapeXml } from '../render/xml';
import type { PageCard } from './card';
import { attr } from './snippets';
import { urls, withParam } from './url';

/** What consumers may cache a response for: the same hour as our own Cache-Control. */
const OEMBED_CACHE_AGE = CACHE_TABLE.oembed.maxAge;
const MIN_W = WIDTH.min;
const MAX_W = WIDTH.max;

/**
 * Height of the embed page's text line under the card (13 px type, ~6.4 px a character, 19 px a
 * line, 10 px padding): an estimate only; the page reports its real height once it loads.
 */
function metaHeight(info: PageCard, width: number): number {
  const t = copy[info.opts.lang];
  const src = info.stored.series.source;
  const chars =
    `${t.source}: ${src.name}, ${src.release}. ${t.asOf} ${fmt.monthLong(info.opts.lang, info.latest.period)}. ${t.getData}`
      .length;
  return 10 + 19 * Math.ceil((chars * 6.4) / Math.max(1, width - 4));
}

/** Frame size for a card at `width`, the card drawn at that width (compact layout when narrow). */
function frameSize(info: PageCard, width: number): { width: number; height: number; cardWidth: number } {
  const cardWidth = Math.min(MAX_W, Math.max(MIN_W, width));
  const card = cardModel(info.card, info.brand, { width: cardWidth });
  return { width, height: Math.round((card.height * width) / card.width) + metaHeight(info, width), cardWidth };
}

/** oEmbed 1.0 `rich` response; width and height never exceed `maxwidth`/`maxheight` (spec §2.2). */
export function oembedResponse(
  origin: string,
  info: PageCard,
  thumbnail: string,
  max: { maxwidth?: number; maxheight?: number },
): Record<string, string | number> {
  let width = Math.min(Math.min(MAX_W, Math.max(MIN_W, info.opts.width)), max.maxwidth ?? MAX_W);
  let size = frameSize(info, width);
  if (max.maxheight && size.height > max.maxheight) {
    const meta = metaHeight(info, width);
    width = Math.min(width, Math.max(MIN_W, Math.floor((width * (max.maxheight - meta)) / (size.height - meta))));
    size = frameSize(info, width);
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
    provider_name: info.brand,
    provider_url: `${origin}/`,
    cache_age: OEMBED_CACHE_AGE,
    thumbnail_url: thumbnail,
    thumbnail_width: PNG_SIZES.og[0],
    thumbnail_height: PNG_SIZES.og[1],
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
