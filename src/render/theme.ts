/**
 * Themes are plain data. Every light colour is distinct from every other, so an auto-theme SVG can
 * remap them by attribute selector under `prefers-color-scheme: dark` (see `autoThemeStyle`).
 */
export interface Palette {
  bg: string;
  text: string;
  muted: string;
  grid: string;
  axis: string;
  accent: string;
  area: string;
  marker: string;
  down: string;
  up: string;
  badgeLabel: string;
  badgeLabelText: string;
  /** Lines 3–5 of a comparison (1 and 2 are accent and down): distinct, each 4.5:1 on the background. */
  s3: string;
  s4: string;
  s5: string;
  /** A map's sequential scale, fewest to most (viridis: perceptually uniform, colour-blind safe). */
  m1: string;
  m2: string;
  m3: string;
  m4: string;
  m5: string;
}

export const light: Palette = {
  bg: '#ffffff',
  text: '#1a1a1a',
  muted: '#595959',
  grid: '#e3e3e3',
  axis: '#6b6b6b',
  accent: '#b3541e',
  area: '#f6e7dd',
  marker: '#8a3a10',
  down: '#1f5fa8',
  up: '#a8361f',
  badgeLabel: '#555555',
  badgeLabelText: '#fffffe',
  s3: '#1b7a4a',
  s4: '#7d4aa8',
  s5: '#4a4a4a',
  m1: '#fde725',
  m2: '#7ad151',
  m3: '#22a884',
  m4: '#2a788e',
  m5: '#414487',
};

export const dark: Palette = {
  bg: '#121212',
  text: '#f0f0f0',
  muted: '#b0b0b0',
  grid: '#333333',
  axis: '#9a9a9a',
  accent: '#f0a070',
  area: '#3a2a20',
  marker: '#ffc8a8',
  down: '#8ab8f0',
  up: '#f09a8a',
  badgeLabel: '#3d3d3d',
  badgeLabelText: '#fffffd',
  s3: '#6fcf97',
  s4: '#c9a0f0',
  s5: '#d0d0d0',
  // On a dark page more is brighter: the same scale, the other way round.
  m1: '#414487',
  m2: '#2a788e',
  m3: '#22a884',
  m4: '#7ad151',
  m5: '#fde725',
};

export type ThemeName = 'light' | 'dark' | 'auto';

// --- WCAG contrast -------------------------------------------------------------------------------

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** `#abc` → `#aabbcc`, lower-case. Input is already validated as hex by the options schema. */
function normalizeHex(hex: string): string {
  const h = hex.replace(/^#/, '').toLowerCase();
  return `#${h.length === 3 ? [...h].map((c) => c + c).join('') : h}`;
}

function mix(hex: string, toward: string, t: number): string {
  const a = parseInt(hex.slice(1), 16);
  const b = parseInt(toward.slice(1), 16);
  const ch = (s: number) => Math.round(((a >> s) & 255) * (1 - t) + ((b >> s) & 255) * t);
  return `#${((ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).padStart(6, '0')}`;
}

/**
 * A caller's accent must reach 3:1 against the background (WCAG non-text contrast). One that
 * fails is moved toward the text colour in small steps until it passes, never used as is.
 */
function accessibleAccent(accent: string, p: Palette): string {
  let c = normalizeHex(accent);
  for (let t = 0.1; contrast(c, p.bg) < 3 && t <= 1.0001; t += 0.1) c = mix(normalizeHex(accent), p.text, t);
  return c;
}

export function palette(theme: 'light' | 'dark', accent?: string): Palette {
  const base = theme === 'dark' ? dark : light;
  if (!accent) return base;
  const a = accessibleAccent(accent, base);
  return { ...base, accent: a, area: mix(a, base.bg, 0.82), marker: mix(a, base.text, 0.35) };
}

/**
 * CSS that re-colours a light-theme card for dark readers. Cards write colours as
 * presentation attributes; CSS rules beat those, so one file serves both schemes inside `<img>`.
 */
export function autoThemeStyle(lightP: Palette, darkP: Palette, scope = ''): string {
  const sel = scope ? `${scope} ` : '';
  const rules: string[] = [];
  for (const k of Object.keys(lightP) as Array<keyof Palette>) {
    const from = lightP[k];
    const to = darkP[k];
    rules.push(
      `${sel}[fill="${from}"]{fill:${to}}`,
      `${sel}[stroke="${from}"]{stroke:${to}}`,
      `${sel}[stop-color="${from}"]{stop-color:${to}}`,
    );
  }
  return `@media (prefers-color-scheme: dark){${rules.join('')}}`;
}
