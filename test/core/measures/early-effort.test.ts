import { describe, expect, it } from 'vitest';
import { monthIndex, yearMonth } from '../../../src/core/calendar/year-month.js';
import type { MeasureScope } from '../../../src/core/domain/measure-scope.js';
import {
  EARLY_COHORT,
  EARLY_CONVERSATIONS_UNMET,
  EARLY_OFFER_UNMET,
  earlyEffortOf,
} from '../../../src/core/measures/early-effort.js';
import { scopeIndex } from '../../../src/core/measures/measure-context.js';
import type { PersonRecords } from '../../support/load-records.js';
import { measureRecords, type Measured } from '../../support/measure-records.js';

function early(measured: Measured, month: string, scope: MeasureScope = 'all') {
  const { context, accumulators } = measured;
  const offset = monthIndex(yearMonth(month)) - context.firstMonthIndex;
  const cell = {
    municipality: context.municipalityIndex[101] ?? 0,
    monthOffset: offset,
    scope: scopeIndex(scope),
  };
  const count = (field: number) => earlyEffortOf(accumulators, context, cell, field);
  return {
    cohort: count(EARLY_COHORT),
    conversationsUnmet: count(EARLY_CONVERSATIONS_UNMET),
    offerUnmet: count(EARLY_OFFER_UNMET),
  };
}

describe('early effort (measures.md § 8, M11, M12)', () => {
  it('a dagpenge spell from 1 January reaches 182 countable days on 1 July: the July cohort', () => {
    // 31 + 28 + 31 + 30 + 31 + 30 = 181 days to 30 June, so day 182 is 1 July 2021.
    // Three jobsamtaler (unmet: fewer than 4); a virksomhedspraktik starting 1 July (met).
    const person: PersonRecords = {
      id: 'd',
      periods: [{ benefit: 'dagpenge', from: '2021-01-01' }],
      conversations: [{ date: '2021-01-10' }, { date: '2021-03-10' }, { date: '2021-07-01' }],
      offers: [{ type: 'virksomhedspraktik', from: '2021-07-01', to: '2021-08-31' }],
    };
    const measured = measureRecords([person], '2021-06', '2021-08');
    expect(early(measured, '2021-06')).toEqual({ cohort: 0, conversationsUnmet: 0, offerUnmet: 0 });
    expect(early(measured, '2021-07')).toEqual({ cohort: 1, conversationsUnmet: 1, offerUnmet: 0 });
    expect(early(measured, '2021-07', 'a_dagpenge')).toEqual({
      cohort: 1,
      conversationsUnmet: 1,
      offerUnmet: 0,
    });
    expect(early(measured, '2021-08').cohort).toBe(0);
  });

  it('four jobsamtaler meet the requirement; an offer starting the day after day 182 does not', () => {
    // Kontanthjælp from 5 January 2021: day 182 is 5 July 2021.
    const person: PersonRecords = {
      id: 'k',
      periods: [{ benefit: 'kontanthjaelp', from: '2021-01-05' }],
      conversations: [
        { date: '2021-01-20' },
        { date: '2021-02-20', form: 'telefon' },
        { date: '2021-04-20' },
        { date: '2021-07-05' },
      ],
      offers: [{ type: 'loentilskud', from: '2021-07-06', to: '2021-12-31' }],
    };
    expect(
      early(measureRecords([person], '2021-07', '2021-07'), '2021-07', 'kontanthjaelp'),
    ).toEqual({
      cohort: 1,
      conversationsUnmet: 0,
      offerUnmet: 1,
    });
  });

  it('dead days delay the cohort month; spells of other benefits are not followed', () => {
    // Standby in March 2021 (31 dead days): day 182 moves from 1 July to 1 August.
    const delayed: PersonRecords = {
      id: 'x',
      periods: [{ benefit: 'dagpenge', from: '2021-01-01' }],
      exemptions: [{ reason: 'standby', from: '2021-03-01', to: '2021-03-31' }],
    };
    const sick: PersonRecords = {
      id: 'y',
      periods: [{ benefit: 'sygedagpenge', from: '2021-01-01' }],
    };
    const measured = measureRecords([delayed, sick], '2021-07', '2021-08');
    expect(early(measured, '2021-07').cohort).toBe(0);
    expect(early(measured, '2021-08')).toEqual({ cohort: 1, conversationsUnmet: 1, offerUnmet: 1 });
  });
});
