/**
 * Which year's expected and actual benefit rates the risk view of month M
 * uses: "the latest expected rates at or before M".
 *
 * Project reading (named choice, docs/law-index.md): the rates of a year are
 * those of its whole period (§ 3, stk. 3–4: "i løbet af året"), so the latest
 * rates at or before M are those of the latest year whose period has ended by
 * the end of M — the year before M's, or M's own year when M is December.
 * When the rates of that year are not available, the latest earlier year
 * that is.
 */
import { monthNumberOf, yearOf, type YearMonth } from '../calendar/year-month.js';

/** The latest year whose period has ended by the last day of `month`. */
export function latestEndedRatesYear(month: YearMonth): number {
  return monthNumberOf(month) === 12 ? yearOf(month) : yearOf(month) - 1;
}

/** The year of rates to use for `month` among `availableYears`; `undefined` when none is early enough. */
export function ratesYearForMonth(
  month: YearMonth,
  availableYears: readonly number[],
): number | undefined {
  const latest = latestEndedRatesYear(month);
  let chosen: number | undefined;
  for (const year of availableYears) {
    if (year <= latest && (chosen === undefined || year > chosen)) chosen = year;
  }
  return chosen;
}
