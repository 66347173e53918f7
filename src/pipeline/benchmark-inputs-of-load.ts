/**
 * The benchmark model's input from a stored load: the load's framework
 * conditions and the actual benefit rates the measurement engine computes
 * from its benefit periods (measures.md § 7) — the same numbers `tilsyn
 * measure` writes to `benefit_rates.csv`.
 */
import {
  parsePeriodLabel,
  quarterOfQuarter,
  yearOfQuarter,
  type BenchmarkPeriod,
} from '../core/benchmark/benchmark-period.js';
import { yearMonthOf, type YearMonth } from '../core/calendar/year-month.js';
import type { OpenedLoad } from '../loading/load-catalog.js';
import { DuckDbSession, sqlString } from '../loading/duckdb-session.js';
import { benefitRatesOf } from '../measuring/measure-results.js';
import type { MeasureRunResult } from '../measuring/run-measures.js';
import type {
  ActualBenefitRateRow,
  ActualBenefitRates,
} from '../inputs/read-actual-benefit-rates.js';
import type {
  FrameworkConditionRow,
  FrameworkConditions,
} from '../inputs/read-framework-conditions.js';

const KEY_COLUMNS = ['municipality', 'year', 'residents_16_66'];

/** The framework conditions stored with `load`; every column after the keys is a covariate. */
export async function frameworkConditionsOfLoad(load: OpenedLoad): Promise<FrameworkConditions> {
  const file = `indlæsning ${load.id}: framework_conditions`;
  const session = await DuckDbSession.open({ memoryLimit: '512MB', threads: 1, tempDirectory: '' });
  try {
    const rows = await session.rows(
      `SELECT * FROM read_parquet(${sqlString(load.file('framework_conditions'))}) ORDER BY municipality, year`,
    );
    const first = rows[0];
    const covariates =
      first === undefined ? [] : Object.keys(first).filter((name) => !KEY_COLUMNS.includes(name));
    return {
      file,
      covariates,
      rows: rows.map((row, index): FrameworkConditionRow => ({
        line: index + 2,
        municipality: Number(row['municipality']),
        year: Number(row['year']),
        residents16To66: Number(row['residents_16_66']),
        covariates: covariates.map((name) => Number(row[name])),
      })),
    };
  } finally {
    session.close();
  }
}

/** The actual benefit rates of a measurement run, as `benefit_rates.csv` holds them. */
export function actualRatesOfRun(run: MeasureRunResult, loadId: string): ActualBenefitRates {
  const rows: ActualBenefitRateRow[] = [];
  benefitRatesOf(run).forEach((rate, index) => {
    const period = parsePeriodLabel(rate.period.label);
    if (period === undefined) return;
    rows.push({
      line: index + 2,
      municipality: rate.municipality,
      period,
      fullTimePersons: rate.fullTimePersons,
      residents16To66: rate.residents,
      actualShare: rate.actualShare,
    });
  });
  return { file: `indlæsning ${loadId}: faktiske ydelsesgrader`, rows };
}

/** The months a measurement run must cover to give the rates of `period`. */
export function monthsOfPeriod(period: BenchmarkPeriod): { from: YearMonth; to: YearMonth } {
  return {
    from: yearMonthOf(
      yearOfQuarter(period.firstQuarter),
      (quarterOfQuarter(period.firstQuarter) - 1) * 3 + 1,
    ),
    to: yearMonthOf(yearOfQuarter(period.lastQuarter), quarterOfQuarter(period.lastQuarter) * 3),
  };
}
