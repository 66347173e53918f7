/**
 * Reads the actual benefit rates per municipality and period, as the
 * measurement engine writes them (`benefit_rates.csv`): `municipality`,
 * `period` (`2024`, `2024-H1`, `2024-H2`), `full_time_persons`, and
 * optionally `residents_16_66` and `actual_share` (checked against the
 * framework conditions when the model input is assembled). Other columns
 * (`benefit_days`, `days_in_period`, per-group columns) are ignored.
 */
import {
  parsePeriodLabel,
  periodLabel,
  type BenchmarkPeriod,
} from '../core/benchmark/benchmark-period.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { parseCsv, requireColumns } from '../files/csv-table.js';
import { readTextFile } from '../files/read-text-file.js';
import { RowReader } from '../files/row-reader.js';
import { InputError, type InputProblem } from '../files/input-error.js';

export interface ActualBenefitRateRow {
  readonly line: number;
  readonly municipality: MunicipalityCode;
  readonly period: BenchmarkPeriod;
  readonly fullTimePersons: number;
  readonly residents16To66: number | undefined;
  readonly actualShare: number | undefined;
}

export interface ActualBenefitRates {
  readonly file: string;
  readonly rows: readonly ActualBenefitRateRow[];
}

export async function readActualBenefitRates(
  path: string,
  file: string,
  codes: ReadonlySet<MunicipalityCode>,
): Promise<ActualBenefitRates> {
  return parseActualBenefitRates(file, await readTextFile(path, file), codes);
}

export function parseActualBenefitRates(
  file: string,
  text: string,
  codes: ReadonlySet<MunicipalityCode>,
): ActualBenefitRates {
  const table = parseCsv(file, text);
  requireColumns(table, ['municipality', 'period', 'full_time_persons']);
  const problems: InputProblem[] = [];
  const rows: ActualBenefitRateRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const reader = new RowReader(table, row, problems);
    const before = problems.length;
    const municipality = reader.municipality('municipality', codes);
    const period = parsePeriodLabel(reader.text('period'));
    if (!period)
      reader.problem('period', 'skal være et år (2024) eller et halvår (2024-H1, 2024-H2)');
    const persons = reader.decimal(
      'full_time_persons',
      0,
      Infinity,
      'skal være et tal, 0 eller derover',
    );
    const residents =
      reader.text('residents_16_66') === ''
        ? undefined
        : reader.integer(
            'residents_16_66',
            1,
            Number.MAX_SAFE_INTEGER,
            'skal være et helt tal større end 0',
          );
    const share = reader.decimal(
      'actual_share',
      0,
      100,
      'skal være en andel i procent mellem 0 og 100',
      true,
    );
    if (
      problems.length > before ||
      municipality === undefined ||
      period === undefined ||
      persons === undefined
    )
      continue;
    const key = `${municipality}|${periodLabel(period)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reader.problem('municipality', `kommunen står allerede for perioden på linje ${earlier}`);
      continue;
    }
    seen.set(key, row.line);
    rows.push({
      line: row.line,
      municipality,
      period,
      fullTimePersons: persons,
      residents16To66: residents,
      actualShare: share,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { file, rows };
}
