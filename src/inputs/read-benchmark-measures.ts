/**
 * The benchmark measures (measures.md § 9) to rank, from the file `tilsyn
 * measure` writes (`benchmark_measures.csv`: one row per municipality, month
 * and scope with each measure's count, base and share) or straight from a
 * measurement run. The ranked value of each measure is:
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
import type { YearMonth } from '../core/calendar/year-month.js';
import {
  BENCHMARK_MEASURES,
  isBenchmarkMeasure,
  type BenchmarkMeasure,
  type BenchmarkMeasureValues,
} from '../core/benchmark/benchmark-measures.js';
import { MEASURE_SCOPES, type MeasureScope } from '../core/domain/measure-scope.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { parseCsv, requireColumns } from '../files/csv-table.js';
import { readTextFile } from '../files/read-text-file.js';
import { RowReader } from '../files/row-reader.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import type { BenchmarkRecord } from '../measuring/measure-results.js';

/** The column of `benchmark_measures.csv` that holds each ranked measure. */
export const MEASURE_COLUMN: Readonly<Record<BenchmarkMeasure, string>> = {
  duration: 'mean_duration_days',
  exit_to_work_3: 'exit3_share',
  exit_to_work_6: 'exit6_share',
  passive_6: 'passive_6m_share',
  passive_12: 'passive_12m_share',
  company_directed_effort: 'company_directed_share',
};

interface MeasureRow {
  readonly municipality: MunicipalityCode;
  readonly month: YearMonth;
  readonly scope: MeasureScope;
  readonly values: Readonly<Partial<Record<BenchmarkMeasure, number | undefined>>>;
}

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
  const rows: MeasureRow[] = [];
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
  return groupByMeasure(rows);
}

/** The benchmark measures of a measurement run, ready to rank. */
export function benchmarkMeasureValuesOf(
  records: readonly BenchmarkRecord[],
  exitHorizonsMonths: readonly number[],
  passiveLookbackDays: readonly number[],
): BenchmarkMeasureValues[] {
  return groupByMeasure(
    records.map((record) => {
      const values: Partial<Record<BenchmarkMeasure, number | undefined>> = {
        duration: record.meanDurationDays,
        company_directed_effort: record.companyDirected.share,
      };
      exitHorizonsMonths.forEach((months, index) => {
        const measure = `exit_to_work_${months}`;
        if (isBenchmarkMeasure(measure)) values[measure] = record.exitToWork[index]?.share;
      });
      passiveLookbackDays.forEach((days, index) => {
        const measure = `passive_${Math.round((days * 12) / 365)}`;
        if (isBenchmarkMeasure(measure)) values[measure] = record.passive[index]?.share;
      });
      return { ...record, values };
    }),
  );
}

function groupByMeasure(rows: readonly MeasureRow[]): BenchmarkMeasureValues[] {
  const groups = new Map<
    string,
    {
      measure: BenchmarkMeasure;
      month: YearMonth;
      scope: MeasureScope;
      values: { municipality: number; value: number | undefined }[];
    }
  >();
  for (const measure of BENCHMARK_MEASURES) {
    for (const row of rows) {
      if (!(measure in row.values)) continue;
      const key = `${measure}|${row.month}|${row.scope}`;
      const group = groups.get(key) ?? {
        measure,
        month: row.month,
        scope: row.scope,
        values: [],
      };
      group.values.push({ municipality: row.municipality, value: row.values[measure] });
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}
