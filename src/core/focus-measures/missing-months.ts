/**
 * Which months a focus measure needs but the aggregates lack. A missing row
 * is not the same as an empty target group (a row with target 0), so callers
 * refuse incomplete input instead of averaging fewer months silently.
 */
import type { YearMonth } from '../calendar/year-month.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { MeasureScope } from '../domain/measure-scope.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import type { RuleBook } from '../rules/rule-book.js';
import { averagingWindow } from './averaging-window.js';
import type { MonthlyAggregates } from './monthly-aggregates.js';

/** The counted months of M's window that have no row for this municipality, goal and scope. */
export function missingMonths(
  rules: RuleBook,
  aggregates: MonthlyAggregates,
  municipality: MunicipalityCode,
  goal: FocusGoal,
  month: YearMonth,
  scope: MeasureScope = 'all',
): YearMonth[] {
  return averagingWindow(rules, month).counted.filter(
    (counted) => aggregates.count(municipality, goal, scope, counted) === undefined,
  );
}
