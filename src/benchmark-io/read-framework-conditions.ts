/**
 * Reads a `framework_conditions` file (data.md): `municipality`, `year`,
 * `residents_16_66`, then any numeric covariates, one row per municipality
 * and year. Every column after the three is a covariate of the benchmark
 * model, in file order.
 */
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { parseCsv, parseDecimal, parseInteger, requireColumns } from '../files/csv-table.js';
import { readTextFile } from '../files/read-text-file.js';
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
  for (const row of table.rows) {
    const problem = (column: string, reason: string) =>
      problems.push({ file, line: row.line, column, value: row.values[column] ?? '', reason });
    const municipality = parseInteger(row.values['municipality'] ?? '');
    if (municipality === undefined || !codes.has(municipality)) {
      problem('municipality', 'ukendt kommunekode');
      continue;
    }
    const year = parseInteger(row.values['year'] ?? '');
    if (year === undefined || year < 1900 || year > 2999) {
      problem('year', 'skal være et årstal');
      continue;
    }
    const residents = parseInteger(row.values['residents_16_66'] ?? '');
    if (residents === undefined || residents <= 0) {
      problem('residents_16_66', 'skal være et helt tal større end 0');
      continue;
    }
    const values: number[] = [];
    for (const covariate of covariates) {
      const value = parseDecimal(row.values[covariate] ?? '', table.delimiter);
      if (value === undefined || !Number.isFinite(value)) {
        problem(
          covariate,
          table.delimiter === ';' ? 'ikke et tal (fx 12,5)' : 'ikke et tal (fx 12.5)',
        );
      } else values.push(value);
    }
    if (values.length !== covariates.length) continue;
    const key = `${municipality}|${year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('municipality', `kommunen står allerede for ${year} på linje ${earlier}`);
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
