/**
 * Builders of monthly focus-goal aggregates and expected rates for tests.
 */
import { monthRange, yearMonth, type YearMonth } from '../../src/core/calendar/year-month.js';
import type { FocusGoal } from '../../src/core/domain/focus-goal.js';
import type { MeasureScope } from '../../src/core/domain/measure-scope.js';
import { calendarYear } from '../../src/core/benchmark/benchmark-period.js';
import type { ExpectedRate } from '../../src/core/benchmark/expected-rates.js';
import type { MonthlyAggregate } from '../../src/core/focus-measures/monthly-aggregates.js';

/** One row per month of `from` … `to`, with the given target and passive counts. */
export function monthsOf(
  municipality: number,
  goal: FocusGoal,
  from: string,
  to: string,
  count: (month: YearMonth) => { target: number; passive: number },
  scope: MeasureScope = 'all',
): MonthlyAggregate[] {
  return monthRange(yearMonth(from), yearMonth(to)).map((month) => ({
    municipality,
    month,
    goal,
    scope,
    ...count(month),
  }));
}

/**
 * A whole calendar year of both goals, each month with a target group of
 * 1000 and the given passive shares in tenths of a percent (so shares are
 * exact): `passivePermille.offers = 250` is 25.0 %.
 */
export function yearOfShares(
  municipality: number,
  year: number,
  passivePermille: Readonly<Record<FocusGoal, number>>,
): MonthlyAggregate[] {
  return (['offers', 'conversations'] as const).flatMap((goal) =>
    monthsOf(municipality, goal, `${year}-01`, `${year}-12`, () => ({
      target: 1000,
      passive: passivePermille[goal],
    })),
  );
}

/** The figures of one municipality and calendar year, from an official file named `file`. */
export function expectedRateOf(figures: {
  readonly municipality: number;
  readonly year: number;
  readonly expectedShare: number;
  readonly actualShare: number;
  readonly expectedCount: number;
  readonly actualCount: number;
  readonly file?: string;
}): ExpectedRate {
  return {
    municipality: figures.municipality,
    period: calendarYear(figures.year),
    residents16To66: undefined,
    expectedShare: figures.expectedShare,
    actualShare: figures.actualShare,
    expectedCount: figures.expectedCount,
    actualCount: figures.actualCount,
    differenceCount: figures.actualCount - figures.expectedCount,
    differencePoints: figures.actualShare - figures.expectedShare,
    rank: 0,
    source: {
      kind: 'official',
      table: 'expected_rates',
      file: figures.file ?? 'testtal',
      period: String(figures.year),
    },
  };
}

/** A rate row whose actual share is `differencePoints` above the expected 10 %. */
export function rateOf(
  municipality: number,
  year: number,
  differencePoints: number,
  differencePersons = differencePoints * 500,
): ExpectedRate {
  return expectedRateOf({
    municipality,
    year,
    expectedShare: 10,
    actualShare: 10 + differencePoints,
    expectedCount: 5000,
    actualCount: 5000 + differencePersons,
  });
}
