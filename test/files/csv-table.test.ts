import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseCsv, parseDecimal, requireColumns } from '../../src/files/csv-table.js';
import { InputError } from '../../src/files/input-error.js';

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('reading small CSV tables', () => {
  it('reads a comma-separated file with its line numbers', () => {
    const table = parseCsv('a.csv', 'x,y\n1,2\n3,4\n');
    expect(table.delimiter).toBe(',');
    expect(table.rows.map((row) => [row.line, row.values['x'], row.values['y']])).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
    ]);
  });

  it('reads the Danish semicolon format with decimal comma', () => {
    const table = parseCsv('a.csv', 'x;y\r\n1,5;2\r\n');
    expect(table.delimiter).toBe(';');
    expect(parseDecimal(table.rows[0]?.values['x'] ?? '', table.delimiter)).toBe(1.5);
  });

  it('strips a byte-order mark', () => {
    const text = decodeUtf8('a.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x78, 0x0a, 0x31]));
    expect(parseCsv('a.csv', text).columns).toEqual(['x']);
  });

  it('keeps quoted delimiters and counts lines of quoted line breaks', () => {
    const table = parseCsv('a.csv', 'x,y\n"a,b","line\nbreak"\n5,6\n');
    expect(table.rows[0]?.values['x']).toBe('a,b');
    expect(table.rows[1]?.line).toBe(4);
  });

  it('refuses a file that is not UTF-8, naming the file', () => {
    expect(errorOf(() => decodeUtf8('latin1.csv', new Uint8Array([0x78, 0x0a, 0xe6])))).toBe(
      'latin1.csv: filen er ikke gyldig UTF-8 (gem den som UTF-8, fx fra Excel: "CSV UTF-8")',
    );
  });

  it('refuses an empty file', () => {
    expect(errorOf(() => parseCsv('empty.csv', ''))).toBe(
      'empty.csv: filen er tom (der mangler en overskriftslinje)',
    );
  });

  it('refuses a row with the wrong number of fields, naming its line', () => {
    expect(errorOf(() => parseCsv('a.csv', 'x,y\n1,2\n3\n'))).toBe(
      'a.csv, linje 3: linjen har 1 felter, men overskriften har 2',
    );
  });

  it('refuses a duplicated header column', () => {
    expect(errorOf(() => parseCsv('a.csv', 'x,x\n1,2\n'))).toBe(
      'a.csv, linje 1, kolonne "x": kolonnen står to gange i overskriftslinjen',
    );
  });

  it('refuses a file cut off inside a quoted field', () => {
    expect(errorOf(() => parseCsv('a.csv', 'x,y\n1,"abc'))).toBe(
      'a.csv, linje 2: filen slutter inde i et citeret felt (afkortet fil?)',
    );
  });

  it('names every missing required column', () => {
    const table = parseCsv('a.csv', 'x\n1\n');
    expect(
      errorOf(() => {
        requireColumns(table, ['x', 'y', 'z']);
      }),
    ).toBe(
      'a.csv, linje 1, kolonne "y": påkrævet kolonne mangler\na.csv, linje 1, kolonne "z": påkrævet kolonne mangler',
    );
  });

  it('reads decimals strictly', () => {
    expect(parseDecimal('12.5', ',')).toBe(12.5);
    expect(parseDecimal('12,5', ';')).toBe(12.5);
    expect(parseDecimal('12,5', ',')).toBeUndefined();
    // The Danish form: a . before exactly three digits groups thousands (issue 12 § 3).
    expect(parseDecimal('1.234,5', ';')).toBe(1234.5);
    expect(parseDecimal('1.23,5', ';')).toBeUndefined();
    expect(parseDecimal('abc', ',')).toBeUndefined();
  });
});

describe('the record splitter', () => {
  /** The original character-by-character reading, kept as the reference. */
  function referenceRecords(text: string, delimiter: string): { line: number; fields: string[] }[] {
    const records: { line: number; fields: string[] }[] = [];
    let fields: string[] = [];
    let field = '';
    let inQuotes = false;
    let line = 1;
    let recordLine = 1;
    let index = 0;
    while (index < text.length) {
      const char = text[index] ?? '';
      if (inQuotes) {
        if (char === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 1;
          } else inQuotes = false;
        } else {
          if (char === '\n') line += 1;
          field += char;
        }
      } else if (char === '"' && field === '') inQuotes = true;
      else if (char === delimiter) {
        fields.push(field);
        field = '';
      } else if (char === '\n' || char === '\r') {
        if (char === '\r' && text[index + 1] === '\n') index += 1;
        fields.push(field);
        records.push({ line: recordLine, fields });
        fields = [];
        field = '';
        line += 1;
        recordLine = line;
      } else field += char;
      index += 1;
    }
    if (inQuotes) return [{ line: -recordLine, fields: [] }];
    if (field !== '' || fields.length > 0) {
      fields.push(field);
      records.push({ line: recordLine, fields });
    }
    return records;
  }

  it('reads exactly as a character-by-character reading does, on 2000 random texts', () => {
    const alphabet = ['a', 'bc', ',', ',', '"', '""', '\n', '\r\n', '\r', 'x y'];
    let state = 12345;
    const next = (bound: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % bound;
    };
    for (let round = 0; round < 2000; round += 1) {
      const parts = Array.from({ length: 1 + next(30) }, () => alphabet[next(alphabet.length)]);
      const text = `h1,h2\n${parts.join('')}`;
      const expected = referenceRecords(text, ',');
      const truncated = expected.some((record) => record.line < 0);
      let actual: unknown;
      try {
        const table = parseCsv('r.csv', text);
        actual = table.rows.map((row) => [row.line, row.values['h1'], row.values['h2']]);
      } catch (error) {
        actual = error instanceof InputError ? error.message : error;
      }
      if (truncated) {
        expect(actual, JSON.stringify(text)).toMatch(/filen slutter inde i et citeret felt/);
        continue;
      }
      const body = expected.slice(1).filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
      const wrong = body.filter((r) => r.fields.length !== 2);
      if (wrong.length > 0) {
        expect(actual, JSON.stringify(text)).toBe(
          wrong
            .slice(0, 20)
            .map(
              (r) =>
                `r.csv, linje ${r.line}: linjen har ${r.fields.length} felter, men overskriften har 2`,
            )
            .join('\n') + (wrong.length > 20 ? `\n… og ${wrong.length - 20} fejl mere` : ''),
        );
      } else {
        expect(actual, JSON.stringify(text)).toEqual(
          body.map((r) => [r.line, r.fields[0], r.fields[1]]),
        );
      }
    }
  });
});
