import { describe, expect, it } from 'vitest';
import { CsvScanner, type LineBreak } from '../../src/loading/csv-scanner.js';

interface Seen {
  readonly line: number;
  readonly fields: number;
  readonly bytes: number;
  readonly badQuote: boolean;
  readonly lineBreak: LineBreak;
  readonly values: readonly string[];
}

/** Scans `text`, fed in chunks of `chunkSize` bytes, and returns every record. */
function scan(text: string, chunkSize = 1_000_000, delimiter = ',') {
  const records: Seen[] = [];
  const scanner = new CsvScanner({
    delimiter: delimiter.charCodeAt(0),
    extract: true,
    maxRecordBytes: 1_000,
    onRecord: (record) =>
      records.push({
        line: record.recordStartLine,
        fields: record.recordFields,
        bytes: record.recordBytes,
        badQuote: record.recordBadQuote,
        lineBreak: record.recordLineBreak,
        values: record.recordValues,
      }),
  });
  const bytes = new TextEncoder().encode(text);
  for (let start = 0; start < bytes.length; start += chunkSize)
    scanner.feed(bytes.subarray(start, start + chunkSize));
  scanner.end();
  return { records, scanner };
}

describe('the CSV scanner', () => {
  it('reports each record with its line, fields, values and length in bytes', () => {
    const { records } = scan('a,b,c\n1,2,3\nxx,,z\n');
    expect(records.map((record) => [record.line, record.fields, record.bytes])).toEqual([
      [1, 3, 5],
      [2, 3, 5],
      [3, 3, 5],
    ]);
    expect(records[2]?.values).toEqual(['xx', '', 'z']);
  });

  it('keeps counting lines through quoted line breaks, so later records keep their true line', () => {
    const { records } = scan('a,b\n"two\nlines",1\n"three\n\nlines",2\nlast,3\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 4, 7]);
    expect(records[1]?.values).toEqual(['two\nlines', '1']);
    expect(records[2]?.values).toEqual(['three\n\nlines', '2']);
  });

  it('reads doubled quotes as one quote and a delimiter inside quotes as text', () => {
    const { records } = scan('a,b\n"say ""hi""","1,5"\n');
    expect(records[1]?.values).toEqual(['say "hi"', '1,5']);
    expect(records[1]?.fields).toBe(2);
  });

  it('treats a quote inside an unquoted field as an ordinary character, as DuckDB does', () => {
    const { records } = scan('a,b\n12"3,x\n');
    expect(records[1]).toMatchObject({ values: ['12"3', 'x'], badQuote: false });
  });

  it('flags characters after a closing quote as broken quoting', () => {
    const { records } = scan('a,b\n"12"3,x\n');
    expect(records[1]).toMatchObject({ badQuote: true, fields: 2 });
  });

  it('skips blank lines but counts them as lines', () => {
    const { records } = scan('a,b\n\n1,2\n\n\n3,4\n\n');
    expect(records.map((record) => record.line)).toEqual([1, 3, 6]);
  });

  it('accepts CRLF and reports which line breaks a file uses', () => {
    const { records, scanner } = scan('a,b\r\n1,2\r\n3,4\n5,6\r7,8');
    expect(
      records.map((record) => [record.line, record.values.join('|'), record.lineBreak]),
    ).toEqual([
      [1, 'a|b', 'crlf'],
      [2, '1|2', 'crlf'],
      [3, '3|4', 'lf'],
      [4, '5|6', 'cr'],
      [5, '7|8', 'none'],
    ]);
    expect(scanner.lineBreaks).toEqual({ lf: 1, crlf: 2, cr: 1 });
  });

  it('gives the same records whatever the chunk boundaries, also inside CRLF, quotes and UTF-8', () => {
    const text = 'navn;beløb\r\n"Å ""x""\r\ny";1,5\r\nØster;2\r\n\r\nlast;"3"\r\n';
    const whole = scan(text, 1_000_000, ';').records;
    for (const size of [1, 2, 3, 5, 7]) expect(scan(text, size, ';').records).toEqual(whole);
    expect(whole.map((record) => record.values)).toEqual([
      ['navn', 'beløb'],
      ['Å "x"\r\ny', '1,5'],
      ['Øster', '2'],
      ['last', '3'],
    ]);
    expect(whole.map((record) => record.line)).toEqual([1, 2, 4, 6]);
  });

  it('counts the fields of a record with too few or too many', () => {
    const { records } = scan('a,b,c\n1,2\n1,2,3,4\n');
    expect(records.map((record) => record.fields)).toEqual([3, 2, 4]);
  });

  it('notices a file that ends inside a quoted field, naming the line the record starts on', () => {
    const { records, scanner } = scan('a,b\n1,2\n3,"unterminated\nmore');
    expect(records).toHaveLength(2);
    expect(scanner.unterminatedQuoteLine).toBe(3);
  });

  it('measures a record in bytes without its line break', () => {
    const { records } = scan('a\r\nææ\r\n');
    expect(records.map((record) => record.bytes)).toEqual([1, 4]);
  });
});
