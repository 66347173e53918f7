/**
 * The quarterly status report's inputs straight from a data load: the months
 * Figure 1 and its 12-month averages need (M − 28 … M), measured in one run,
 * and the expected rates of the year the result goal uses — the official
 * figures when given, otherwise the benchmark model fitted on the load.
 */
import { addMonths, yearOf, type YearMonth } from '../core/calendar/year-month.js';
import type { ExpectedRate } from '../core/benchmark/expected-rates.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { latestEndedRatesYear } from '../core/risk/rates-year.js';
import { FIGURE_MONTHS } from '../core/status-report/status-report.js';
import type { RuleBook } from '../core/rules/rule-book.js';
import { lastDayOf } from '../core/calendar/year-month.js';
import type { OpenedLoad } from '../loading/load-catalog.js';
import { assessmentInputsOfLoad, type LoadAssessmentInputs } from './assessment-inputs-of-load.js';

/** The first month the report of `month` reads: the start of the oldest 12-month window of Figure 1. */
export function firstMonthOfStatusReport(rules: RuleBook, month: YearMonth): YearMonth {
  const averaging = rules.value('focus.averaging_months', lastDayOf(month));
  return addMonths(month, -(FIGURE_MONTHS - 1) - (averaging - 1));
}

export function statusReportInputsOfLoad(request: {
  readonly load: OpenedLoad;
  readonly month: YearMonth;
  readonly municipalities: readonly MunicipalityCode[];
  readonly official?: readonly ExpectedRate[];
  /** The rules to measure under. */
  readonly rules: RuleBook;
}): Promise<LoadAssessmentInputs> {
  const from = firstMonthOfStatusReport(request.rules, request.month);
  const ratesYear = latestEndedRatesYear(request.month);
  return assessmentInputsOfLoad({
    load: request.load,
    fromYear: yearOf(from),
    toYear: yearOf(request.month),
    municipalities: request.municipalities,
    rules: request.rules,
    ...(request.official === undefined ? {} : { official: request.official }),
    months: { from, to: request.month },
    ratesYears: [ratesYear],
  });
}
