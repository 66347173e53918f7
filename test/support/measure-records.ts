/**
 * Runs the measurement core on readable records and reads the counts back by
 * name, so that rule tests read as sentences.
 */
import { yearMonth, monthIndex } from '../../src/core/calendar/year-month.js';
import type { MeasureScope } from '../../src/core/domain/measure-scope.js';
import {
  createMeasureContext,
  scopeIndex,
  type MeasureContext,
} from '../../src/core/measures/measure-context.js';
import { measurePersons } from '../../src/core/measures/measure-persons.js';
import { createAccumulators } from '../../src/core/measures/create-accumulators.js';
import {
  CONVERSATIONS_GOAL,
  focusPassiveOf,
  focusTargetOf,
  OFFERS_GOAL,
  type MeasureAccumulators,
} from '../../src/core/measures/monthly-aggregation.js';
import { buildLoadColumns, DEFAULT_MUNICIPALITY, type PersonRecords } from './load-records.js';

export const TEST_MUNICIPALITIES = [101, 147, 151, 157, 159, 161] as const;

export interface Measured {
  readonly context: MeasureContext;
  readonly accumulators: MeasureAccumulators;
}

export function measureRecords(
  persons: readonly PersonRecords[],
  from: string,
  to: string,
): Measured {
  const columns = buildLoadColumns(persons);
  const context = createMeasureContext(yearMonth(from), yearMonth(to), [...TEST_MUNICIPALITIES]);
  const accumulators = createAccumulators(context);
  measurePersons({ columns, context, fromPerson: 0, toPerson: columns.personCount, accumulators });
  return { context, accumulators };
}

export interface FocusCounts {
  readonly target: number;
  readonly passiveOffers: number;
  readonly passiveConversations: number;
}

/** The focus counts of one municipality, month and scope. */
export function focusCounts(
  measured: Measured,
  month: string,
  options: { municipality?: number; scope?: MeasureScope } = {},
): FocusCounts {
  const { context, accumulators } = measured;
  const municipality =
    context.municipalityIndex[options.municipality ?? DEFAULT_MUNICIPALITY] ?? -1;
  const offset = monthIndex(yearMonth(month)) - context.firstMonthIndex;
  const scope = scopeIndex(options.scope ?? 'all');
  const cell = { municipality, monthOffset: offset, scope };
  return {
    target: focusTargetOf(accumulators, context, cell),
    passiveOffers: focusPassiveOf(accumulators, context, cell, OFFERS_GOAL),
    passiveConversations: focusPassiveOf(accumulators, context, cell, CONVERSATIONS_GOAL),
  };
}
