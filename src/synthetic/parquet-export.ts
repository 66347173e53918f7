/**
 * Writes the generated CSV tables as Parquet with DuckDB (`COPY … TO …
 * (FORMAT parquet)`), with the types of data.md: dates as DATE (an ongoing
 * `to` as NULL), numbers as INTEGER or DOUBLE, codes as VARCHAR.
 *
 * Deterministic: one thread and insertion order preserved, so rows, row
 * groups and metadata are the same on every run (the test checks the bytes).
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { COVARIATE_NAMES } from './framework-conditions.js';

/** DuckDB column types of each table, in column order. */
export const PARQUET_SCHEMAS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  benefit_periods: {
    person_id: 'VARCHAR',
    municipality: 'INTEGER',
    benefit: 'VARCHAR',
    from: 'DATE',
    to: 'DATE',
  },
  conversations: {
    person_id: 'VARCHAR',
    date: 'DATE',
    kind: 'VARCHAR',
    form: 'VARCHAR',
    held_by: 'VARCHAR',
  },
  offers: { person_id: 'VARCHAR', type: 'VARCHAR', from: 'DATE', to: 'DATE' },
  work_hours: { person_id: 'VARCHAR', month: 'VARCHAR', hours: 'DOUBLE' },
  exemptions: { person_id: 'VARCHAR', reason: 'VARCHAR', from: 'DATE', to: 'DATE' },
  framework_conditions: {
    municipality: 'INTEGER',
    year: 'INTEGER',
    residents_16_66: 'INTEGER',
    ...Object.fromEntries(COVARIATE_NAMES.map((name) => [name, 'DOUBLE'])),
  },
  municipalities: {
    code: 'INTEGER',
    name: 'VARCHAR',
    region: 'VARCHAR',
    amk: 'VARCHAR',
    delegated_to: 'INTEGER',
  },
};

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Converts `<directory>/<table>.csv` to `<directory>/<table>.parquet` for each table. */
export async function convertToParquet(
  directory: string,
  tables: readonly string[],
): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    await connection.run('SET preserve_insertion_order = true');
    for (const table of tables) {
      const schema = PARQUET_SCHEMAS[table];
      if (!schema) throw new Error(`No Parquet schema for ${table}`);
      const columns = `{${Object.entries(schema)
        .map(([name, type]) => `${quoted(name)}: ${quoted(type)}`)
        .join(', ')}}`;
      const source = quoted(join(directory, `${table}.csv`));
      const target = quoted(join(directory, `${table}.parquet`));
      await connection.run(
        `COPY (SELECT * FROM read_csv(${source}, header = true, delim = ',', quote = '"', ` +
          `auto_detect = false, columns = ${columns}, dateformat = '%Y-%m-%d')) ` +
          `TO ${target} (FORMAT parquet, COMPRESSION zstd)`,
      );
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
