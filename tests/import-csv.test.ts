import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarMonth } from '../src/ingest/cbp';
import { CsvError, csvRecords, textChunks } from '../src/ingest/csv';

async function records(...chunks: string[]): Promise<Array<[number, string[]]>> {
  const out: Array<[number, string[]]> = [];
  async function* gen() {
    yield* chunks;
  }
  for await (const r of csvRecords(gen())) out.push([r.line, r.fields]);
  return out;
}

const SAMPLE = '\ufeffa,b,c\r\n"x, y","say ""hi""",3\r\n"two\r\nlines",,\n\nlast,1,2';
const EXPECTED: Array<[number, string[]]> = [
  [1, ['a', 'b', 'c']],
  [2, ['x, y', 'say "hi"', '3']],
  [3, ['two\r\nlines', '', '']],
  [6, ['last', '1', '2']],
];

describe('streaming CSV reader', () => {
  it('reads RFC 4180 quoting, embedded line breaks, LF and CRLF, and names the starting line', async () => {
    expect(await records(SAMPLE)).toEqual(EXPECTED);
  });

  it('gives the same records wherever the chunks are cut', async () => {
    for (let i = 0; i <= SAMPLE.length; i++) {
      for (let j = i; j <= SAMPLE.length; j += 3) {
        expect(await records(SAMPLE.slice(0, i), SAMPLE.slice(i, j), SAMPLE.slice(j)), `${i}/${j}`).toEqual(EXPECTED);
      }
    }
  });

  it('round-trips any table of fields, whatever the chunking', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r\n', ' ', '9'), maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 7 }),
        async (rows, size) => {
          const text = rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
          const chunks = text.match(new RegExp(`[^]{1,${size}}`, 'g')) ?? [];
          expect((await records(...chunks)).map(([, f]) => f)).toEqual(rows);
        },
      ),
    );
  });

  it('refuses an unclosed quote and a quote inside an unquoted field', async () => {
    await expect(records('a,b\r\n"open,x\r\n')).rejects.toThrow(/line 2: unclosed quote/);
    await expect(records('a,b\r\nx"y,1\r\n')).rejects.toThrow(CsvError);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const body = new Blob([new Uint8Array([0x61, 0x2c, 0xff, 0x0a])]).stream();
    const read = async () => {
      for await (const _ of textChunks(body, 100));
    };
    await expect(read()).rejects.toThrow(/not valid UTF-8/);
  });
});

describe('CBP fiscal months', () => {
  it('maps fiscal year N, OCT … SEP, to Oct N−1 … Sep N', () => {
    expect(calendarMonth('2019', 'OCT', 2)).toBe('2018-10');
    expect(calendarMonth('2019', 'DEC', 2)).toBe('2018-12');
    expect(calendarMonth('2019', 'JAN', 2)).toBe('2019-01');
    expect(calendarMonth('2026 (FYTD)', 'SEP', 2)).toBe('2026-09');
    expect(() => calendarMonth('2026', 'Sept', 9)).toThrow(/line 9: unknown month/);
  });
});
