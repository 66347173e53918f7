/**
 * Reads one prepared input file into DuckDB with every field typed and checked
 * (validation-sql.ts), and records each refused row — refused by the CSV scan,
 * left out for a CPR number, or failing a check — in the `problems` table with
 * its file, line (or Parquet row), column, value and reason.
 */
import { join } from 'node:path';
import { maskCprNumbersSql } from './cpr-number.js';
import { DuckDbSession, sqlIdentifier, sqlString, type SqlValue } from './duckdb-session.js';
import { LineMap, type PositionKind } from './line-map.js';
import { MAX_RECORD_BYTES, MAX_REPORTED_VALUE_CHARACTERS } from './plausibility-limits.js';
import type { PreparedInput } from './prepare-input-file.js';
import type { PersonIdReader } from './person-id.js';
import { rewriteCsvFile } from './rewrite-csv-file.js';
import type { RecordProblem } from './scan-csv-file.js';
import { validationStatement } from './validation-sql.js';

export const PROBLEMS_TABLE_SQL = `CREATE TABLE problems (
  file_order INTEGER, file VARCHAR, position BIGINT, position_kind VARCHAR,
  column_name VARCHAR, value VARCHAR, label VARCHAR, reason VARCHAR, fatal BOOLEAN)`;

/** A file read into DuckDB: its table, line map and what the later steps need. */
export interface ValidatedFile {
  readonly input: PreparedInput;
  /** Position of the file in reports (data.md order). */
  readonly order: number;
  readonly table: string;
  /** The breakpoints of the line map, as a table (ordinal, offset). */
  readonly positions: string;
  readonly positionKind: PositionKind;
  /** Stored columns and their DuckDB types. */
  readonly stored: readonly { readonly name: string; readonly type: string }[];
}

export interface ValidationSettings {
  readonly session: DuckDbSession;
  /** Where rewritten CSV files go (inside the staging folder). */
  readonly workFolder: string;
  /** Reads person ids the same way in a rewritten file as in DuckDB. */
  readonly personIds: PersonIdReader;
  readonly municipalityCodes: readonly number[];
}

export async function validateFile(
  input: PreparedInput,
  order: number,
  settings: ValidationSettings,
): Promise<ValidatedFile> {
  const { session } = settings;
  const name = input.found.spec.name;
  const table = `t_${name}`;
  const positions = `positions_${name}`;
  let lineMap: LineMap;
  let from: string;
  let expectedRows: number;
  const early: RecordProblem[] = [];
  const scan = input.csv;
  if (scan === undefined) {
    lineMap = LineMap.rows();
    from = `read_parquet(${sqlString(input.found.path)})`;
    expectedRows = input.rowsRead;
  } else {
    let path = scan.path;
    lineMap = scan.lineMap;
    early.push(...scan.recordProblems);
    expectedRows = scan.records - scan.recordProblems.length;
    if (scan.needsRewrite) {
      const person = scan.columns.indexOf('person_id');
      const rewritten = await rewriteCsvFile(
        scan,
        join(settings.workFolder, `${name}.csv`),
        input.found.spec.personLevel && person >= 0 ? person : undefined,
        settings.personIds,
      );
      path = rewritten.path;
      lineMap = rewritten.lineMap;
      early.push(...rewritten.cprProblems);
      expectedRows = rewritten.rows;
    }
    const columns = scan.columns.map((_, index) => `'c_${index}': 'VARCHAR'`).join(', ');
    from =
      `read_csv(${sqlString(path)}, header = true, auto_detect = false, delim = ${sqlString(scan.delimiter)},` +
      ` quote = '"', escape = '"', columns = {${columns}}, max_line_size = ${2 * MAX_RECORD_BYTES},` +
      ` strict_mode = true, encoding = 'utf-8')`;
  }

  const statement = validationStatement({
    table,
    from,
    columns: input.columns,
    delimiter: input.delimiter,
    municipalityCodes: settings.municipalityCodes,
  });
  await session.run(statement.sql);
  const [count] = await session.rows(`SELECT count(*)::DOUBLE AS n FROM ${sqlIdentifier(table)}`);
  const rows = Number(count?.['n'] ?? -1);
  if (rows !== expectedRows) {
    throw new Error(
      `${input.found.file}: DuckDB read ${rows} rows where the scan found ${expectedRows}`,
    );
  }

  const kind = lineMap.kind;
  await session.run(`CREATE TABLE ${sqlIdentifier(positions)} (ordinal BIGINT, "offset" BIGINT)`);
  await session.append(
    positions,
    lineMap.breakpoints().map((point) => [point.ordinal, point.offset]),
  );

  const checks = `checks_${name}`;
  await session.run(
    `CREATE TABLE ${sqlIdentifier(checks)} (id INTEGER, column_name VARCHAR, label VARCHAR, reason VARCHAR, fatal BOOLEAN)`,
  );
  await session.append(
    checks,
    statement.checks.map((check) => [
      check.id,
      check.column,
      check.problem.label,
      check.problem.reason,
      check.problem.label === 'CPR-nummer',
    ]),
  );

  const file = input.found.file;
  await session.append(
    'problems',
    early.map((problem): SqlValue[] => [
      order,
      file,
      problem.line,
      'line',
      problem.column ?? null,
      problem.value ?? null,
      problem.problem.label,
      problem.problem.reason,
      problem.problem.label === 'CPR-nummer',
    ]),
  );
  const [failed] = await session.rows(
    `SELECT count(*)::DOUBLE AS n FROM ${sqlIdentifier(table)} WHERE check_id IS NOT NULL`,
  );
  if (Number(failed?.['n'] ?? 0) > 0) {
    const offending = `offending_${name}`;
    await session.run(statement.offendingValuesSql(offending));
    await session.run(
      `INSERT INTO problems
       SELECT ${order}, ${sqlString(file)}, t.ordinal + p."offset", ${sqlString(kind)},
         k.column_name, ${reportedValueSql('t.bad_value')}, k.label, k.reason, k.fatal
       FROM (SELECT rowid AS ordinal, check_id, bad_value FROM ${sqlIdentifier(offending)}
             WHERE check_id IS NOT NULL) t
       ASOF JOIN ${sqlIdentifier(positions)} p ON t.ordinal >= p.ordinal
       JOIN ${sqlIdentifier(checks)} k ON k.id = t.check_id`,
    );
    // Both readings of the file must find the same rows with the same checks.
    const [agree] = await session.rows(
      `SELECT count(*)::DOUBLE AS n FROM
         (SELECT rowid AS ordinal, check_id FROM ${sqlIdentifier(table)} WHERE check_id IS NOT NULL) t
       FULL JOIN
         (SELECT rowid AS ordinal, check_id FROM ${sqlIdentifier(offending)} WHERE check_id IS NOT NULL) o
       ON o.ordinal = t.ordinal AND o.check_id = t.check_id
       WHERE o.ordinal IS NULL OR t.ordinal IS NULL`,
    );
    if (Number(agree?.['n'] ?? -1) !== 0)
      throw new Error(`${file}: the second reading found other problems than the first`);
    await session.run(`DROP TABLE ${sqlIdentifier(offending)}`);
  }
  return { input, order, table, positions, positionKind: kind, stored: statement.stored };
}

/** A value as reports show it: CPR numbers masked, cut at a readable length. */
export function reportedValueSql(value: string): string {
  const masked = maskCprNumbersSql(value);
  return `CASE WHEN length(${masked}) > ${MAX_REPORTED_VALUE_CHARACTERS} THEN left(${masked}, ${MAX_REPORTED_VALUE_CHARACTERS}) || '...' ELSE ${masked} END`;
}
