/**
 * Plain-text tables for terminal reports: columns padded to their widest
 * cell, text left-aligned and numbers right-aligned.
 */

export interface TextColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
}

export function formatTextTable(
  columns: readonly TextColumn[],
  rows: readonly (readonly string[])[],
  indent = '  ',
): string[] {
  const widths = columns.map((column, j) =>
    Math.max(column.header.length, ...rows.map((row) => (row[j] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    indent +
    columns
      .map((column, j) => {
        const cell = cells[j] ?? '';
        const width = widths[j] ?? 0;
        return column.align === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...rows.map(line)];
}
