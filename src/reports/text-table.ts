/**
 * Plain-text tables for the terminal: columns padded to their widest cell,
 * numbers right-aligned.
 */

export type Alignment = 'left' | 'right';

export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  alignments: readonly Alignment[] = [],
  indent = '  ',
): string[] {
  const widths = headers.map((header, column) =>
    Math.max(length(header), ...rows.map((row) => length(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    (
      indent +
      cells
        .map((cell, column) => {
          const width = widths[column] ?? 0;
          const padding = ' '.repeat(Math.max(0, width - length(cell)));
          return alignments[column] === 'right' ? padding + cell : cell + padding;
        })
        .join('  ')
    ).trimEnd();
  return [
    line(headers),
    indent + widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ];
}

/** Length in characters as the terminal shows them (code points). */
function length(text: string): number {
  return Array.from(text).length;
}
