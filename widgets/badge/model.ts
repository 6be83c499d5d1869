import { fmt } from '../../src/lib/i18n';
import type { WidgetInput } from '../../src/render/widget';
import { textWidth } from '../shared/measure';
import { describe } from '../shared/text';
import type { BadgeOptions } from './schema';

export interface BadgeModel {
  /** Badges size to their text, like shields.io; `width`, when given in a frame, centres it. */
  width: number;
  height: number;
  label: string;
  value: string;
  labelWidth: number;
  valueWidth: number;
  size: number;
  frame: { width: number; height: number } | null;
  a11yTitle: string;
  desc: string;
}

/** shields.io flat style: 20 px tall, 11 px text, 6 px padding either side of each half. */
export function badgeModel(input: WidgetInput<BadgeOptions>): BadgeModel {
  const { opts, lang, t, facts, stored } = input;
  const size = 11;
  const padX = 7;
  const label = opts.label ?? stored.series.title;
  const value = `${fmt.number(lang, facts.latest.value)} · ${fmt.month(lang, facts.latest.period)}`;
  const labelWidth = Math.ceil(textWidth(label, size) + padX * 2);
  const valueWidth = Math.ceil(textWidth(value, size, true) + padX * 2);
  const frame = input.frame ?? null;
  return {
    width: frame?.width ?? labelWidth + valueWidth,
    height: frame?.height ?? 20,
    label,
    value,
    labelWidth,
    valueWidth,
    size,
    frame,
    a11yTitle: `${label}: ${value}`,
    desc: describe(lang, stored, input.points, facts, t),
  };
}
