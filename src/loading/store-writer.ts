/**
 * Writes a validated load as the load store of docs/architecture.md: one
 * Parquet file (zstd) per input file, person-level files sorted by
 * `person_key` and then date, so that the measurement engine streams each
 * person's records together and a lookup of one person reads one row group
 * (min/max statistics on `person_key`); `persons.parquet` maps the dense
 * `person_key` (0 … n−1, in byte order of `person_id`) to the pseudonym.
 */
import { join } from 'node:path';
import { DuckDbSession, sqlIdentifier, sqlString } from './duckdb-session.js';

/**
 * Rows per Parquet row group. DuckDB's default: large enough for fast scans
 * of whole files, small enough that a person lookup decodes a few thousand
 * rows at most (measured by scripts/bench-load.ts).
 */
export const ROW_GROUP_ROWS = 122_880;

export interface TableToStore {
  readonly name: string;
  readonly table: string;
  readonly personLevel: boolean;
  /** Stored columns in order (for person-level files `person_id` becomes `person_key`). */
  readonly columns: readonly string[];
  readonly sortBy: readonly string[];
}

export interface StoredFile {
  readonly name: string;
  readonly file: string;
  readonly rows: number;
}

const PARQUET = `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`;

export async function writePersons(
  session: DuckDbSession,
  tables: readonly TableToStore[],
  folder: string,
): Promise<StoredFile> {
  const sources = tables
    .filter((table) => table.personLevel)
    .map((table) => `SELECT person_id FROM ${sqlIdentifier(table.table)} WHERE check_id IS NULL`);
  const union =
    sources.length > 0
      ? sources.join(' UNION ALL ')
      : 'SELECT NULL::VARCHAR AS person_id WHERE false';
  await session.run(
    `CREATE TABLE persons AS
     SELECT (row_number() OVER (ORDER BY person_id) - 1)::INTEGER AS person_key, person_id
     FROM (SELECT DISTINCT person_id FROM (${union}))`,
  );
  const file = 'persons.parquet';
  const rows = await copy(
    session,
    'SELECT person_key, person_id FROM persons ORDER BY person_key',
    join(folder, file),
  );
  return { name: 'persons', file, rows };
}

export async function writeTable(
  session: DuckDbSession,
  table: TableToStore,
  folder: string,
): Promise<StoredFile> {
  const file = `${table.name}.parquet`;
  const source = `(SELECT rowid AS ordinal, * FROM ${sqlIdentifier(table.table)} WHERE check_id IS NULL) t`;
  const sort = table.sortBy.map((column) => `t.${sqlIdentifier(column)}`);
  let query: string;
  if (table.personLevel) {
    const columns = table.columns.map((column) =>
      column === 'person_id' ? 'p.person_key' : `t.${sqlIdentifier(column)}`,
    );
    query = `SELECT ${columns.join(', ')} FROM ${source} JOIN persons p ON p.person_id = t.person_id
             ORDER BY p.person_key, ${[...sort, 't.ordinal'].join(', ')}`;
  } else {
    const columns = table.columns.map((column) => `t.${sqlIdentifier(column)}`);
    query = `SELECT ${columns.join(', ')} FROM ${source} ORDER BY ${[...sort, 't.ordinal'].join(', ')}`;
  }
  const rows = await copy(session, query, join(folder, file));
  return { name: table.name, file, rows };
}

async function copy(session: DuckDbSession, query: string, path: string): Promise<number> {
  const [result] = await session.rows(`COPY (${query}) TO ${sqlString(path)} ${PARQUET}`);
  return Number(result?.['Count'] ?? 0);
}
