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
  topRows,
  typeFor,
  type CardModel,
  type FamilyRow,
  type FooterModel,
  type TextBlock,
  type Type,
  type WidgetInput,
} from '../../src/kit';
import type { RankOptions } from './schema';

interface RankRow {
  label: TextBlock;
  value: string;
  change: { text: string; dir: 'up' | 'down' | 'flat' } | null;
  top: number;
  height: number;
  barWidth: number;
  others: boolean;
}

export interface RankModel extends CardModel {
  type: Type;
  heading: TextBlock;
  deck: TextBlock;
  headerHeight: number;
  footer: FooterModel;
  chart: {
    height: number;
    labelW: number;
    barX: number;
    barMax: number;
    changeW: number;
    barH: number;
    rows: RankRow[];
  };
}

function change(lang: 'en' | 'es', r: FamilyRow): RankRow['change'] {
  if (r.prev === null || r.prev === 0) return null;
  const pct = (r.value - r.prev) / r.prev;
  const text = fmt.pct(lang, pct);
  return { text, dir: Math.abs(pct) < 0.0005 ? 'flat' : pct > 0 ? 'up' : 'down' };
}

/** The members of one breakdown as horizontal bars, largest first, for one month or fiscal year to date. */
export function rankModel(input: WidgetInput<RankOptions>): RankModel {
  const { opts, lang, t, s } = input;
  const members = membersOf(input);
  const width = input.frame?.width ?? opts.width;
  const ty = typeFor(width);
  const inner = width - ty.pad * 2;
  const span = familySpan(members, opts.period);
  const all = familyRows(members, span, lang);
  const rows = topRows(all, opts.top, lang);
  const dim = t.dimensionName[opts.by] ?? opts.by;
  const title = t.byDimension(s.title, dim);
  const heading = block(title, ty.title, inner, ty.compact ? 3 : 2, true);
  const when = spanText(lang, span);
  const deck = block(`${when} · ${t.vsYearAgoShort}`, ty.deck, inner, 2);
  const headerHeight = Math.ceil(heading.height + 4 + deck.height);

  const notes = familyNotes(lang, s, members, span);
  const month = fmt.month(lang, span.to);
  const footer = footerModel(
    footerSource(members[0]!.stored, t),
    `${t.asOf} ${month}`,
    input.brand,
    ty.small,
    inner,
    notes,
  );

  const size = ty.body;
  const lh = lineHeight(size);
  const values = rows.map((r) => members[0]!.value(r.value));
  const changes = rows.map((r) => change(lang, r));
  const changeW = Math.ceil(
    Math.max(textWidth('+100%', size, true), ...changes.map((c) => (c ? textWidth(c.text, size, true) : 0))),
  );
  const valueW = Math.ceil(Math.max(...values.map((v) => textWidth(v, size, true))));
  const labelW = Math.ceil(
    Math.min(inner * (ty.compact ? 0.36 : 0.3), Math.max(...rows.map((r) => textWidth(r.label, size)))),
  );
  const barX = labelW + ty.gap;
  const barMax = Math.max(20, inner - barX - valueW - 8 - changeW - ty.gap);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const barH = Math.max(10, Math.round(lh * 0.9));
  let y = 0;
  const out: RankRow[] = rows.map((r, i) => {
    const label = block(r.label, size, labelW, 2);
    const height = Math.max(label.height, barH) + 6;
    const row: RankRow = {
      label,
      value: values[i]!,
      change: changes[i]!,
      top: y,
      height,
      barWidth: Math.max(r.value > 0 ? 1 : 0, Math.round((r.value / max) * barMax)),
      others: !!r.others,
    };
    y += height;
    return row;
  });
  const chartH = y;
  const height = input.frame?.height ?? Math.ceil(ty.pad * 2 + headerHeight + ty.gap * 2 + chartH + footer.height);

  const top3 = rows
    .filter((r) => !r.others)
    .slice(0, 3)
    .map((r, i) => `${r.label} ${values[i]}${changes[i] ? ` (${changes[i]!.text} ${t.vsYearAgo})` : ''}`);
  return {
    width,
    height,
    type: ty,
    heading,
    deck,
    headerHeight,
    footer,
    chart: { height: chartH, labelW, barX, barMax, changeW, barH, rows: out },
    title: `${title}, ${when}`,
    desc: `${title}, ${when}: ${top3.join('; ')}. ${descEnd(t, members[0]!.stored, notes)}`,
    notes,
    table: {
      columns: [dim.charAt(0).toUpperCase() + dim.slice(1), when, t.vsYearAgo],
      rows: all.map((r) => ({
        head: r.label,
        cells: [members[0]!.value(r.value), change(lang, r)?.text ?? '—'],
      })),
    },
  };
}
