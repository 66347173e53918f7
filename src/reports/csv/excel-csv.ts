/**
 * CSV for Excel users (issue 11): `;` between fields, the decimal comma,
 * UTF-8 with a byte-order mark (so a Danish Excel opens it in the right
 * columns with æ, ø and å), CRLF line ends, Danish headers. Text cells that
 * a spreadsheet would read as a formula are neutralised by the one rule of
 * src/files/spreadsheet-cell.ts; numbers are not text and never changed. The machine-readable
 * CSV files (`,` and `.`) are written elsewhere and stay the default.
 *
 * Pure: takes the rows, returns the bytes.
 */
import { neutraliseFormula } from '../../files/spreadsheet-cell.js';

/** A cell: text, a number (written with the decimal comma), a yes/no, or empty. */
export type ExcelCsvCell = string | number | boolean | null | undefined;

export interface ExcelCsvColumn<Row> {
  /** The Danish header. */
  readonly header: string;
  readonly value: (row: Row) => ExcelCsvCell;
  /** Decimals for numbers (default: integers as they are, others with 2). */
  readonly decimals?: number;
}

const BYTE_ORDER_MARK = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

/** A number with the decimal comma and no thousands separator (Excel reads `1234,5` as a number). */
export function excelNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return '';
  const places = decimals ?? (Number.isInteger(value) ? 0 : 2);
  const text = value.toFixed(places);
  const normalised = Number(text) === 0 ? (0).toFixed(places) : text;
  return normalised.replace('.', ',');
}

function quote(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(cell: ExcelCsvCell, decimals: number | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return excelNumber(cell, decimals);
  if (typeof cell === 'boolean') return cell ? 'Ja' : 'Nej';
  return quote(neutraliseFormula(cell));
}

/** The CSV for Excel of `rows`, as UTF-8 bytes with a byte-order mark. */
export function excelCsv<Row>(
  columns: readonly ExcelCsvColumn<Row>[],
  rows: Iterable<Row>,
): Uint8Array {
  const lines = [columns.map((column) => quote(neutraliseFormula(column.header))).join(SEPARATOR)];
  for (const row of rows)
    lines.push(
      columns.map((column) => cellText(column.value(row), column.decimals)).join(SEPARATOR),
    );
  return new TextEncoder().encode(BYTE_ORDER_MARK + lines.join(LINE_END) + LINE_END);
}
