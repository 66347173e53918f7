/**
 * The focus measure of a month (measures.md § 6): the plain mean of the
 * defined monthly passive shares of the averaging window.
 */
import type { YearMonth } from '../calendar/year-month.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { MeasureScope } from '../domain/measure-scope.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import type { RuleBook } from '../rules/rule-book.js';
import { averagingWindow } from './averaging-window.js';
import type { MonthlyAggregates } from './monthly-aggregates.js';
import { monthlyShare } from './monthly-share.js';

export interface FocusMeasure {
  /** The reference month M. */
  readonly month: YearMonth;
  /** The average passive share in percent; `undefined` when no month of the window has a share. */
  readonly value: number | undefined;
  /** How many monthly shares the average is made of. */
  readonly monthsAveraged: number;
}

/**
 * The mean of the defined shares among `window.counted`, in month order (so a
 * re-run gives the same figure to the last digit).
 */
export function averageOfMonthlyShares(
  rules: RuleBook,
  month: YearMonth,
  shareOf: (month: YearMonth) => number | undefined,
): FocusMeasure {
  let sum = 0;
  let count = 0;
  for (const counted of averagingWindow(rules, month).counted) {
    const share = shareOf(counted);
    if (share === undefined) continue;
    sum += share;
    count += 1;
  }
  return { month, value: count === 0 ? undefined : sum / count, monthsAveraged: count };
}

/**
 * Bek. nr. 301 § 5: "Den gennemsnitlige andel personer […] som i de seneste
 * 12 måneder af ydelsesforløbet ikke har modtaget […]" — the focus measure of
 * one municipality, goal and scope for month M. A month without a row counts
 * as a month without a share; readers refuse files with missing months
 * before it comes to that.
 */
export function focusMeasure(
  rules: RuleBook,
  aggregates: MonthlyAggregates,
  municipality: MunicipalityCode,
  goal: FocusGoal,
  month: YearMonth,
  scope: MeasureScope = 'all',
): FocusMeasure {
  return averageOfMonthlyShares(rules, month, (counted) => {
    const count = aggregates.count(municipality, goal, scope, counted);
    return count === undefined ? undefined : monthlyShare(count.target, count.passive);
  });
}

/**
 * The focus measure of several scopes taken together (e.g. the two benefit
 * types that make up ressourceforløbsydelse): each month's counts are summed
 * over the scopes before the share is taken, as for a single scope.
 */
export function pooledFocusMeasure(
  rules: RuleBook,
  aggregates: MonthlyAggregates,
  municipality: MunicipalityCode,
  goal: FocusGoal,
  month: YearMonth,
  scopes: readonly MeasureScope[],
): FocusMeasure {
  return averageOfMonthlyShares(rules, month, (counted) => {
    let target = 0;
    let passive = 0;
    let found = false;
    for (const scope of scopes) {
      const count = aggregates.count(municipality, goal, scope, counted);
      if (count === undefined) continue;
      found = true;
      target += count.target;
      passive += count.passive;
    }
    return found ? monthlyShare(target, passive) : undefined;
  });
}
