/**
 * Which figures of the measure files differ between two runs (the official
 * rules and a simulation): row by row, by each file's key columns, cell by
 * cell.
 */
import type { MeasureTable } from './write-measures.js';

/** One cell that differs; a row only on one side has all its cells here with the other side empty. */
export interface CellChange {
  readonly file: string;
  /** The key columns of the row, joined by `,` (e.g. `101,2024-12,offers,all`). */
  readonly key: string;
  readonly column: string;
  readonly official: string | undefined;
  readonly simulated: string | undefined;
}

export interface TableChanges {
  readonly file: string;
  /** Rows in the simulated file. */
  readonly rows: number;
  /** Rows present on both sides whose figures differ. */
  readonly changedRows: number;
  /** Rows only in the simulation, and only under the official rules. */
  readonly addedRows: number;
  readonly removedRows: number;
  /** Whether the columns differ (a rule that shapes the file changed). */
  readonly columnsDiffer: boolean;
}

export interface MeasureComparison {
  readonly tables: readonly TableChanges[];
  readonly cells: readonly CellChange[];
}

function keyed(table: MeasureTable): Map<string, readonly string[]> {
  return new Map(table.rows.map((row) => [row.slice(0, table.keyColumns).join(','), row]));
}

function compareTable(
  official: MeasureTable,
  simulated: MeasureTable,
  cells: CellChange[],
): TableChanges {
  const columnsDiffer = official.header.join(',') !== simulated.header.join(',');
  const before = keyed(official);
  const after = keyed(simulated);
  let changedRows = 0;
  let addedRows = 0;
  let removedRows = 0;
  const cellsOf = (
    key: string,
    row: readonly string[],
    header: readonly string[],
    side: 'official' | 'simulated',
  ) => {
    header.slice(official.keyColumns).forEach((column, index) => {
      const value = row[index + official.keyColumns];
      cells.push({
        file: official.name,
        key,
        column,
        official: side === 'official' ? value : undefined,
        simulated: side === 'simulated' ? value : undefined,
      });
    });
  };
  for (const [key, row] of after) {
    const old = before.get(key);
    if (old === undefined) {
      addedRows += 1;
      cellsOf(key, row, simulated.header, 'simulated');
      continue;
    }
    if (columnsDiffer) {
      if (old.join(',') !== row.join(',')) changedRows += 1;
      continue;
    }
    let changed = false;
    for (let column = official.keyColumns; column < official.header.length; column += 1) {
      if (old[column] === row[column]) continue;
      changed = true;
      cells.push({
        file: official.name,
        key,
        column: official.header[column] ?? '',
        official: old[column],
        simulated: row[column],
      });
    }
    if (changed) changedRows += 1;
  }
  for (const [key, row] of before) {
    if (after.has(key)) continue;
    removedRows += 1;
    cellsOf(key, row, official.header, 'official');
  }
  return {
    file: official.name,
    rows: simulated.rows.length,
    changedRows,
    addedRows,
    removedRows,
    columnsDiffer,
  };
}

/** Compares the files of two runs, file by file in the order written. */
export function compareMeasureTables(
  official: readonly MeasureTable[],
  simulated: readonly MeasureTable[],
): MeasureComparison {
  const cells: CellChange[] = [];
  const tables = official.map((table) => {
    const other = simulated.find((candidate) => candidate.name === table.name);
    if (other === undefined) throw new Error(`The simulated run lacks ${table.name}`);
    return compareTable(table, other, cells);
  });
  return { tables, cells };
}
