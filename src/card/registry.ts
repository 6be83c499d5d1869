import type { Widget } from '../kit/widget';
import { CardOptions } from './options';

/**
 * The one lookup of widgets by URL name. A Map, not an object, so a URL name such as
 * `constructor` or `__proto__` finds nothing rather than an Object method.
 */
export interface Registry {
  readonly names: readonly string[];
  get(name: string): Widget | undefined;
  /** The option names a widget accepts (its zod object's keys). */
  optionKeys(name: string): readonly string[];
  /** The widget's options when none are given. */
  defaults(name: string): Readonly<Record<string, unknown>>;
}

export function createRegistry(list: readonly Widget[]): Registry {
  const byName = new Map(list.map((w) => [w.name, w]));
  if (byName.size !== list.length) throw new Error('two widgets share a name');
  const keys = new Map(
    list.map((w) => {
      const shape = (w.schema as unknown as { shape?: Record<string, unknown> }).shape ?? CardOptions.shape;
      return [w.name, Object.keys(shape)] as const;
    }),
  );
  const defaults = new Map(list.map((w) => [w.name, w.schema.parse({}) as Record<string, unknown>]));
  return {
    names: list.map((w) => w.name),
    get: (name) => byName.get(name),
    optionKeys: (name) => keys.get(name) ?? Object.keys(CardOptions.shape),
    defaults: (name) => defaults.get(name) ?? {},
  };
}
