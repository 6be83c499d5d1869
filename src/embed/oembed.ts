import { CACHE_TABLE } from '../cache/policy';
import { cardModel } from '../card';
import { PNG_SIZES, WIDTH } from '../limits';
import { escapeXml } from '../render/xml';
import type { PageCard } from './card';
import { BAR_HEIGHT } from './reserve';
import { attr } from './snippets';
import { urls, withParam } from './url';

/** What consumers may cache a response for: the same hour as our own Cache-Control. */
const OEMBED_CACHE_AGE = CACHE_TABLE.oembed.maxAge;
const MIN_W = WIDTH.min;
const MAX_W = WIDTH.max;

/** Frame size for a card at `width`, the card drawn at that width (compact layout when narrow). */
function frameSize(info: PageCard, width: number): { width: number; height: number; cardWidth: number } {
  const cardWidth = Math.min(MAX_W, Math.max(MIN_W, width));
  const card = cardModel(info.card, info.brand, { width: cardWidth });
  // As the page draws it: scaled to the frame, or (a badge) at its own size when it is smaller.
  const shown = card.width >= MIN_W ? width : Math.min(width, card.width);
  return { width, height: Math.round((card.height * shown) / card.width) + BAR_HEIGHT, cardWidth };
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
    const bar = BAR_HEIGHT;
    width = Math.min(width, Math.max(MIN_W, Math.floor((width * (max.maxheight - bar)) / (size.height - bar))));
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
