/**
 * The national figure of a focus goal (measures.md § 6): all municipalities
 * pooled per month (sum of passive over sum of target), then averaged over the
 * window like a municipality's monthly shares — as the agency's national
 * average is computed.
 */
import type { YearMonth } from '../calendar/year-month.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { MeasureScope } from '../domain/measure-scope.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import type { RuleBook } from '../rules/rule-book.js';
import { averageOfMonthlyShares, type FocusMeasure } from './focus-measure.js';
import type { MonthlyAggregates } from './monthly-aggregates.js';
import { monthlyShare } from './monthly-share.js';

/** The national monthly share of month M: pooled over `municipalities`. */
export function nationalMonthlyShare(
  aggregates: MonthlyAggregates,
  municipalities: readonly MunicipalityCode[],
  goal: FocusGoal,
  month: YearMonth,
  scope: MeasureScope = 'all',
): number | undefined {
  let target = 0;
  let passive = 0;
  for (const municipality of municipalities) {
    const count = aggregates.count(municipality, goal, scope, month);
    if (count === undefined) continue;
    target += count.target;
    passive += count.passive;
  }
  return monthlyShare(target, passive);
}

/** The national focus measure of month M: the mean of the pooled monthly shares. */
export function nationalFocusMeasure(
  rules: RuleBook,
  aggregates: MonthlyAggregates,
  municipalities: readonly MunicipalityCode[],
  goal: FocusGoal,
  month: YearMonth,
  scope: MeasureScope = 'all',
): FocusMeasure {
  return averageOfMonthlyShares(rules, month, (counted) =>
    nationalMonthlyShare(aggregates, municipalities, goal, counted, scope),
  );
}
