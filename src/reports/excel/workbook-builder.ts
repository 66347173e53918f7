/**
 * Workbooks for people (exceljs): every table a sheet of real cells — numbers
 * as numbers with Danish-looking formats (the format codes `#,##0.0` and the
 * like are shown as `1.234,5` by a Danish Excel), dates as dates — with a
 * title above, the header row frozen, column widths set and notes below.
 * The workbook's dates come from the report, not the clock.
 */
import ExcelJS from 'exceljs';
import type { IsoDate } from '../../core/calendar/iso-date.js';

/** Whole numbers with thousands separators: `1.234`. */
export const COUNT_FORMAT = '#,##0';
/** Shares and rates with one decimal: `1.234,5`. */
export const SHARE_FORMAT = '#,##0.0';
/** Differences in points with a sign: `+0,35`, `-1,20`. */
export const SIGNED_POINTS_FORMAT = '+#,##0.00;-#,##0.00;0.00';
/** Dates: `30-04-2025`. */
export const DATE_FORMAT = 'dd-mm-yyyy';

export type CellValue = string | number | boolean | Date | null;

export interface SheetColumn<Row> {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  readonly value: (row: Row) => CellValue;
  readonly numFmt?: string;
}

export interface TableSheet<Row> {
  /** The sheet's name (at most 31 characters). */
  readonly name: string;
  readonly title: string;
  /** Lines under the title. */
  readonly intro?: readonly string[];
  readonly columns: readonly SheetColumn<Row>[];
  readonly rows: readonly Row[];
  /** Lines under the table. */
  readonly notes?: readonly string[];
  /** A background for a row: `best` (green), `worst` (red) or `muted` (grey). */
  readonly fill?: (row: Row) => 'best' | 'worst' | 'muted' | undefined;
}

const FILLS = { best: 'FFDCEFDC', worst: 'FFF6DADA', muted: 'FFF0F0F0' } as const;

/** A date as Excel stores it (midnight UTC of the day). */
export function excelDate(date: string | null): Date | null {
  return date === null ? null : new Date(`${date}T00:00:00Z`);
}

export function newWorkbook(title: string, date: IsoDate): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const instant = new Date(`${date}T12:00:00Z`);
  workbook.creator = 'tilsyn';
  workbook.lastModifiedBy = 'tilsyn';
  workbook.title = title;
  workbook.created = instant;
  workbook.modified = instant;
  return workbook;
}

/** A sheet of text lines (an overview, the notes). */
export function addTextSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  lines: readonly string[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.getColumn(1).width = 120;
  const head = sheet.getCell(1, 1);
  head.value = title;
  head.font = { bold: true, size: 14 };
  lines.forEach((line, index) => {
    const cell = sheet.getCell(index + 3, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  return sheet;
}

export function addTableSheet<Row>(
  workbook: ExcelJS.Workbook,
  spec: TableSheet<Row>,
): ExcelJS.Worksheet {
  const intro = spec.intro ?? [];
  const headerRow = intro.length + 3;
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
  });
  const title = sheet.getCell(1, 1);
  title.value = spec.title;
  title.font = { bold: true, size: 13 };
  intro.forEach((line, index) => {
    sheet.getCell(index + 2, 1).value = line;
  });
  spec.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
    const cell = sheet.getCell(headerRow, index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'bottom' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE3EA' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.getRow(headerRow).height = 32;
  spec.rows.forEach((row, rowIndex) => {
    const fill = spec.fill?.(row);
    spec.columns.forEach((column, index) => {
      const cell = sheet.getCell(headerRow + 1 + rowIndex, index + 1);
      cell.value = column.value(row);
      if (column.numFmt !== undefined) cell.numFmt = column.numFmt;
      if (fill !== undefined)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[fill] } };
    });
  });
  const notes = spec.notes ?? [];
  notes.forEach((note, index) => {
    const cell = sheet.getCell(headerRow + spec.rows.length + 2 + index, 1);
    cell.value = note;
    cell.font = { italic: true, size: 9 };
  });
  return sheet;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
