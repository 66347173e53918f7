/**
 * The file-level checks of one input file, before any row is validated: the
 * CSV scan (encoding, header, delimiter, structure) or the Parquet schema
 * (column types), then the columns against data.md — required columns present,
 * none twice, unknown ones ignored with a warning (or, in framework_conditions,
 * taken as covariates). The result says where each column comes from.
 */
import type { InputProblem } from '../files/input-error.js';
import { DuckDbSession, sqlIdentifier, sqlString } from './duckdb-session.js';
import { digestFile } from './file-digest.js';
import type { FoundInputFile } from './input-folder.js';
import { hasDecimalColumn, type ColumnKind, type ColumnSpec } from './input-file-specs.js';
import { scanCsvFile, type CsvFileScan } from './scan-csv-file.js';
import type { ValidationColumn } from './validation-sql.js';

export interface PreparedInput {
  readonly found: FoundInputFile;
  readonly sha256: string;
  readonly bytes: number;
  readonly rowsRead: number;
  /** The CSV delimiter (`,` for Parquet: no decimal comma). */
  readonly delimiter: ',' | ';';
  /** The columns to validate and store, each with its source expression. */
  readonly columns: readonly ValidationColumn[];
  /** framework_conditions: the covariate columns, in file order. */
  readonly covariates: readonly string[];
  /** The scan of a CSV file. */
  readonly csv: CsvFileScan | undefined;
  readonly warnings: readonly string[];
  readonly problems: readonly InputProblem[];
}

const COVARIATE: ColumnKind = { type: 'decimal' };

export async function prepareInputFile(
  found: FoundInputFile,
  session: DuckDbSession,
): Promise<PreparedInput> {
  return found.format === 'csv' ? prepareCsv(found) : prepareParquet(found, session);
}

async function prepareCsv(found: FoundInputFile): Promise<PreparedInput> {
  const scan = await scanCsvFile(found.path, found.file, {
    decimalColumns: hasDecimalColumn(found.spec),
  });
  const base = {
    found,
    sha256: scan.sha256,
    bytes: scan.bytes,
    rowsRead: scan.records,
    delimiter: scan.delimiter,
    csv: scan,
  };
  if (scan.fileProblems.length > 0)
    return { ...base, columns: [], covariates: [], warnings: [], problems: scan.fileProblems };
  const layout = matchColumns(found, scan.columns, 1);
  const columns = layout.columns.map(({ spec, index }) => ({
    spec,
    source: index === undefined ? undefined : `c_${index}`,
  }));
  const problems = [...layout.problems];
  return { ...base, columns, covariates: layout.covariates, warnings: layout.warnings, problems };
}

async function prepareParquet(
  found: FoundInputFile,
  session: DuckDbSession,
): Promise<PreparedInput> {
  const digest = await digestFile(found.path);
  const base = {
    found,
    sha256: digest.sha256,
    bytes: digest.bytes,
    delimiter: ',' as const,
    csv: undefined,
  };
  let described: { name: string; type: string }[];
  let rows: number;
  try {
    const from = `read_parquet(${sqlString(found.path)})`;
    described = (await session.rows(`DESCRIBE SELECT * FROM ${from}`)).map((row) => ({
      name: String(row['column_name']),
      type: String(row['column_type']),
    }));
    const [count] = await session.rows(`SELECT count(*)::DOUBLE AS n FROM ${from}`);
    rows = Number(count?.['n'] ?? 0);
  } catch {
    return {
      ...base,
      rowsRead: 0,
      columns: [],
      covariates: [],
      warnings: [],
      problems: [
        {
          file: found.file,
          reason: 'filen kan ikke læses som Parquet (afkortet eller beskadiget?)',
        },
      ],
    };
  }
  const layout = matchColumns(
    found,
    described.map((column) => column.name),
    undefined,
  );
  const problems = [...layout.problems];
  const columns: ValidationColumn[] = [];
  for (const { spec, index } of layout.columns) {
    const column = index === undefined ? undefined : described[index];
    if (column === undefined) {
      columns.push({ spec, source: undefined });
      continue;
    }
    const accepted = acceptedParquetTypes(spec.kind);
    if (!accepted.test(column.type)) {
      problems.push({
        file: found.file,
        column: spec.name,
        reason: `kolonnen har typen ${column.type}; forventet ${accepted.expected}`,
      });
      continue;
    }
    const name = sqlIdentifier(column.name);
    const source =
      spec.kind.type === 'month' && column.type === 'DATE'
        ? `CASE WHEN day(${name}) = 1 THEN strftime(${name}, '%Y-%m') ELSE CAST(${name} AS VARCHAR) END`
        : `CAST(${name} AS VARCHAR)`;
    columns.push({ spec, source });
  }
  return {
    ...base,
    rowsRead: rows,
    columns,
    covariates: layout.covariates,
    warnings: layout.warnings,
    problems,
  };
}

