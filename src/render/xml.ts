/**
 * Characters XML 1.0 forbids (and DEL, which it discourages): C0 controls other than tab, LF and
 * CR, the non-characters U+FFFE/U+FFFF, and lone surrogates. The schema refuses them on write; this
 * strips them again from every document we serve, so one that slipped through cannot break it.
 */
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff\ud800-\udfff]/gu;

export function stripIllegal(s: string): string {
  return s.replace(ILLEGAL, '');
}

/** Text for XML/HTML content and attributes: illegal characters dropped, markup characters escaped. */
export function escapeXml(s: string): string {
  return stripIllegal(s).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
