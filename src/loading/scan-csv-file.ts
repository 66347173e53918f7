/**
 * The first pass over a CSV file, before DuckDB reads it: one streaming read
 * that checks the encoding (UTF-8, with or without BOM), finds the header and
 * the delimiter, counts the records, maps each record to the line it starts on
 * and finds the records DuckDB could not read (wrong number of fields, broken
 * quoting, over-long lines) and the signs of a truncated file. The SHA-256 is
 * computed at the same time on a worker thread.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { InputProblem } from '../files/input-error.js';
import { formatDanishNumber } from '../core/danish-format.js';
import { CsvScanner } from './csv-scanner.js';
import { digestFile } from './file-digest.js';
import { LineMap } from './line-map.js';
import { MAX_MALFORMED_RECORDS, MAX_RECORD_BYTES } from './plausibility-limits.js';
import { REASONS, type ProblemReason } from './problem-reasons.js';
import { completePrefixLength, firstInvalidUtf8, isValidUtf8 } from './utf8-validity.js';

export type Delimiter = ',' | ';';

/** A record refused before it is read into DuckDB. */
export interface RecordProblem {
  readonly line: number;
  readonly problem: ProblemReason;
  readonly column?: string;
  /** Already masked when it could be a CPR number. */
  readonly value?: string;
}

export interface CsvFileScan {
  readonly path: string;
  /** The name used in messages (the file name in the load folder). */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly delimiter: Delimiter;
  readonly bom: boolean;
  /** Header names, trimmed, in file order. */
  readonly columns: readonly string[];
  /** Data records (rows read), the header and blank lines not counted. */
  readonly records: number;
  readonly recordProblems: readonly RecordProblem[];
  /** Problems with the whole file: the load cannot use it. */
  readonly fileProblems: readonly InputProblem[];
  /** Lines of the records in order (valid when nothing is dropped: see needsRewrite). */
  readonly lineMap: LineMap;
  /**
   * DuckDB cannot read the file as it is (refused records, mixed or bare-CR
   * line breaks): it reads a rewritten copy (rewrite-csv-file.ts).
   */
  readonly needsRewrite: boolean;
}

