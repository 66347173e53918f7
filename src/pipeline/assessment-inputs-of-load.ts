/**
 * The annual assessment straight from person-level data: one measurement run
 * over the assessed years gives the monthly focus-goal aggregates and the
 * actual benefit rates; the expected rates are the official figures when the
 * user gives them, and otherwise the benchmark model fitted per calendar year
 * on the load's framework conditions (measures.md § 7; the choice is made by
 * `expectedRatesForAssessment`, one source per year, never mixed).
 */
import { calendarYear } from '../core/benchmark/benchmark-period.js';
import { fitBenchmarkModel } from '../core/benchmark/benchmark-model.js';
import { expectedRatesForAssessment } from '../core/benchmark/expected-rates-for-assessment.js';
import type { ExpectedRate } from '../core/benchmark/expected-rates.js';
import type { AssessmentInputs } from '../core/assessment/assessment-inputs.js';
import { yearMonthOf, type YearMonth } from '../core/calendar/year-month.js';
import { MonthlyAggregates } from '../core/focus-measures/monthly-aggregates.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import type { RuleBook } from '../core/rules/rule-book.js';
import { assessmentRatesOf } from '../inputs/read-official-figures.js';
import { assembleBenchmarkInput } from '../inputs/assemble-benchmark-input.js';
import { actualRatesOfRun, frameworkConditionsOfLoad } from './benchmark-inputs-of-load.js';
import type { OpenedLoad } from '../loading/load-catalog.js';
import { minimumRequirementRowsOf, monthlyAggregatesOf } from '../measuring/measure-results.js';
import { MinimumRequirementCounts } from '../core/administration/minimum-requirements.js';
import type { MeasureRunResult } from '../measuring/run-measures.js';
import { measureOpenedLoad } from './open-load.js';

export interface LoadAssessmentRequest {
  readonly load: OpenedLoad;
  readonly fromYear: number;
  readonly toYear: number;
  readonly municipalities: readonly MunicipalityCode[];
  /** The rules to measure under: `OFFICIAL_RULES`, or a simulation's book. */
  readonly rules: RuleBook;
  /** Imported official figures (all periods), when the user gave a file. */
  readonly official?: readonly ExpectedRate[];
  readonly workers?: number;
  /** The months to measure (default: January of `fromYear` … December of `toYear`). */
  readonly months?: { readonly from: YearMonth; readonly to: YearMonth };
  /** The years to give expected rates for (default: `fromYear` … `toYear`). */
  readonly ratesYears?: readonly number[];
  /**
   * Told when each step begins (a job reports it as progress): the
   * measurement of the focus measures, minimum requirements and benefit
   * rates (one pass over the load), then the expected rates (benchmark).
   */
  readonly onStep?: (step: 'measuring' | 'benchmark') => Promise<void>;
}

export interface LoadAssessmentInputs {
  readonly inputs: AssessmentInputs;
  readonly run: MeasureRunResult;
  /** The expected rates used, year by year, each with its source (for an expected_rates file). */
  readonly expectedRates: readonly ExpectedRate[];
}

export async function assessmentInputsOfLoad(
  request: LoadAssessmentRequest,
): Promise<LoadAssessmentInputs> {
  const { load, fromYear, toYear } = request;
  await request.onStep?.('measuring');
  const run = await measureOpenedLoad(load, {
    from: request.months?.from ?? yearMonthOf(fromYear, 1),
    to: request.months?.to ?? yearMonthOf(toYear, 12),
    rules: request.rules,
    ...(request.workers === undefined ? {} : { workers: request.workers }),
  });
  await request.onStep?.('benchmark');
  const framework = request.official ? undefined : await frameworkConditionsOfLoad(load);
  const actual = actualRatesOfRun(run, load.id);
  const rates: ExpectedRate[] = [];
  const years =
    request.ratesYears ??
    Array.from({ length: toYear - fromYear + 1 }, (_, index) => fromYear + index);
  for (const year of years) {
    const model = framework
      ? fitBenchmarkModel(assembleBenchmarkInput(calendarYear(year), framework, actual))
      : undefined;
    rates.push(...expectedRatesForAssessment(year, request.official, model?.expectedRates).rates);
  }
  return {
    run,
    expectedRates: rates,
    inputs: {
      municipalities: request.municipalities,
      aggregates: new MonthlyAggregates(monthlyAggregatesOf(run)),
      rates: assessmentRatesOf(rates),
      minimumRequirements: new MinimumRequirementCounts(minimumRequirementRowsOf(run)),
    },
  };
}
