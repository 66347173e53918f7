/**
 * The benchmark measures (measures.md § 9) to rank, from the file `tilsyn
 * measure` writes (`benchmark_measures.csv`: one row per municipality, month
 * and scope with each measure's count, base and share). The ranked value of each measure is:
 *
 * | measure                   | column                   |
 * | ------------------------- | ------------------------ |
 * | `duration`                | `mean_duration_days`     |
 * | `exit_to_work_3`, `_6`    | `exit3_share`, `exit6_share` |
 * | `passive_6`, `passive_12` | `passive_6m_share`, `passive_12m_share` |
 * | `company_directed_effort` | `company_directed_share` |
 *
 * An empty value (no spell ended, no cohort) is no value: not ranked.
 */
import {
  BENCHMARK_MEASURES,
  groupBenchmarkMeasures,
  type BenchmarkMeasure,
  type BenchmarkMeasureRow,
  type BenchmarkMeasureValues,
} from '../core/benchmark/benchmark-measures.js';
import { MEASURE_SCOPES } from '../core/domain/measure-scope.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { parseCsv, requireColumns } from '../files/csv-table.js';
import { readTextFile } from '../files/read-text-file.js';
import { RowReader } from '../files/row-reader.js';
import { InputError, type InputProblem } from '../files/input-error.js';

/** The column of `benchmark_measures.csv` that holds each ranked measure. */
export const MEASURE_COLUMN: Readonly<Record<BenchmarkMeasure, string>> = {
  duration: 'mean_duration_days',
  exit_to_work_3: 'exit3_share',
  exit_to_work_6: 'exit6_share',
  passive_6: 'passive_6m_share',
  passive_12: 'passive_12m_share',
  company_directed_effort: 'company_directed_share',
};

export async function readBenchmarkMeasures(
  path: string,
  file: string,
  codes: ReadonlySet<MunicipalityCode>,
): Promise<BenchmarkMeasureValues[]> {
  return parseBenchmarkMeasures(file, await readTextFile(path, file), codes);
}

export function parseBenchmarkMeasures(
  file: string,
  text: string,
  codes: ReadonlySet<MunicipalityCode>,
): BenchmarkMeasureValues[] {
  const table = parseCsv(file, text);
  requireColumns(table, ['municipality', 'month', 'scope', ...Object.values(MEASURE_COLUMN)]);
  const problems: InputProblem[] = [];
  const rows: BenchmarkMeasureRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const reader = new RowReader(table, row, problems);
    const before = problems.length;
    const municipality = reader.municipality('municipality', codes);
    const month = reader.month('month');
    const scope = reader.code(
      'scope',
      MEASURE_SCOPES,
      'ukendt omfang (all, en ydelsesgruppe eller en ydelsestype)',
    );
    const values: Partial<Record<BenchmarkMeasure, number | undefined>> = {};
    for (const measure of BENCHMARK_MEASURES)
      values[measure] = reader.decimal(
        MEASURE_COLUMN[measure],
        -Infinity,
        Infinity,
        'ikke et tal',
        true,
      );
    if (
      problems.length > before ||
      municipality === undefined ||
      month === undefined ||
      scope === undefined
    )
      continue;
    const key = `${municipality}|${month}|${scope}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reader.problem(
        'municipality',
        `kommunen står allerede for måneden og omfanget på linje ${earlier}`,
      );
      continue;
    }
    seen.set(key, row.line);
    rows.push({ municipality, month, scope, values });
  }
  if (problems.length > 0) throw new InputError(problems);
  return groupBenchmarkMeasures(rows);
}
