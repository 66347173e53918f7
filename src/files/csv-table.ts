/**
 * A strict reader of small CSV tables (aggregated files, status files,
 * parameters): UTF-8 with or without BOM, header row, `,` or the Danish `;`
 * (with decimal comma), RFC 4180 quoting. Every row keeps its line number so
 * that errors name file, line and column.
 *
 * Large person-level files go through the data loader instead (src/loading).
 */
import { InputError, type InputProblem } from './input-error.js';

export interface CsvRow {
  /** 1-based line number of the row's first line in the file. */
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvTable {
  readonly file: string;
  readonly delimiter: ',' | ';';
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** Decodes bytes as UTF-8, refusing anything else with a clear error. */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    throw new InputError({
      file,
      reason: 'filen er ikke gyldig UTF-8 (gem den som UTF-8, fx fra Excel: "CSV UTF-8")',
    });
  }
}

/**
 * Parses CSV text. The delimiter is the one of `,` and `;` that occurs in the
 * header line (outside quotes); a header with neither is a single column.
 */
export function parseCsv(file: string, text: string): CsvTable {
  if (text.trim() === '')
    throw new InputError({ file, reason: 'filen er tom (der mangler en overskriftslinje)' });
  const delimiter = detectDelimiter(text);
  const records = splitRecords(file, text, delimiter);
  const header = records[0];
  if (!header)
    throw new InputError({ file, reason: 'filen er tom (der mangler en overskriftslinje)' });
  const columns = header.fields.map((name) => name.trim());
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === '')
      problems.push({ file, line: 1, reason: 'overskriftslinjen har en tom kolonne' });
    else if (seen.has(column))
      problems.push({
        file,
        line: 1,
        column,
        reason: 'kolonnen står to gange i overskriftslinjen',
      });
    seen.add(column);
  }
  if (problems.length > 0) throw new InputError(problems);
  const rows: CsvRow[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length === 1 && record.fields[0] === '') continue; // blank line
    if (record.fields.length !== columns.length) {
      problems.push({
        file,
        line: record.line,
        reason: `linjen har ${record.fields.length} felter, men overskriften har ${columns.length}`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((column, index) => {
      values[column] = record.fields[index] ?? '';
    });
    rows.push({ line: record.line, values });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { file, delimiter, columns, rows };
}

/** Refuses a table that lacks any of `required`, naming every missing column. */
export function requireColumns(table: CsvTable, required: readonly string[]): void {
  const missing = required.filter((column) => !table.columns.includes(column));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((column) => ({
        file: table.file,
        line: 1,
        column,
        reason: 'påkrævet kolonne mangler',
      })),
    );
  }
}

interface RawRecord {
  readonly line: number;
  readonly fields: string[];
}

function detectDelimiter(text: string): ',' | ';' {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && char === ',') commas += 1;
    else if (!inQuotes && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Splits the text into records of fields. Runs of plain characters are
 * sliced rather than copied character by character, so large aggregated
 * files (hundreds of thousands of rows) read in a fraction of a second. A
 * quote opens a quoted field only at the start of a field; inside it `""` is
 * a quote and line breaks belong to the field (and count as lines).
 */
function splitRecords(file: string, text: string, delimiter: string): RawRecord[] {
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const separator = delimiter.charCodeAt(0);
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let index = 0;
  const length = text.length;
  while (index < length) {
    if (inQuotes) {
      const close = text.indexOf('"', index);
      if (close === -1) {
        for (let at = index; at < length; at += 1) if (text.charCodeAt(at) === LF) line += 1;
        field += text.slice(index);
        break;
      }
      for (let at = index; at < close; at += 1) if (text.charCodeAt(at) === LF) line += 1;
      field += text.slice(index, close);
      if (text.charCodeAt(close + 1) === QUOTE) {
        field += '"';
        index = close + 2;
      } else {
        inQuotes = false;
        index = close + 1;
      }
      continue;
    }
    const code = text.charCodeAt(index);
    if (code === QUOTE && field === '') {
      inQuotes = true;
      index += 1;
    } else if (code === separator) {
      fields.push(field);
      field = '';
      index += 1;
    } else if (code === LF || code === CR) {
      if (code === CR && text.charCodeAt(index + 1) === LF) index += 1;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line += 1;
      recordLine = line;
      index += 1;
    } else {
      let end = index + 1;
      while (end < length) {
        const next = text.charCodeAt(end);
        if (next === separator || next === LF || next === CR || next === QUOTE) break;
        end += 1;
      }
      field += text.slice(index, end);
      index = end;
    }
  }
  if (inQuotes) {
    throw new InputError({
      file,
      line: recordLine,
      reason: 'filen slutter inde i et citeret felt (afkortet fil?)',
    });
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

/**
 * Reads a decimal number written with `.` or, in `;`-separated files, in the
 * Danish form: decimal comma, and a `.` followed by exactly three digits is a
 * thousands separator (`43.948` is 43948, `1.234.567,5` is 1234567.5). A `.`
 * that cannot be a thousands separator in a `;` file is a decimal point
 * (`9.1`, `0.410`); a value with both a comma and a `.` that is not one
 * (`1.23,5`) is refused rather than guessed.
 */
export function parseDecimal(text: string, delimiter: ',' | ';'): number | undefined {
  const trimmed = text.trim();
  let normalised = trimmed;
  if (delimiter === ';') {
    if (DANISH_THOUSANDS.test(trimmed)) normalised = trimmed.replace(/\./g, '').replace(',', '.');
    else if (trimmed.includes(',')) {
      if (trimmed.includes('.')) return undefined;
      normalised = trimmed.replace(',', '.');
    }
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

/** The Danish form with thousands separators: `1.234`, `-12.345.678,9` (no leading zero group). */
export const DANISH_THOUSANDS = /^[+-]?[1-9][0-9]{0,2}(\.[0-9]{3})+(,[0-9]+)?$/;

/** Reads a non-negative or signed integer written in plain digits. */
export function parseInteger(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : undefined;
}
