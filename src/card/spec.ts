import { z } from 'zod';
import { Invalid, NotFound, describeIssues } from '../errors';
import type { Widget } from '../kit/widget';
import { PNG_SCALE, PNG_SIZES, type PngSize } from '../limits';
import { SeriesId, VersionId } from '../series/schema';
import { intParam, type CardOptions } from './options';
import type { Registry } from './registry';

/** What the caller wants back: image bytes, or only the card's words and size (pages, oEmbed, gallery). */
export type Output = { kind: 'svg' } | { kind: 'png'; scale: number; size?: PngSize } | { kind: 'model' };

/** One card, fully described by its request: parsed once, then loaded, modelled and drawn. */
export interface CardSpec {
  widget: Widget;
  /** The path's series first, then any the widget reads besides (a comparison's `with=`). */
  series: string[];
  opts: CardOptions;
  /**
   * The card's options in their one canonical spelling (schema order, defaults left out, colours as
   * `aabbcc`), then the pin: every URL we build from a card uses them, and an image URL spelled any
   * other way is redirected here (Cloudflare's cache keys on the full URL).
   */
  params: URLSearchParams;
  /** `v=<version>`: render one stored version of the path's series; such bytes never change. */
  pin?: string;
  output: Output;
  /**
   * Series read when they exist, for computed caveats rather than drawn: a total or component's
   * two components (Border Patrol, ports of entry), for the note when they moved apart.
   */
  context: string[];
  /** Whether the card reads the policy-events document (it shows or names events). */
  events: boolean;
  /**
   * A breakdown widget's dimension. Its members are not known from the URL: the loader finds them
   * in the catalog and appends them to `series` (so versions, cache key and tags cover them).
   */
  family?: string;
}

/** `sw-total`, `sw-usbp`, `nw-ofo`…: a total or one of its two components (ids per the README). */
const COMPONENT_FAMILY = /^([a-z]+)-(total|usbp|ofo)$/;

/** The components a card of `id` compares for the component-shift note. */
function componentContext(id: string, series: readonly string[]): string[] {
  const m = COMPONENT_FAMILY.exec(id);
  if (!m) return [];
  return [`${m[1]}-usbp`, `${m[1]}-ofo`].filter((c) => !series.includes(c));
}

const PngOptions = z.object({
  scale: intParam(PNG_SCALE.min, PNG_SCALE.max).default(PNG_SCALE.min),
  size: z.enum(Object.keys(PNG_SIZES) as [PngSize, ...PngSize[]]).optional(),
});

const invalidOption = (issues: z.core.$ZodIssue[]): Invalid => new Invalid('Invalid option', describeIssues(issues));

/** 400 for an id that can never name a series (so every surface classifies it the same way). */
export function parseSeriesId(raw: string): string {
  const id = SeriesId.safeParse(raw);
  if (!id.success) throw new Invalid('Invalid series id', describeIssues(id.error.issues));
  return id.data;
}

export function parseVersionId(raw: string): string {
  const v = VersionId.safeParse(raw);
  if (!v.success) throw new Invalid('Invalid version', describeIssues(v.error.issues));
  return v.data;
}

function findWidget(registry: Registry, name: string): Widget {
  const w = registry.get(name);
  if (!w)
    throw new NotFound(
      'Unknown widget',
      `There is no widget "${name.slice(0, 40)}". Try: ${registry.names.join(', ')}.`,
    );
  return w;
}

/**
 * A request (path parts and its query, already through the query rules) → a card spec, checked
 * in the order a reader would fix things: the series id's form (400), the widget (404), the
 * options (400), the pin (400). Whether the series and version exist is the loader's to say (404).
 */
export function cardSpec(
  registry: Registry,
  req: { series: string; widget: string; query: Readonly<Record<string, string>>; output: Output['kind'] },
): CardSpec {
  const id = parseSeriesId(req.series);
  const widget = findWidget(registry, req.widget);
  const keys = registry.optionKeys(widget.name);
  const given: Record<string, string> = {};
  for (const k of keys) if (Object.hasOwn(req.query, k)) given[k] = req.query[k]!;
  const parsed = widget.schema.safeParse(given);
  if (!parsed.success) throw invalidOption(parsed.error.issues);
  const opts = parsed.data;
  const pin = req.query.v === undefined ? undefined : parseVersionId(req.query.v);
  const params = canonical(opts, keys, registry.defaults(widget.name));
  // A pin travels with the options into every URL built from them (image, page, share image).
  if (pin) params.set('v', pin);
  let output: Output = { kind: req.output } as Output;
  if (req.output === 'png') {
    const png = PngOptions.safeParse(req.query);
    if (!png.success) throw invalidOption(png.error.issues);
    output = { kind: 'png', scale: png.data.scale, ...(png.data.size ? { size: png.data.size } : {}) };
  }
  const others = (widget.reads?.(opts) ?? []).filter((s) => s !== id);
  const series = [id, ...new Set(others)];
  const family = widget.family?.(opts);
  return {
    widget,
    series,
    opts,
    params,
    ...(pin ? { pin } : {}),
    output,
    context: componentContext(id, series),
    events: opts.events !== 'none',
    ...(family ? { family } : {}),
  };
}

/** Options in their canonical spelling: schema order, defaults and unset options left out. */
function canonical(
  opts: CardOptions,
  keys: readonly string[],
  defaults: Readonly<Record<string, unknown>>,
): URLSearchParams {
  const out = new URLSearchParams();
  const o = opts as unknown as Record<string, unknown>;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined || v === defaults[k]) continue;
    out.set(k, typeof v === 'string' ? v.replace(/^#/, '') : String(v));
  }
  return out;
}

/** The canonical query of an image URL: the card's options, its PNG options, then the pin. */
export function canonicalQuery(spec: CardSpec): string {
  const q = new URLSearchParams([...spec.params].filter(([k]) => k !== 'v'));
  if (spec.output.kind === 'png') {
    if (spec.output.scale !== PNG_SCALE.min) q.set('scale', String(spec.output.scale));
    if (spec.output.size) q.set('size', spec.output.size);
  }
  if (spec.pin) q.set('v', spec.pin);
  return q.size ? `?${q}` : '';
}
