import { describe, expect, it } from 'vitest';
import { monthIndex, yearMonth } from '../../../src/core/calendar/year-month.js';
import {
  benchmarkOf,
  companyBaseField,
  companyField,
  DURATION_COUNT,
  DURATION_SUM,
  exitCohortField,
  exitToWorkField,
  passiveBaseField,
  passiveField,
} from '../../../src/core/measures/benchmark-measures.js';
import type { PersonRecords } from '../../support/load-records.js';
import { measureRecords, type Measured } from '../../support/measure-records.js';

function bench(measured: Measured, month: string, field: number): number {
  const { context, accumulators } = measured;
  const offset = monthIndex(yearMonth(month)) - context.firstMonthIndex;
  const cell = { municipality: context.municipalityIndex[101] ?? 0, monthOffset: offset, scope: 0 };
  return benchmarkOf(accumulators, context, cell, field);
}

describe('benchmark measures (measures.md § 9, M13)', () => {
  it('duration: the countable days of the spells that ended in the month', () => {
    // 2021-01-01 … 2021-06-30 = 181 days; 2021-03-01 … 2021-06-15 = 31 + 30 + 31 + 15 = 107 days.
    const measured = measureRecords(
      [
        { id: 'a', periods: [{ benefit: 'kontanthjaelp', from: '2021-01-01', to: '2021-06-30' }] },
        { id: 'b', periods: [{ benefit: 'dagpenge', from: '2021-03-01', to: '2021-06-15' }] },
        { id: 'c', periods: [{ benefit: 'dagpenge', from: '2021-03-01' }] },
      ],
      '2021-06',
      '2021-06',
    );
    expect(bench(measured, '2021-06', DURATION_COUNT)).toBe(2);
    expect(bench(measured, '2021-06', DURATION_SUM)).toBe(181 + 107);
  });

  it('exit to work: ended within 3 months of the start month and 37 hours in the month after', () => {
    const spell = (id: string, to: string, hoursMonth: string, hours: number): PersonRecords => ({
      id,
      periods: [{ benefit: 'dagpenge', from: '2021-01-10', to }],
      workHours: [{ month: hoursMonth, hours }],
    });
    const measured = measureRecords(
      [
        spell('a', '2021-03-20', '2021-04', 37),
        spell('b', '2021-03-20', '2021-04', 36.99),
        spell('c', '2021-05-20', '2021-06', 40),
      ],
      '2021-04',
      '2021-07',
    );
    // Started January 2021: the 3-month cohort is reported in April, the 6-month one in July.
    expect(bench(measured, '2021-04', exitCohortField(0))).toBe(3);
    expect(bench(measured, '2021-04', exitToWorkField(0))).toBe(1);
    expect(bench(measured, '2021-07', exitCohortField(1))).toBe(3);
    expect(bench(measured, '2021-07', exitToWorkField(1))).toBe(2);
  });

  it('passive 6 and 12 months, and company-directed effort in the target group', () => {
    // At R = 2022-03-31 the spell from 2021-01-01 has 455 countable days: in both bases and the
    // target group. The last 182 days start on the 455 − 182 + 1 = 274th day = 2021-10-01, the
    // last 365 on the 91st = 2021-04-01. A løntilskud in September 2021 lies in the last 365 days
    // (not passive for 12 months, company-directed effort) but not in the last 182 (passive 6).
    const measured = measureRecords(
      [
        {
          id: 'a',
          periods: [{ benefit: 'kontanthjaelp', from: '2021-01-01' }],
          offers: [{ type: 'loentilskud', from: '2021-09-01', to: '2021-09-30' }],
        },
      ],
      '2022-03',
      '2022-03',
    );
    expect(bench(measured, '2022-03', passiveBaseField(measured.context, 0))).toBe(1);
    expect(bench(measured, '2022-03', passiveField(measured.context, 0))).toBe(1);
    expect(bench(measured, '2022-03', passiveBaseField(measured.context, 1))).toBe(1);
    expect(bench(measured, '2022-03', passiveField(measured.context, 1))).toBe(0);
    expect(bench(measured, '2022-03', companyBaseField(measured.context))).toBe(1);
    expect(bench(measured, '2022-03', companyField(measured.context))).toBe(1);
  });
});
