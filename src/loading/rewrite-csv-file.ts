/**
 * A CSV file that DuckDB cannot read as it is — some records are refused by
 * the scan (wrong number of fields, broken quoting, over-long lines) or its
 * line breaks are mixed — is rewritten: the readable records, in order, with
 * plain LF line breaks. The rewrite goes to the staging folder and is deleted
 * with it; `person_id` is read as person-id.ts says, so a CPR number is never
 * written: it is replaced by its keyed hash, or, without a key, the record is
 * left out and refused.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CsvScanner } from './csv-scanner.js';
import { LineMap } from './line-map.js';
import { MAX_RECORD_BYTES } from './plausibility-limits.js';
import { REASONS } from './problem-reasons.js';
import type { PersonIdReader } from './person-id.js';
import type { CsvFileScan, RecordProblem } from './scan-csv-file.js';

export interface RewrittenFile {
  readonly path: string;
  /** Line of each row of the rewritten file in the original. */
  readonly lineMap: LineMap;
  readonly rows: number;
  /**
   * Records left out because `person_id` is a CPR number and no key is
   * configured, or holds a control character.
   */
  readonly cprProblems: readonly RecordProblem[];
}

export async function rewriteCsvFile(
  scan: CsvFileScan,
  target: string,
  personColumn: number | undefined,
  personIds: PersonIdReader,
): Promise<RewrittenFile> {
  const output = createWriteStream(target);
  const delimiter = scan.delimiter;
  const lineMap = new LineMap('line');
  const cprProblems: RecordProblem[] = [];
  let pending: string[] = [scan.columns.map((name) => quote(name, delimiter)).join(delimiter)];
  let pendingLength = 0;
  let rows = 0;
  let first = true;
  const scanner = new CsvScanner({
    delimiter: delimiter.charCodeAt(0),
    extract: true,
    maxRecordBytes: MAX_RECORD_BYTES,
    onRecord: (record) => {
      if (first) {
        first = false;
        return;
      }
      if (
        record.recordBytes > MAX_RECORD_BYTES ||
        record.recordFields !== scan.columns.length ||
        record.recordBadQuote
      )
        return;
      const values = record.recordValues;
      if (personColumn !== undefined) {
        const person = personIds.read(values[personColumn] ?? '');
        const column = scan.columns[personColumn] ?? 'person_id';
        if (person.kind === 'cpr' || person.kind === 'control') {
          cprProblems.push({
            line: record.recordStartLine,
            column,
            ...(person.kind === 'cpr'
              ? { problem: REASONS.cprNumber }
              : { problem: REASONS.personControl, value: person.character }),
          });
          return;
        }
        values[personColumn] = person.kind === 'id' ? person.id : '';
      }
      lineMap.add(rows, record.recordStartLine);
      rows += 1;
      const line = values.map((value) => quote(value, delimiter)).join(delimiter);
      pending.push(line);
      pendingLength += line.length;
    },
  });
  let skip = scan.bom ? 3 : 0;
  for await (const chunk of createReadStream(scan.path, { highWaterMark: 1 << 20 })) {
    let bytes = chunk as Buffer as Uint8Array;
    if (skip > 0) {
      const skipped = Math.min(skip, bytes.length);
      bytes = bytes.subarray(skipped);
      skip -= skipped;
    }
    scanner.feed(bytes);
    if (pendingLength > 1 << 20) {
      if (!output.write(`${pending.join('\n')}\n`)) await once(output, 'drain');
      pending = [];
      pendingLength = 0;
    }
  }
  scanner.end();
  if (pending.length > 0) output.write(`${pending.join('\n')}\n`);
  output.end();
  await once(output, 'finish');
  return { path: target, lineMap, rows, cprProblems };
}

function quote(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}