interface ColumnLayout {
  readonly columns: readonly { readonly spec: ColumnSpec; readonly index: number | undefined }[];
  readonly covariates: readonly string[];
  readonly warnings: readonly string[];
  readonly problems: readonly InputProblem[];
}

/** Matches the file's column names to data.md; `line` is 1 for a CSV header, undefined for Parquet. */
function matchColumns(
  found: FoundInputFile,
  names: readonly string[],
  line: number | undefined,
): ColumnLayout {
  const file = found.file;
  const at = line === undefined ? {} : { line };
  const problems: InputProblem[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  names.forEach((name) => {
    if (name === '') problems.push({ file, ...at, reason: 'overskriftslinjen har en tom kolonne' });
    else if (seen.has(name))
      problems.push({
        file,
        ...at,
        column: name,
        reason: 'kolonnen står to gange i overskriftslinjen',
      });
    seen.add(name);
  });
  const columns = found.spec.columns.map((spec) => {
    const index = names.indexOf(spec.name);
    if (index < 0 && spec.optionalColumn !== true)
      problems.push({ file, ...at, column: spec.name, reason: 'påkrævet kolonne mangler' });
    return { spec, index: index < 0 ? undefined : index };
  });
  const known = new Set(found.spec.columns.map((spec) => spec.name));
  const covariates: string[] = [];
  const extra: { spec: ColumnSpec; index: number }[] = [];
  names.forEach((name, index) => {
    if (name === '' || known.has(name) || names.indexOf(name) !== index) return;
    if (found.spec.extraColumns === 'covariates') {
      covariates.push(name);
      extra.push({ spec: { name, kind: COVARIATE }, index });
    } else warnings.push(`${file}: ukendt kolonne "${name}" ignoreres`);
  });
  return { columns: [...columns, ...extra], covariates, warnings, problems };
}

const INTEGER_TYPES = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'UHUGEINT',
]);

function acceptedParquetTypes(kind: ColumnKind): {
  readonly test: (type: string) => boolean;
  readonly expected: string;
} {
  const isText = (type: string) => type === 'VARCHAR';
  const isInteger = (type: string) => INTEGER_TYPES.has(type);
  switch (kind.type) {
    case 'person':
      return { test: (t) => isText(t) || isInteger(t), expected: 'VARCHAR eller et heltal' };
    case 'municipality':
    case 'municipality-code':
    case 'delegated-to':
    case 'year':
    case 'count':
      return { test: (t) => isInteger(t) || isText(t), expected: 'et heltal eller VARCHAR' };
    case 'code':
      return { test: (t) => isText(t) || t.startsWith('ENUM('), expected: 'VARCHAR' };
    case 'date':
    case 'end-date':
      return {
        test: (t) => t === 'DATE' || isText(t),
        expected: 'DATE eller VARCHAR (ÅÅÅÅ-MM-DD)',
      };
    case 'month':
      return { test: (t) => isText(t) || t === 'DATE', expected: 'VARCHAR (ÅÅÅÅ-MM) eller DATE' };
    case 'hours':
    case 'decimal':
      return {
        test: (t) =>
          t === 'DOUBLE' || t === 'FLOAT' || t.startsWith('DECIMAL(') || isInteger(t) || isText(t),
        expected: 'DOUBLE, FLOAT, DECIMAL, et heltal eller VARCHAR',
      };
    case 'text':
      return { test: isText, expected: 'VARCHAR' };
  }
}