export interface ScanOptions {
  /** The file has a decimal column: a surplus field in a `,` file hints at a decimal comma. */
  readonly decimalColumns: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export const REASON_NOT_UTF8 =
  'filen er ikke gyldig UTF-8 (gem den som UTF-8, fx fra Excel: "CSV UTF-8")';
export const REASON_UTF16 =
  'filen er gemt som UTF-16; gem den som UTF-8 (fx fra Excel: "CSV UTF-8")';
export const REASON_EMPTY = 'filen er tom (der mangler en overskriftslinje)';

export async function scanCsvFile(
  path: string,
  file: string,
  options: ScanOptions,
): Promise<CsvFileScan> {
  const digest = digestFile(path);
  // When reading the head fails, that error is the one reported; the digest's
  // own failure (the same cause) must not surface later as an uncaught one.
  digest.catch(() => undefined);
  const head = await readHead(path);
  const fileProblems: InputProblem[] = [];
  const failed = async (problem: InputProblem): Promise<CsvFileScan> => {
    const { sha256, bytes } = await digest;
    return {
      path,
      file,
      bytes,
      sha256,
      delimiter: ',',
      bom: false,
      columns: [],
      records: 0,
      recordProblems: [],
      fileProblems: [problem],
      lineMap: new LineMap('line'),
      needsRewrite: false,
    };
  };
  if (
    head.length >= 2 &&
    ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
  )
    return failed({ file, reason: REASON_UTF16 });
  const bom = UTF8_BOM.every((byte, index) => head[index] === byte);
  const start = bom ? 3 : 0;
  if (new TextDecoder().decode(head.subarray(start)).trim() === '')
    return failed({ file, reason: REASON_EMPTY });
  const headerEnd = findLineEnd(head, start);
  if (headerEnd === undefined)
    return failed({
      file,
      line: 1,
      reason: `overskriftslinjen er for lang (over ${MAX_RECORD_BYTES} byte)`,
    });
  const headerText = new TextDecoder().decode(head.subarray(start, headerEnd));
  if (headerText.trim() === '')
    return failed({
      file,
      line: 1,
      reason: 'linje 1 er tom; den første linje skal være overskriftslinjen med kolonnernes navne',
    });
  const delimiter = detectDelimiter(headerText);
  if (delimiter === undefined) {
    return failed({
      file,
      line: 1,
      reason: headerText.includes('\t')
        ? 'filen er adskilt med tabulatorer; skilletegnet skal være , eller ;'
        : 'overskriftslinjen har kun én kolonne; skilletegnet skal være , eller ;',
    });
  }

  let columns: string[] = [];
  let records = 0;
  const recordProblems: RecordProblem[] = [];
  const lineMap = new LineMap('line');
  const scanner = new CsvScanner({
    delimiter: delimiter.charCodeAt(0),
    extract: true,
    maxRecordBytes: MAX_RECORD_BYTES,
    onRecord: (record) => {
      if (record.recordCount === 1) {
        columns = record.recordValues.map((name) => name.trim());
        return;
      }
      const ordinal = records;
      records += 1;
      if (record.recordCount === 2) record.extract = false;
      lineMap.add(ordinal, record.recordStartLine);
      if (fileProblems.length > 0) return;
      const line = record.recordStartLine;
      if (record.recordBytes > MAX_RECORD_BYTES) {
        recordProblems.push({ line, problem: REASONS.recordTooLong(record.recordBytes) });
      } else if (record.recordFields !== columns.length) {
        if (
          record.recordCount === 2 &&
          looksLikeOtherDelimiter(record.recordValues, delimiter, columns.length)
        ) {
          fileProblems.push({
            file,
            line,
            reason: `forkert skilletegn: overskriftslinjen bruger "${delimiter}", men linjen bruger "${otherDelimiter(delimiter)}"`,
          });
        } else if (record.recordLineBreak === 'none' && record.recordFields < columns.length) {
          fileProblems.push({
            file,
            line,
            reason: `filen ser afkortet ud: den sidste linje har ${record.recordFields} felter, men overskriften har ${columns.length}, og den slutter uden linjeskift`,
          });
        } else {
          recordProblems.push({
            line,
            problem: REASONS.fieldCount(
              record.recordFields,
              columns.length,
              options.decimalColumns && delimiter === ',' && record.recordFields > columns.length,
            ),
          });
        }
      } else if (record.recordBadQuote) {
        recordProblems.push({ line, problem: REASONS.badQuote });
      }
      if (recordProblems.length > MAX_MALFORMED_RECORDS) {
        fileProblems.push({
          file,
          reason: `filen har over ${formatDanishNumber(MAX_MALFORMED_RECORDS)} linjer med forkert antal felter eller forkert brug af anførselstegn (den første er linje ${recordProblems[0]?.line ?? line}); er det den rigtige fil og det rigtige skilletegn?`,
        });
        recordProblems.length = 0;
      }
    },
  });

  let carry: Uint8Array = new Uint8Array(0);
  let skip = start;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let bytes = chunk as Buffer as Uint8Array;
    if (skip > 0) {
      bytes = bytes.subarray(Math.min(skip, bytes.length));
      skip -= Math.min(skip, (chunk as Buffer).length);
    }
    const data = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
    const complete = completePrefixLength(data);
    const checked = data.subarray(0, complete);
    if (!isValidUtf8(checked)) {
      const offset = firstInvalidUtf8(checked);
      const line = scanner.line + countLineFeeds(checked, Math.max(offset, 0));
      return failed({ file, line, reason: REASON_NOT_UTF8 });
    }
    scanner.feed(checked);
    carry = data.subarray(complete);
  }
  if (carry.length > 0) {
    return failed({ file, line: scanner.line, reason: REASON_NOT_UTF8 });
  }
  scanner.end();
  if (scanner.unterminatedQuoteLine !== undefined) {
    fileProblems.push({
      file,
      line: scanner.unterminatedQuoteLine,
      reason: 'filen slutter inde i et felt i anførselstegn (afkortet fil?)',
    });
  }
  const breaks = scanner.lineBreaks;
  const kindsOfBreak = [breaks.lf, breaks.crlf, breaks.cr].filter((count) => count > 0).length;
  const { sha256, bytes } = await digest;
  return {
    path,
    file,
    bytes,
    sha256,
    delimiter,
    bom,
    columns,
    records,
    recordProblems,
    fileProblems,
    lineMap,
    needsRewrite: recordProblems.length > 0 || kindsOfBreak > 1 || breaks.cr > 0,
  };
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_RECORD_BYTES + 8);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The end of the first line (outside quotes) from `start`; the end of `head` if it holds the whole file. */
function findLineEnd(head: Uint8Array, start: number): number | undefined {
  let quoted = false;
  for (let index = start; index < head.length; index += 1) {
    const byte = head[index];
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) return index;
  }
  return head.length <= MAX_RECORD_BYTES ? head.length : undefined;
}

/** `;` when the header has more semicolons than commas outside quotes; undefined when it has neither. */
function detectDelimiter(header: string): Delimiter | undefined {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  if (commas === 0 && semicolons === 0) return undefined;
  return semicolons > commas ? ';' : ',';
}

function otherDelimiter(delimiter: Delimiter): Delimiter {
  return delimiter === ',' ? ';' : ',';
}

function looksLikeOtherDelimiter(
  values: readonly string[],
  delimiter: Delimiter,
  expected: number,
): boolean {
  const other = otherDelimiter(delimiter);
  const fields = values.join(delimiter).split(other).length;
  return expected > 1 && fields === expected;
}

function countLineFeeds(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let index = 0; index < end; index += 1) if (bytes[index] === 0x0a) count += 1;
  return count;
}
