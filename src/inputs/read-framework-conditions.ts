/**
 * Reads a `framework_conditions` file (data.md): `municipality`, `year`,
 * `residents_16_66`, then any numeric covariates, one row per municipality
 * and year. Every column after the three is a covariate of the benchmark
 * model, in file order.
 */
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { parseCsv, requireColumns } from '../files/csv-table.js';
import { readTextFile } from '../files/read-text-file.js';
import { RowReader } from '../files/row-reader.js';
import { InputError, type InputProblem } from '../files/input-error.js';

export interface FrameworkConditionRow {
  readonly line: number;
  readonly municipality: MunicipalityCode;
  readonly year: number;
  readonly residents16To66: number;
  /** In the order of {@link FrameworkConditions.covariates}. */
  readonly covariates: readonly number[];
}

export interface FrameworkConditions {
  readonly file: string;
  readonly covariates: readonly string[];
  readonly rows: readonly FrameworkConditionRow[];
}

const KEY_COLUMNS = ['municipality', 'year', 'residents_16_66'] as const;

export async function readFrameworkConditions(
  path: string,
  file: string,
  codes: ReadonlySet<MunicipalityCode>,
): Promise<FrameworkConditions> {
  return parseFrameworkConditions(file, await readTextFile(path, file), codes);
}

export function parseFrameworkConditions(
  file: string,
  text: string,
  codes: ReadonlySet<MunicipalityCode>,
): FrameworkConditions {
  const table = parseCsv(file, text);
  requireColumns(table, KEY_COLUMNS);
  const covariates = table.columns.filter(
    (column) => !(KEY_COLUMNS as readonly string[]).includes(column),
  );
  if (covariates.length === 0) {
    throw new InputError({
      file,
      line: 1,
      reason:
        'der er ingen kovariater: efter municipality, year og residents_16_66 skal der være mindst én kolonne med rammevilkår',
    });
  }
  const problems: InputProblem[] = [];
  const rows: FrameworkConditionRow[] = [];
  const seen = new Map<string, number>();
  const notANumber = table.delimiter === ';' ? 'ikke et tal (fx 12,5)' : 'ikke et tal (fx 12.5)';
  for (const row of table.rows) {
    const reader = new RowReader(table, row, problems);
    const before = problems.length;
    const municipality = reader.municipality('municipality', codes);
    const year = reader.integer('year', 1900, 2999, 'skal være et årstal');
    const residents = reader.integer(
      'residents_16_66',
      1,
      Number.MAX_SAFE_INTEGER,
      'skal være et helt tal større end 0',
    );
    const values = covariates
      .map((covariate) => reader.decimal(covariate, -Infinity, Infinity, notANumber))
      .filter((value): value is number => value !== undefined);
    if (
      problems.length > before ||
      municipality === undefined ||
      year === undefined ||
      residents === undefined
    )
      continue;
    const key = `${municipality}|${year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reader.problem('municipality', `kommunen står allerede for ${year} på linje ${earlier}`);
      continue;
    }
    seen.set(key, row.line);
    rows.push({
      line: row.line,
      municipality,
      year,
      residents16To66: residents,
      covariates: values,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { file, covariates, rows };
}
