/** @jsxImportSource satori/jsx */
import { copy, type Lang } from '../copy';
import { renderSvg, type TextMode } from './svg';
import { palette } from './theme';
import { escapeXml } from './xml';

export interface ErrorCardInput {
  status: number;
  title: string;
  detail: string;
  lang: Lang;
  theme: 'light' | 'dark' | 'auto';
  width: number;
  /** `paths` when the card becomes a PNG. */
  text?: TextMode;
}

/** Hand-written fallback: used only if satori itself fails, so an image URL never returns a broken image. */
function plainErrorSvg(e: ErrorCardInput, w: number, h: number): string {
  const t = copy[e.lang];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" lang="${e.lang}">` +
    `<title>${escapeXml(t.errorCard)}</title><desc>${escapeXml(`${e.title}: ${e.detail}`)}</desc>` +
    `<rect width="${w}" height="${h}" fill="#ffffff" stroke="#cccccc"/>` +
    `<text x="16" y="32" font-family="sans-serif" font-size="16" font-weight="700" fill="#1a1a1a">${escapeXml(e.title)}</text>` +
    `<text x="16" y="56" font-family="sans-serif" font-size="12" fill="#595959">${escapeXml(e.detail.slice(0, 90))}</text></svg>`
  );
}

/** The image an image URL returns when it cannot show its chart: still an image, saying why. */
export async function renderErrorSvg(e: ErrorCardInput): Promise<{ svg: string; width: number; height: number }> {
  const width = e.width;
  const height = Math.max(160, Math.round(width * 0.3));
  const p = palette(e.theme === 'dark' ? 'dark' : 'light');
  const t = copy[e.lang];
  const el = (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        width,
        height,
        padding: 20,
        backgroundColor: p.bg,
        color: p.text,
        fontFamily: 'Inter',
        border: `1px solid ${p.grid}`,
      }}
    >
      <div style={{ display: 'flex', fontSize: 12, color: p.muted }}>{`${t.errorCard} · ${e.status}`}</div>
      <div style={{ display: 'flex', fontSize: 18, fontWeight: 700, marginTop: 6 }}>{e.title}</div>
      <div style={{ display: 'flex', fontSize: 13, color: p.muted, marginTop: 6 }}>{e.detail.slice(0, 300)}</div>
    </div>
  );
  try {
    const svg = await renderSvg(
      el,
      { width, height },
      { title: `${t.errorCard}: ${e.title}`, desc: e.detail, lang: e.lang, theme: e.theme },
      e.text,
    );
    return { svg, width, height };
  } catch {
    return { svg: plainErrorSvg(e, width, height), width, height };
  }
}
