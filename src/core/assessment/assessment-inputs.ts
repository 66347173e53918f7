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
import type { RuleBook } from '../rules/rule-book.js';
import type { MinimumRequirementCounts } from '../administration/minimum-requirements.js';
import type { ExpectedRates } from './expected-rates.js';

export interface AssessmentInputs {
  /** The municipalities to assess (all 98 in practice), in the order to report them. */
  readonly municipalities: readonly MunicipalityCode[];
  readonly aggregates: MonthlyAggregates;
  readonly rates: ExpectedRates;
  /**
   * The minimum requirements' monthly counts (a measure run, or a
   * `minimum_requirements` file), reported for municipalities under
   * administration; absent: reported as "ikke opgjort".
   */
  readonly minimumRequirements?: MinimumRequirementCounts;
}

/** Something an assessment or a risk view needs and the inputs lack. */
export type MissingInput =
  | { readonly kind: 'rates'; readonly municipality: MunicipalityCode; readonly year: number }
  /** No rates at all for `year` or any year before it. */
  | { readonly kind: 'rates_year'; readonly year: number }
  | {
      readonly kind: 'focus_measures';
      readonly municipality: MunicipalityCode;
      readonly goal: FocusGoal;
      /** The reference month whose focus measure needs the months. */
      readonly month: YearMonth;
      /** The months without a row. */
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
export function missingAssessmentInputs(
  rules: RuleBook,
  inputs: AssessmentInputs,
  year: number,
): MissingInput[] {
  const month = assessmentMonth(year);
  const missing: MissingInput[] = [];
  for (const municipality of inputs.municipalities) {
    if (inputs.rates.get(municipality, year) === undefined)
      missing.push({ kind: 'rates', municipality, year });
    missing.push(...missingFocusMonths(rules, inputs.aggregates, municipality, month));
  }
  return missing;
}

/** The months each goal of `municipality` lacks for the focus measure of `month` (scope `all`). */
export function missingFocusMonths(
  rules: RuleBook,
  aggregates: MonthlyAggregates,
  municipality: MunicipalityCode,
  month: YearMonth,
): MissingInput[] {
  return FOCUS_GOALS.flatMap((goal): MissingInput[] => {
    const months = missingMonths(rules, aggregates, municipality, goal, month);
    return months.length === 0
      ? []
      : [{ kind: 'focus_measures', municipality, goal, month, months }];
  });
}
