import { describe, expect, it } from 'vitest';
import { advance, text, toSvg } from './draw';
import { dark, light } from './theme';

const meta = { title: 't', desc: 'd', lang: 'en', theme: 'light' as const, autoLight: light, autoDark: dark };
const uses = (svg: string) => [...svg.matchAll(/<use /g)].length;

describe('text the glyph set does not cover', () => {
  it('draws an accented letter as its base letter, measured the same', () => {
    expect(advance('Côte', 14)).toBe(advance('Cote', 14));
    expect(advance('ﬁn', 14)).toBe(advance('fin', 14));
    const a = toSvg([text(0, 20, 'Côte', 14, '#000')], { width: 100, height: 30 }, meta);
    const b = toSvg([text(0, 20, 'Cote', 14, '#000')], { width: 100, height: 30 }, meta);
    expect(uses(a)).toBe(4);
    const glyphs = (svg: string) => svg.slice(svg.indexOf('<defs>')).replace(/c[a-z0-9]{4}/g, 'ID');
    expect(glyphs(a)).toBe(glyphs(b));
  });

  it('draws a character with no glyph at all as a visible "?", never a silent gap', () => {
    expect(advance('中', 14)).toBe(advance('?', 14));
    const svg = toSvg([text(0, 20, 'a中b', 14, '#000')], { width: 100, height: 30 }, meta);
    expect(uses(svg)).toBe(3);
  });

  it('measures what it draws: characters XML forbids are neither drawn nor measured', () => {
    expect(advance('a\u0000b', 14)).toBe(advance('ab', 14));
  });
});
