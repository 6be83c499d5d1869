import { strings } from '../lib/i18n';
import { HttpError } from '../lib/errors';
import { computeFacts, cutAt } from '../series/facts';
import type { StoredSeries } from '../series/schema';
import type { CardOptions } from './options';
import { renderSvg, type TextMode } from './svg';
import { palette } from './theme';
import type { Widget } from './widget';

export interface RenderedCard {
  svg: string;
  width: number;
  height: number;
  title: string;
  desc: string;
}

/**
 * Series + widget + options → finished SVG. `auto` renders the light palette and lets the SVG's
 * own CSS switch to dark; PNG callers pass an explicit theme because resvg ignores media queries.
 */
export async function renderCard(
  widget: Widget<CardOptions>,
  stored: StoredSeries,
  opts: CardOptions,
  brand: string,
  theme: 'light' | 'dark' | 'auto' = opts.theme,
  frame?: { width: number; height: number },
  /** `paths` for a card that becomes a PNG (resvg has no fonts); see `TextMode`. */
  text: TextMode = widget.svgText ?? 'fonts',
): Promise<RenderedCard> {
  const points = cutAt(stored.series.points, opts.as_of);
  if (points.length === 0) {
    throw new HttpError(
      404,
      'No data for that month',
      `"${stored.series.id}" starts in ${stored.series.points[0]!.period}; as_of=${opts.as_of} is earlier.`,
    );
  }
  const lang = opts.lang;
  const p = palette(theme === 'dark' ? 'dark' : 'light', opts.accent);
  const r = widget.render(
    { stored, points, facts: computeFacts(points), opts, lang, t: strings[lang], brand, frame },
    p,
  );
  const svg = await renderSvg(
    r.element,
    { width: r.width, height: r.height },
    {
      title: r.title,
      desc: r.desc,
      lang,
      theme,
      autoLight: p,
      autoDark: palette('dark', opts.accent),
    },
    text,
  );
  return { svg, width: r.width, height: r.height, title: r.title, desc: r.desc };
}
