import { XMLValidator } from 'fast-xml-parser';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { expect } from 'vitest';

/**
 * What every output must satisfy whatever the input was. Used by the fuzz, escaping and fault
 * tests so the rules are written once.
 */

/** Strings an attacker would put in a query or a stored title; none may come back unescaped. */
export const MARKERS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  ']]><x>',
  '</title><script>x</script>',
] as const;

type Kind = 'svg' | 'png' | 'html' | 'json' | 'xml' | 'csv' | 'script' | 'text' | 'other';

function kindOf(res: Response): Kind {
  const ct = res.headers.get('content-type') ?? '';
  if (ct.startsWith('image/svg+xml')) return 'svg';
  if (ct.startsWith('image/png')) return 'png';
  if (ct.startsWith('text/html')) return 'html';
  if (ct.startsWith('application/json') || ct.startsWith('application/problem+json')) return 'json';
  if (ct.startsWith('text/xml') || ct.startsWith('application/xml')) return 'xml';
  if (ct.startsWith('text/csv')) return 'csv';
  if (ct.startsWith('text/javascript') || ct.startsWith('application/javascript')) return 'script';
  if (ct.startsWith('text/plain')) return 'text';
  return 'other';
}

/**
 * An SVG that is well-formed XML and can run nothing and load nothing. Markup is checked tag by
 * tag (text content is escaped, so hostile words inside <desc> are data, not attributes).
 */
