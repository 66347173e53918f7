/**
 * Every list of the API comes as JSON or as CSV for Excel users (`;`
 * between fields, the decimal comma, UTF-8 with BOM — `reports/csv`):
 * `?format=csv`, or `Accept: text/csv`. JSON is the default.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { excelCsv, type ExcelCsvCell, type ExcelCsvColumn } from '../reports/csv/excel-csv.js';

export const FormatQuery = {
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv')], {
      description: 'csv: semikolonsepareret CSV med decimalkomma (standard: json)',
    }),
  ),
};

/** Whether the client asked for CSV. */
export function wantsCsv(request: FastifyRequest): boolean {
  const query = request.query as { format?: unknown } | undefined;
  if (query?.format === 'csv') return true;
  if (query?.format === 'json') return false;
  const accept = request.headers.accept ?? '';
  return /\btext\/csv\b/.test(accept) && !/\bapplication\/json\b/.test(accept);
}

export type CsvColumns<Row> = readonly ExcelCsvColumn<Row>[];

/** Columns named by the rows' own keys, for lists without Danish columns of their own. */
function columnsOf<Row>(
  columns: CsvColumns<Row> | readonly (keyof Row & string)[],
): CsvColumns<Row> {
  return columns.map((column) =>
    typeof column === 'string'
      ? { header: column, value: (row: Row) => cellOf(row[column]) }
      : column,
  );
}

function cellOf(value: unknown): ExcelCsvCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/**
 * Answers a list: `json()` as JSON, or its rows as CSV with `columns` under
 * the file name `name.csv`.
 */
export function sendList<Row, Json>(
  request: FastifyRequest,
  reply: FastifyReply,
  list: {
    readonly name: string;
    readonly rows: readonly Row[];
    /** Danish columns, or the keys of the rows to write under their own names. */
    readonly columns: CsvColumns<Row> | readonly (keyof Row & string)[];
    readonly json: () => Json;
  },
): FastifyReply | Json {
  if (!wantsCsv(request)) return list.json();
  return sendExcelCsv(reply, list.name, excelCsv(columnsOf(list.columns), list.rows));
}

/** Answers with CSV for Excel users already made (`reports/csv`) under the file name `name.csv`. */
export function sendExcelCsv(reply: FastifyReply, name: string, bytes: Uint8Array): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(Buffer.from(bytes));
}
