import { Hono } from 'hono';
import { z } from 'zod';
import { HttpError, describeIssues, notFoundSeries } from '../lib/errors';
import { headersFor } from '../lib/headers';
import { queryObject } from '../lib/query';
import { renderCard } from '../render/card';
import { intParam } from '../render/options';
import { svgToPng } from '../render/png';
import { SeriesId } from '../series/schema';
import { readSeries } from '../series/store';
import { widgets } from '../../widgets';
import type { AppEnv } from '../types';

/** PNG-only options: pixel density and fixed social sizes. */
const PngOptions = z.object({
  scale: intParam(1, 3).default(1),
  size: z.enum(['og', 'x', 'square']).optional(),
});
export const PNG_SIZES = { og: [1200, 630], x: [1200, 600], square: [1080, 1080] } as const;

export const cards = new Hono<AppEnv>();

cards.get('/:series/:file{[a-z0-9-]+\\.(?:svg|png)}', async (c) => {
  const file = c.req.param('file');
  const dot = file.lastIndexOf('.');
  const name = file.slice(0, dot);
  const ext = file.slice(dot + 1) as 'svg' | 'png';
  const id = SeriesId.safeParse(c.req.param('series'));
  if (!id.success) throw new HttpError(400, 'Invalid series id', describeIssues(id.error.issues));
  const widget = widgets[name];
  if (!widget)
    throw new HttpError(
      404,
      'Unknown widget',
      `There is no widget "${name}". Try: ${Object.keys(widgets).join(', ')}.`,
    );

  const query = queryObject(new URL(c.req.url));
  const parsed = widget.schema.safeParse(query);
  if (!parsed.success) throw new HttpError(400, 'Invalid option', describeIssues(parsed.error.issues));
  const opts = parsed.data;

  const stored = await readSeries(c.env.SERIES, id.data, { cached: true });
  if (!stored) throw notFoundSeries(id.data);

  if (ext === 'svg') {
    const card = await renderCard(widget, stored, opts, c.env.SERVICE_NAME);
    return new Response(card.svg, { headers: headersFor('svg', { ETag: `"${stored.version}"` }) });
  }
  const png = PngOptions.safeParse(query);
  if (!png.success) throw new HttpError(400, 'Invalid option', describeIssues(png.error.issues));
  const size = png.data.size ? PNG_SIZES[png.data.size] : undefined;
  const card = await renderCard(
    widget,
    stored,
    opts,
    c.env.SERVICE_NAME,
    opts.theme === 'dark' ? 'dark' : 'light',
    size ? { width: size[0], height: size[1] } : undefined,
  );
  const bytes = await svgToPng(card.svg, card.width * png.data.scale);
  return new Response(bytes, { headers: headersFor('png', { ETag: `"${stored.version}"` }) });
});
