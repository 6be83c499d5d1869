/** One CSV record and the (1-based) line it starts on, so errors can name the line. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

import { Invalid, TooLarge } from '../errors';

/** A malformed input (a 400); `line` is the 1-based line of the file the problem is on. */
export class CsvError extends Invalid {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super('Malformed CBP file', line === null ? message : `line ${line}: ${message}`, line === null ? {} : { line });
  }
}

/**
 * Bounds on one record, so memory stays bounded whatever the body: the longest field (a runaway
 * quote must not grow one string without bound) and the most fields (CBP's layouts have 9 or 12;
 * a line of commas must not grow an array of millions of empty strings).
 */
const MAX_FIELD = 10_000;
const MAX_FIELDS = 16;
const PLAIN_STOP = /[,\r\n"]/g;
const QUOTED_STOP = /["\r\n]/g;

/**
 * RFC 4180 records from a stream of text chunks, one record at a time: quoted fields may hold
 * commas, doubled quotes and line breaks; CRLF and LF both end a record; a leading BOM is dropped.
 * Only the current record is held in memory, whatever the size of the file.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let afterQuote = false; // just saw a quote inside a quoted field (end, or first half of "")
  let line = 1;
  let start = 1;
  let first = true;
  let pendingCR = false;
  let quotedCR = false;

  /** Every append to the field goes through here, so no path (doubled quotes, quoted line breaks) skips the cap. */
  const append = (s: string): void => {
    field += s;
    if (field.length > MAX_FIELD)
      throw new CsvError(start, `field longer than ${MAX_FIELD} characters (unclosed quote?)`);
  };
  /** Appends the run of ordinary characters from `i` (a slice, not one character at a time). */
  const take = (chunk: string, i: number, stop: RegExp): number => {
    stop.lastIndex = i;
    const end = stop.exec(chunk)?.index ?? chunk.length;
    append(chunk.slice(i, end));
    return end;
  };
  const nextField = (): void => {
    if (fields.length >= MAX_FIELDS - 1) throw new CsvError(start, `more than ${MAX_FIELDS} fields in one record`);
    fields.push(field);
    field = '';
  };

  const endRecord = (): CsvRecord | null => {
    fields.push(field);
    const rec = { line: start, fields };
    fields = [];
    field = '';
    const blank = rec.fields.length === 1 && rec.fields[0] === '';
    return blank ? null : rec;
  };

  for await (let chunk of chunks) {
    if (first && chunk.length) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (afterQuote) {
          afterQuote = false;
          if (ch === '"') {
            append('"');
            continue;
          }
          quoted = false; // closing quote; fall through to unquoted handling of ch
        } else if (ch === '"') {
          afterQuote = true;
          continue;
        } else if (ch === '\r' || ch === '\n') {
          // Count CRLF once even when a chunk ends between CR and LF.
          if (ch === '\r' || !quotedCR) line++;
          quotedCR = ch === '\r';
          append(ch);
          continue;
        } else {
          i = take(chunk, i, QUOTED_STOP) - 1;
          quotedCR = false;
          continue;
        }
      }
      if (ch === ',') {
        nextField();
      } else if (ch === '\n' || ch === '\r') {
        const rec = endRecord();
        if (rec) yield rec;
        pendingCR = ch === '\r';
        start = ++line;
      } else if (ch === '"') {
        if (field !== '') throw new CsvError(line, 'quote inside an unquoted field');
        quoted = true;
      } else {
        i = take(chunk, i, PLAIN_STOP) - 1;
      }
    }
  }
  if (quoted && !afterQuote) throw new CsvError(start, 'unclosed quote at end of file');
  const rec = endRecord();
  if (rec) yield rec;
}

/** Thrown when a body passes `max` bytes (a 413). */
class TooLargeError extends TooLarge {
  constructor(readonly max: number) {
    super('Body too large', `The limit is ${max} bytes.`);
  }
}

/**
 * Decodes a byte stream as UTF-8 into text chunks, counting bytes as they pass so an oversized body
 * is refused as soon as it crosses `max` (before it is all read). Invalid UTF-8 is an error.
 */
export async function* textChunks(body: ReadableStream<Uint8Array>, max: number): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let size = 0;
  let done = false;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      size += r.value.byteLength;
      if (size > max) throw new TooLargeError(max);
      const text = decode(decoder, r.value);
      if (text) yield text;
    }
    done = true;
    const rest = decode(decoder);
    if (rest) yield rest;
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function decode(decoder: TextDecoder, bytes?: Uint8Array): string {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
  } catch {
    throw new CsvError(null, 'the file is not valid UTF-8 text');
  }
}
