import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { expect } from 'vitest';

/** HTML helpers for the embed, gallery and social tests: parse5 trees, flattened. */
export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

/** Parses with parse5 and fails on any HTML parse error. */
export function parseHtml(html: string): Element[] {
  const errors: string[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
  expect(errors).toEqual([]);
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n);
    if ('childNodes' in n) n.childNodes.forEach(walk);
    if ('content' in n && n.content) n.content.childNodes.forEach(walk);
  };
  walk(doc);
  return out;
}
export const attrOf = (el: Element | undefined, name: string) => el?.attrs.find((a) => a.name === name)?.value;
export function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in n ? n.childNodes.map(textOf).join('') : '';
}

/** `<meta property|name=… content=…>` as a map. */
export function metaMap(els: Element[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of els.filter((x) => x.tagName === 'meta')) {
    const k = attrOf(e, 'property') ?? attrOf(e, 'name');
    if (k) out[k] = attrOf(e, 'content') ?? '';
  }
  return out;
}
