import { copy } from '../copy';
import { PNG_SIZES } from '../limits';
import type { CardModel, WidgetInput } from '../kit/widget';
import { svgToPng } from '../render/png';
import { toSvg } from '../render/draw';
import { palette } from '../render/theme';
import { cardEvents, cardSeries, type LoadedCard } from './load';

/** Layout overrides a page asks for: the compact width for narrow frames, a fixed PNG canvas. */
interface At {
  width?: number;
  frame?: { width: number; height: number };
}

function input(card: LoadedCard, brand: string, at: At): WidgetInput {
  const { spec } = card;
  const opts = at.width === undefined ? spec.opts : { ...spec.opts, width: at.width };
  const series = card.stored.map((s) => cardSeries(s, spec));
  const context = card.context.map((s) => cardSeries(s, spec));
  const lang = opts.lang;
  return {
    s: series[0]!,
    series,
    context,
    events: cardEvents(card.events, lang),
    opts,
    lang,
    t: copy[lang],
    brand,
    ...(at.frame ? { frame: at.frame } : {}),
  };
}

/**
 * The card's words, size and table: the widget's pure model, no drawing. Pages, oEmbed and the
 * gallery stop here; images go on to `cardBytes`.
 */
export function cardModel(card: LoadedCard, brand: string, at: At = {}): CardModel {
  return card.spec.widget.model(input(card, brand, at));
}

/**
 * Model → view → bytes. `auto` SVGs are drawn in the light palette and carry CSS that switches them
 * to dark; PNGs draw an explicit theme (resvg ignores media queries). The same SVG, glyph outlines
 * and all, is what resvg rasterises for a PNG.
 */
export async function cardBytes(card: LoadedCard, brand: string): Promise<string | Uint8Array> {
  const { spec } = card;
  const { widget, opts, output } = spec;
  const frame =
    output.kind === 'png' && output.size
      ? { width: PNG_SIZES[output.size][0], height: PNG_SIZES[output.size][1] }
      : undefined;
  const model = widget.model(input(card, brand, frame ? { frame } : {}));
  const png = output.kind === 'png';
  const theme = png ? (opts.theme === 'dark' ? 'dark' : 'light') : opts.theme;
  const p = palette(theme === 'dark' ? 'dark' : 'light', opts.accent);
  const svg = toSvg(
    widget.view(model, p),
    { width: model.width, height: model.height },
    {
      title: model.title,
      desc: model.desc,
      lang: opts.lang,
      theme,
      autoLight: p,
      autoDark: palette('dark', opts.accent),
    },
  );
  return png ? svgToPng(svg, model.width * output.scale) : svg;
}
