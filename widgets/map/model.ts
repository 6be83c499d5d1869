import {
  block,
  descEnd,
  familyNotes,
  familyRows,
  familySpan,
  membersOf,
  fmt,
  footerModel,
  footerSource,
  lineHeight,
  spanText,
  textWidth,
  typeFor,
  type CardModel,
  type FooterModel,
  type Palette,
  type TextBlock,
  type Type,
  type WidgetInput,
} from '../../src/kit';
import type { MapOptions } from './schema';
import { COLS, ROWS, TILES } from './tiles';

const SCALE = ['m1', 'm2', 'm3', 'm4', 'm5'] as const satisfies ReadonlyArray<keyof Palette>;
type Fill = (typeof SCALE)[number] | 'grid' | 'bg';

interface Tile {
  code: string;
  x: number;
  y: number;
  fill: Fill;
  /** The value under the code, when the tile is big enough to hold it. */
  value: string | null;
  missing: boolean;
}

export interface MapModel extends CardModel {
  type: Type;
  heading: TextBlock;
  deck: TextBlock;
  headerHeight: number;
  footer: FooterModel;
  map: { top: number; size: number; gap: number; left: number; tiles: Tile[]; codeSize: number; valueSize: number };
  footerTop: number;
  legend: {
    top: number;
    items: Array<{ fill: Fill; label: string; x: number; y: number; missing?: boolean }>;
    size: number;
    sw: number;
  };
}

/**
 * Bins by powers of ten, the top one holding the largest value: encounters by state run from a
 * handful to thousands, so equal steps would paint every state but one the same colour.
 */
function bins(max: number, counts: boolean): number[] {
  // Whole counts start at 1 (a bin under 1 could hold nothing); rates start where the top bin ends.
  if (counts) return Array.from({ length: SCALE.length + 1 }, (_, j) => 10 ** j);
  const k = Math.max(1, Math.ceil(Math.log10(max + 1e-9)));
  return Array.from({ length: SCALE.length + 1 }, (_, j) => 10 ** (k - SCALE.length + j));
}

