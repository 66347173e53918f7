/**
 * Published monthly aggregates of the focus goals (the `focus_measures` file
 * of data.md): per municipality, month, goal and scope, the size of the target
 * group and how many of them were passive. The focus measures are computed
 * from these, so the assessment can run without person-level data.
 */
import { monthIndex, type YearMonth } from '../calendar/year-month.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { MeasureScope } from '../domain/measure-scope.js';
import type { MunicipalityCode } from '../domain/municipality.js';

/** One row of the aggregates. */
export interface MonthlyAggregate {
  readonly municipality: MunicipalityCode;
  readonly month: YearMonth;
  readonly goal: FocusGoal;
  readonly scope: MeasureScope;
  /** Persons in the target group at the month's reference date. */
  readonly target: number;
  /** Of those, persons passive for the goal. */
  readonly passive: number;
}

/** The target group and its passive persons in one month. */
export interface MonthlyCount {
  readonly target: number;
  readonly passive: number;
}

/**
 * The aggregates, indexed for lookup by municipality, goal, scope and month.
 * A combination given twice is a programming error here: readers of files
 * report duplicates with their line numbers before building the index.
 */
export class MonthlyAggregates {
  private readonly series = new Map<string, Map<number, MonthlyCount>>();
  private readonly codes = new Set<MunicipalityCode>();

  constructor(rows: Iterable<MonthlyAggregate>) {
    for (const row of rows) {
      const key = seriesKey(row.municipality, row.goal, row.scope);
      let months = this.series.get(key);
      if (!months) {
        months = new Map();
        this.series.set(key, months);
      }
      const index = monthIndex(row.month);
      if (months.has(index)) {
        throw new Error(
          `Duplicate aggregate: municipality ${row.municipality}, ${row.month}, ${row.goal}, ${row.scope}`,
        );
      }
      months.set(index, { target: row.target, passive: row.passive });
      this.codes.add(row.municipality);
    }
  }

  /** The count of one month, or `undefined` when there is no row for it. */
  count(
    municipality: MunicipalityCode,
    goal: FocusGoal,
    scope: MeasureScope,
    month: YearMonth,
  ): MonthlyCount | undefined {
    return this.series.get(seriesKey(municipality, goal, scope))?.get(monthIndex(month));
  }

  /** Whether any month is given for this municipality, goal and scope. */
  hasSeries(municipality: MunicipalityCode, goal: FocusGoal, scope: MeasureScope): boolean {
    return this.series.has(seriesKey(municipality, goal, scope));
  }

  /** The municipalities that have at least one row, in code order. */
  municipalities(): MunicipalityCode[] {
    return [...this.codes].sort((a, b) => a - b);
  }
}

function seriesKey(municipality: MunicipalityCode, goal: FocusGoal, scope: MeasureScope): string {
  return `${municipality}|${goal}|${scope}`;
}
