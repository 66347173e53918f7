/**
 * What the annual assessment reads: the municipalities to assess, the monthly
 * focus-goal aggregates and the expected/actual benefit rates — and what of
 * it is missing for a given year.
 */
import { yearMonthOf, type YearMonth } from '../calendar/year-month.js';
import { FOCUS_GOALS, type FocusGoal } from '../domain/focus-goal.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import { missingMonths } from '../focus-measures/missing-months.js';
import type { MonthlyAggregates } from '../focus-measures/monthly-aggregates.js';
import type { ExpectedRates } from './expected-rates.js';

export interface AssessmentInputs {
  /** The municipalities to assess (all 98 in practice), in the order to report them. */
  readonly municipalities: readonly MunicipalityCode[];
  readonly aggregates: MonthlyAggregates;
  readonly rates: ExpectedRates;
}

/** Something the assessment of a year needs and the inputs lack. */
export type MissingInput =
  | { readonly kind: 'rates'; readonly municipality: MunicipalityCode; readonly year: number }
  | {
      readonly kind: 'focus_measures';
      readonly municipality: MunicipalityCode;
      readonly goal: FocusGoal;
      readonly year: number;
      readonly months: readonly YearMonth[];
    };

/** The month whose focus measure the assessment of `year` uses: December of that year. */
export function assessmentMonth(year: number): YearMonth {
  return yearMonthOf(year, 12);
}

/**
 * Everything the assessment of `year` lacks: a rate row per municipality, and
 * every counted month of December's window per municipality and goal (scope
 * `all`). Empty when the assessment can run.
 */
export function missingAssessmentInputs(inputs: AssessmentInputs, year: number): MissingInput[] {
  const missing: MissingInput[] = [];
  const month = assessmentMonth(year);
  for (const municipality of inputs.municipalities) {
    if (inputs.rates.get(municipality, year) === undefined)
      missing.push({ kind: 'rates', municipality, year });
    for (const goal of FOCUS_GOALS) {
      const months = missingMonths(inputs.aggregates, municipality, goal, month);
      if (months.length > 0)
        missing.push({ kind: 'focus_measures', municipality, goal, year, months });
    }
  }
  return missing;
}