/** The state breakdown as a tile-grid map, coloured by encounters in its latest month or fiscal year to date. */
export function mapModel(input: WidgetInput<MapOptions>): MapModel {
  const { opts, lang, t, s } = input;
  const members = membersOf(input);
  const width = input.frame?.width ?? opts.width;
  const ty = typeFor(width);
  const inner = width - ty.pad * 2;
  const span = familySpan(members, opts.period);
  const rows = familyRows(members, span, lang);
  const byCode = new Map(
    members.map((m) => [(m.stored.series.member ?? '').toUpperCase(), rows.find((r) => r.id === m.id)!]),
  );
  const dim = t.dimensionName.state!;
  const title = t.byDimension(s.title, dim);
  const when = spanText(lang, span);
  const heading = block(title, ty.title, inner, ty.compact ? 3 : 2, true);
  const deck = block(when, ty.deck, inner, 1);
  const headerHeight = Math.ceil(heading.height + 4 + deck.height);
  const notes = familyNotes(lang, s, members, span);
  const footer = footerModel(
    footerSource(members[0]!.stored, t),
    `${t.asOf} ${fmt.month(lang, span.to)}`,
    input.brand,
    ty.small,
    inner,
    notes,
  );

  const gap = ty.compact ? 2 : 3;
  const fit = (h: number) => Math.floor(Math.min((inner - gap * (COLS - 1)) / COLS, (h - gap * (ROWS - 1)) / ROWS));
  const legendSize = ty.small;
  const edges = bins(
    Math.max(1, ...rows.map((r) => r.value)),
    rows.every((r) => Number.isInteger(r.value)),
  );
  // Legend: no data, none, then each bin by its lower bound.
  const sw = Math.round(legendSize * 1.1);
  const labels: Array<{ fill: Fill; label: string; missing?: boolean }> = [
    { fill: 'bg', label: t.noData, missing: true },
    { fill: 'grid', label: '0' },
    ...SCALE.map((f, i) => ({
      fill: f,
      label: i === 0 && edges[0]! < 1 ? `< ${fmt.compact(lang, edges[1]!)}` : `${fmt.compact(lang, edges[i]!)}+`,
    })),
  ];
  // Items in a row, centred; a row that would pass the card's edge wraps.
  const space = ty.compact ? 6 : 12;
  const rowsOf: Array<Array<{ fill: Fill; label: string; missing?: boolean; x: number; y: number; w: number }>> = [[]];
  let x = 0;
  for (const l of labels) {
    const w = sw + 4 + Math.ceil(textWidth(l.label, legendSize));
    if (x > 0 && x + w > inner) {
      rowsOf.push([]);
      x = 0;
    }
    rowsOf.at(-1)!.push({ ...l, x, y: (rowsOf.length - 1) * (lineHeight(legendSize) + 4), w });
    x += w + space;
  }
  for (const row of rowsOf) {
    const end = row.at(-1)!;
    const shift = Math.max(0, Math.floor((inner - (end.x + end.w)) / 2));
    for (const it of row) it.x += shift;
  }
  const items = rowsOf.flat();
  const legendH = rowsOf.length * (lineHeight(legendSize) + 4) + 2;
  const fixed = ty.pad * 2 + headerHeight + ty.gap * 3 + legendH + footer.height;
  const size = input.frame ? Math.max(8, fit(input.frame.height - fixed)) : fit(Infinity);
  const mapW = COLS * size + (COLS - 1) * gap;
  const mapH = ROWS * size + (ROWS - 1) * gap;
  const left = Math.floor((inner - mapW) / 2);
  const top = ty.pad + headerHeight + ty.gap;
  const codeSize = Math.max(8, Math.min(ty.body, Math.floor(size * 0.36)));
  const valueSize = Math.max(8, Math.min(ty.small, Math.floor(size * 0.28)));
  const showValues = size >= 40;
  const v = members[0]!;
  const tiles: Tile[] = Object.entries(TILES).map(([code, [c, r]]) => {
    const row = byCode.get(code);
    const value = row?.value ?? null;
    // The highest bin whose lower edge the value reaches; the top bin holds everything above it.
    const bin = value
      ? Math.max(
          0,
          Math.min(
            SCALE.length - 1,
            edges.findLastIndex((e) => value >= e),
          ),
        )
      : 0;
    return {
      code,
      x: left + c * (size + gap),
      y: r * (size + gap),
      fill: value === null ? 'bg' : value === 0 ? 'grid' : SCALE[bin]!,
      value: showValues && value !== null ? fmt.compact(lang, value) : null,
      missing: value === null,
    };
  });

  const height =
    input.frame?.height ?? Math.ceil(ty.pad * 2 + headerHeight + ty.gap * 3 + mapH + legendH + footer.height);
  const named = rows.filter((r) => r.value > 0);
  const top5 = named.slice(0, 5).map((r) => `${r.label} ${v.value(r.value)}`);
  const none = rows.filter((r) => r.value === 0).length;
  return {
    width,
    height,
    type: ty,
    heading,
    deck,
    headerHeight,
    footer,
    map: { top, size, gap, left, tiles, codeSize, valueSize },
    legend: { top: top + mapH + ty.gap, items, size: legendSize, sw },
    footerTop: top + mapH + ty.gap + legendH + ty.gap,
    title: `${title}, ${when}`,
    desc: `${title}, ${when}. ${t.mapTop(top5.join('; '))}${none ? ` ${t.mapNone(none)}` : ''} ${descEnd(t, v.stored, notes)}`,
    notes,
    table: {
      columns: [dim.charAt(0).toUpperCase() + dim.slice(1), when],
      rows: rows.map((r) => ({ head: r.label, cells: [v.value(r.value)] })),
    },
  };
}
