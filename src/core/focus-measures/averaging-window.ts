/**
 * The months a focus measure averages: the last 12 months up to and including
 * the reference month, without the months left out of every average (the
 * COVID-19 months March–June 2020, measures.md M10).
 */
import { addMonths, lastDayOf, monthRange, type YearMonth } from '../calendar/year-month.js';
import type { RuleBook } from '../rules/rule-book.js';

export interface AveragingWindow {
  /** The reference month M. */
  readonly month: YearMonth;
  /** M−11 … M, in order. */
  readonly months: readonly YearMonth[];
  /** The months of the window that count, in order. */
  readonly counted: readonly YearMonth[];
  /** The months of the window left out of the average. */
  readonly excluded: readonly YearMonth[];
}

/**
 * The averaging window of month M under the rules in force on M's last day:
 * law § 22 b, "i et gennemsnit over de sidste 12 måneder"
 * (`focus.averaging_months`), without the months of
 * `covid.months_excluded_from_averages`. Months before the first rules are
 * read under the first rules (see `RuleBook`).
 */
export function averagingWindow(rules: RuleBook, month: YearMonth): AveragingWindow {
  const date = lastDayOf(month);
  const length = rules.value('focus.averaging_months', date);
  const excludedRange = rules.value('covid.months_excluded_from_averages', date);
  const months = monthRange(addMonths(month, -(length - 1)), month);
  const isExcluded = (candidate: YearMonth) =>
    candidate >= excludedRange.from && candidate <= excludedRange.to;
  return {
    month,
    months,
    counted: months.filter((candidate) => !isExcluded(candidate)),
    excluded: months.filter(isExcluded),
  };
}
