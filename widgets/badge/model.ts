import {
  caveats,
  describe,
  eventsIn,
  fmt,
  monthTable,
  textWidth,
  type CardModel,
  type WidgetInput,
} from '../../src/kit';
import type { BadgeOptions } from './schema';

/** Badges size to their text, like shields.io; `width`, when given in a frame, centres it. */
export interface BadgeModel extends CardModel {
  label: string;
  value: string;
  labelWidth: number;
  valueWidth: number;
  size: number;
  frame: { width: number; height: number } | null;
}

/** shields.io flat style: 20 px tall, 11 px text, 6 px padding either side of each half. */
export function badgeModel(input: WidgetInput<BadgeOptions>): BadgeModel {
  const { lang, t, s } = input;
  const facts = s.facts;
  const size = 11;
  const padX = 7;
  const label = s.short;
  const value = `${s.value(facts.latest.value)} · ${fmt.month(lang, facts.latest.period)}`;
  const labelWidth = Math.ceil(textWidth(label, size) + padX * 2);
  const valueWidth = Math.ceil(textWidth(value, size, true) + padX * 2);
  const frame = input.frame ?? null;
  const shownEvents = eventsIn(input.events, facts.latest.period, facts.latest.period);
  const notes = caveats(lang, input, facts.latest.period);
  return {
    width: frame?.width ?? labelWidth + valueWidth,
    height: frame?.height ?? 20,
    label,
    value,
    labelWidth,
    valueWidth,
    size,
    frame,
    title: `${label}: ${value}`,
    desc: describe(lang, s, t, { events: shownEvents, notes }),
    events: shownEvents,
    notes,
    table: monthTable(lang, s, t, [facts.latest]),
  };
}
