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
    expect(parseDecimal('1.234,5', ';')).toBeUndefined();
    expect(parseDecimal('abc', ',')).toBeUndefined();
  });
});