function checkSvg(svg: string, where: string): void {
  const valid = XMLValidator.validate(svg);
  expect(valid, `${where}: SVG is not well-formed XML: ${JSON.stringify(valid)}`).toBe(true);
  expect(svg, `${where}: SVG declares entities`).not.toMatch(/<!(DOCTYPE|ENTITY)/i);
  expect(svg, `${where}: SVG has CDATA`).not.toMatch(/<!\[CDATA\[/i);
  expect(svg, `${where}: SVG has a processing instruction after the prolog`).not.toMatch(/.<\?/s);
  const tags = [...svg.matchAll(/<([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)];
  expect(tags.length, `${where}: no tags`).toBeGreaterThan(0);
  for (const [tag, name, attrs] of tags) {
    expect(name!.toLowerCase(), `${where}: forbidden element`).not.toMatch(
      /^(script|foreignobject|iframe|object|embed|animate|set|handler|listener)$/,
    );
    expect(attrs, `${where}: event-handler attribute in ${tag}`).not.toMatch(/(^|\s)on[a-z]+\s*=/i);
    for (const m of attrs!.matchAll(/(?:^|\s)(?:xlink:)?href\s*=\s*["']([^"']*)["']/gi))
      expect(m[1], `${where}: external reference in ${tag}`).toMatch(/^#/);
    for (const m of attrs!.matchAll(/url\(\s*(?:&quot;|&#39;|["'])?([^)"'&]*)/gi))
      expect(m[1], `${where}: external url() in ${tag}`).toMatch(/^#/);
  }
  for (const [, css] of svg.matchAll(/<style[^>]*>([^<]*)<\/style>/g)) {
    expect(css, `${where}: @import in style`).not.toMatch(/@import/i);
    // The one url() allowed besides fragments: the embedded font, inline bytes (no request).
    for (const m of css!.matchAll(/url\(\s*["']?([^)"']*)/gi)) {
      const ok = /^#/.test(m[1]!) || /^data:font\/woff2;base64,[A-Za-z0-9+/]+=*$/.test(m[1]!);
      expect(ok, `${where}: external url() in style: ${m[1]!.slice(0, 60)}`).toBe(true);
    }
  }
}

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const kids = 'childNodes' in node ? node.childNodes : [];
  for (const k of kids) yield* elements(k);
  if ('content' in node && node.content) yield* elements(node.content as Node);
}

/**
 * An HTML page that parses without errors, and in which no injected marker became markup: no
 * script/element/attribute created by the input, and no raw marker in the bytes.
 */
export function checkHtml(html: string, where: string, injected: readonly string[] = MARKERS): void {
  const errors: string[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(`${e.code}@${e.startOffset}`) });
  expect(errors, `${where}: HTML parse errors`).toEqual([]);
  for (const m of injected) if (/[<>"]/.test(m)) expect(html, `${where}: raw injected text`).not.toContain(m);
  for (const el of elements(doc)) {
    expect(
      ['img', 'svg'].includes(el.tagName) && el.attrs.some((a) => a.name === 'onerror' || a.name === 'onload'),
    ).toBe(false);
    expect(el.tagName, `${where}: injected element`).not.toBe('x');
    for (const a of el.attrs) {
      if (/^on/i.test(a.name)) expect(a.value, `${where}: handler built from input`).not.toMatch(/alert\(1\)/);
      if (['href', 'src', 'action', 'formaction'].includes(a.name))
        expect(a.value.trim(), `${where}: script URL in ${a.name}`).not.toMatch(/^(javascript|vbscript|data:text):/i);
    }
    if (el.tagName === 'script') {
      const text = el.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
      const type = el.attrs.find((a) => a.name === 'type')?.value;
      if (type === 'application/json') {
        // A data block, never run: input may be in it as data, so long as it is valid JSON that
        // cannot end the element or open a comment (no raw '<' at all).
        expect(() => JSON.parse(text), `${where}: data block is not JSON`).not.toThrow();
        expect(text, `${where}: raw '<' in a data block`).not.toContain('<');
      } else expect(text, `${where}: script built from input`).not.toMatch(/alert\(1\)|<\/title><script>/);
    }
  }
}

function checkXml(xml: string, where: string): void {
  const valid = XMLValidator.validate(xml);
  expect(valid, `${where}: XML is not well-formed: ${JSON.stringify(valid)}`).toBe(true);
  expect(xml).not.toMatch(/<!(DOCTYPE|ENTITY)/i);
}

function checkJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${where}: body is not JSON: ${text.slice(0, 200)}`);
  }
}

/**
 * A CSV cell a spreadsheet would run as a formula: after leading whitespace (spaces, NBSP, tabs,
 * line breaks), and with full-width signs read as ASCII (NFKC), it starts with = + - or @. Negative
 * numbers are data, not formulas, so a cell that is a plain number is allowed.
 */
export function formulaCells(csv: string): string[] {
  return csvCells(csv).filter(
    (c) => /^\s*[=+\-@]/u.test(c.normalize('NFKC')) && !/^[-+]?\d+(\.\d+)?$/.test(c) && !c.startsWith("'"),
  );
}

/** Characters no XML, SVG or HTML document we serve may hold (C0 controls but tab/LF/CR, DEL, U+FFFE/F, lone surrogates). */
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff\ud800-\udfff]/u;

/** A PNG that decodes: signature, IHDR, IDAT that inflates to exactly the rows the header promises, IEND. */
async function checkPng(bytes: Uint8Array, where: string): Promise<void> {
  expect([...bytes.slice(0, 8)], `${where}: not a PNG`).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  let o = 8;
  let ihdr: { w: number; h: number; channels: number } | null = null;
  let end = false;
  while (o + 8 <= bytes.length) {
    const len = v.getUint32(o);
    const type = String.fromCharCode(...bytes.slice(o + 4, o + 8));
    if (type === 'IHDR')
      ihdr = {
        w: v.getUint32(o + 8),
        h: v.getUint32(o + 12),
        channels: { 2: 3, 6: 4, 0: 1, 4: 2 }[bytes[o + 17]!] ?? 0,
      };
    if (type === 'IDAT') idat.push(bytes.slice(o + 8, o + 8 + len));
    if (type === 'IEND') end = true;
    o += 12 + len;
  }
  expect(ihdr && end, `${where}: PNG lacks IHDR or IEND`).toBeTruthy();
  const raw = new Blob(idat).stream().pipeThrough(new DecompressionStream('deflate'));
  const size = (await new Response(raw).arrayBuffer()).byteLength;
  expect(size, `${where}: PNG pixel data`).toBe(ihdr!.h * (1 + ihdr!.w * ihdr!.channels));
}

/** Every cell of an RFC 4180 file: quoted cells may hold commas, doubled quotes and newlines. */
function csvCells(csv: string): string[] {
  const cells: string[] = [];
  const cell = /"((?:[^"]|"")*)"|([^,\r\n]*)/y;
  let i = 0;
  while (i < csv.length) {
    cell.lastIndex = i;
    const m = cell.exec(csv)!;
    cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    i = cell.lastIndex;
    if (csv[i] === ',') i++;
    else if (csv.startsWith('\r\n', i)) i += 2;
    else if (csv[i] === '\n') i++;
    else if (i < csv.length) throw new Error(`CSV: unexpected character at ${i}`);
  }
  return cells;
}

/** Checks a response body by its content type; returns the text for further checks. */
export async function checkBody(res: Response, where: string, injected: readonly string[] = MARKERS): Promise<string> {
  const kind = kindOf(res);
  if (kind === 'png') {
    await checkPng(new Uint8Array(await res.arrayBuffer()), where);
    return '';
  }
  const text = await res.text();
  if (kind === 'svg' || kind === 'xml' || kind === 'html')
    expect(ILLEGAL.exec(text)?.[0].codePointAt(0)?.toString(16), `${where}: a character XML forbids`).toBeUndefined();
  if (kind === 'svg' || kind === 'xml')
    for (const m of injected) if (/[<>]/.test(m)) expect(text, `${where}: raw injected text`).not.toContain(m);
  if (kind === 'svg') checkSvg(text, where);
  else if (kind === 'html') checkHtml(text, where, injected);
  else if (kind === 'json') checkJson(text, where);
  else if (kind === 'xml') checkXml(text, where);
  else if (kind === 'csv') expect(formulaCells(text), `${where}: CSV formula cells`).toEqual([]);
  return text;
}
