import { describe, expect, it } from 'vitest';
import { yearMonth } from '../../../src/core/calendar/year-month.js';
import { ExpectedRates } from '../../../src/core/assessment/expected-rates.js';
import { calendarYear, endYear } from '../../../src/core/benchmark/benchmark-period.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { isOnTheBorder } from '../../../src/core/risk/on-the-border.js';
import { latestEndedRatesYear, ratesYearForMonth } from '../../../src/core/risk/rates-year.js';
import { missingRiskInputs, riskView } from '../../../src/core/risk/risk-view.js';
import { assessResultGoal } from '../../../src/core/assessment/result-goal.js';
import { expectedRateOf, monthsOf, rateOf } from '../../support/aggregates.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

describe('the rates the risk view of a month uses', () => {
  it('are those of the latest year that has ended by the end of the month', () => {
    expect(latestEndedRatesYear(yearMonth('2024-06'))).toBe(2023);
    expect(latestEndedRatesYear(yearMonth('2024-11'))).toBe(2023);
    expect(latestEndedRatesYear(yearMonth('2024-12'))).toBe(2024);
  });

  it('fall back to the latest earlier year in the file', () => {
    expect(ratesYearForMonth(yearMonth('2024-06'), [2021, 2022, 2024])).toBe(2022);
    expect(ratesYearForMonth(yearMonth('2024-06'), [2024, 2025])).toBeUndefined();
  });
});

describe('"on the border"', () => {
  const result = (differencePersons: number, differencePoints: number) =>
    assessResultGoal(
      expectedRateOf({
        municipality: 101,
        year: 2023,
        expectedShare: 10,
        actualShare: 10 + differencePoints,
        expectedCount: 5000,
        actualCount: 5000 + differencePersons,
      }),
    );

  it('is missing the result goal by fewer than 5 full-time persons (rounds to 0 tens)', () => {
    expect(isOnTheBorder(result(4.9, 0.01))).toBe(true);
    expect(isOnTheBorder(result(0.2, 0.0001))).toBe(true);
  });

  it('is not 5 or more persons above (rounds to 1 ten), nor meeting the goal', () => {
    expect(isOnTheBorder(result(5, 0.01))).toBe(false);
    expect(isOnTheBorder(result(-3, -0.01))).toBe(false);
    expect(isOnTheBorder(result(0, 0))).toBe(false);
  });
});

describe('the risk view of a month', () => {
  // 101: conversations 30 %, result +1 point (100 persons).   → Table 1
  // 147: conversations 25 %, result +0.01 point (3 persons).  → Table 1, on the border
  // 151: conversations 40 %, result met.                      → no table
  // 153: offers 35 %, result +0.5 point.                      → Table 2
  const shares: Record<
    number,
    { conversations: number; offers: number; diff: number; persons: number }
  > = {
    101: { conversations: 300, offers: 100, diff: 1, persons: 100 },
    147: { conversations: 250, offers: 100, diff: 0.01, persons: 3 },
    151: { conversations: 400, offers: 100, diff: -1, persons: -100 },
    153: { conversations: 100, offers: 350, diff: 0.5, persons: 50 },
  };
  const rows = Object.entries(shares).flatMap(([code, share]) =>
    (['conversations', 'offers'] as const).flatMap((goal) =>
      monthsOf(Number(code), goal, '2023-07', '2024-06', () => ({
        target: 1000,
        passive: share[goal],
      })),
    ),
  );
  const rates = Object.entries(shares).flatMap(([code, share]) => [
    rateOf(Number(code), 2023, share.diff, share.persons),
    rateOf(Number(code), 2024, -5, -500),
  ]);
  const inputs = {
    municipalities: [101, 147, 151, 153],
    aggregates: new MonthlyAggregates(rows),
    rates: new ExpectedRates(rates),
  };

  it('lists the municipalities missing each goal and the result goal, highest share first', () => {
    const view = riskView(OFFICIAL_RULES, yearMonth('2024-06'), inputs);
    expect(view.ratesYear).toBe(2023);
    expect(
      view.tables.map((table) => [table.goal, table.rows.map((row) => row.municipality)]),
    ).toEqual([
      ['conversations', [101, 147]],
      ['offers', [153]],
    ]);
  });

  it('marks the municipalities on the border', () => {
    const view = riskView(OFFICIAL_RULES, yearMonth('2024-06'), inputs);
    expect(view.tables[0]?.rows.map((row) => [row.municipality, row.onTheBorder])).toEqual([
      [101, false],
      [147, true],
    ]);
  });

  it('says whether each goal can ground a decision under the rules in force at the end of M', () => {
    const view = riskView(OFFICIAL_RULES, yearMonth('2024-06'), inputs);
    expect(view.rules.version.id).toBe('v2023');
    expect(
      view.tables.map((table) => [table.goal, table.threshold.value, table.canGround]),
    ).toEqual([
      ['conversations', 20, true],
      ['offers', 30, true],
    ]);
  });

  it('in 2022 the offers goal is judged by the rules of the 2022 assessment (bek. nr. 301, 30 %) but cannot ground a decision', () => {
    const rows2022 = rows.map((row) => ({
      ...row,
      month: yearMonth(`${Number(row.month.slice(0, 4)) - 2}${row.month.slice(4)}`),
    }));
    const view = riskView(OFFICIAL_RULES, yearMonth('2022-06'), {
      ...inputs,
      aggregates: new MonthlyAggregates(rows2022),
      rates: new ExpectedRates(
        rates.map((rate) => ({ ...rate, period: calendarYear(endYear(rate.period) - 2) })),
      ),
    });
    expect(view.rules.version.id).toBe('v2023');
    expect(
      view.tables.map((table) => [table.goal, table.threshold.value, table.canGround]),
    ).toEqual([
      ['conversations', 20, true],
      ['offers', 30, false],
    ]);
  });

  it('judges February 2023 at the 30 % offers threshold of the 2023 assessment, not the 20 % in force that month', () => {
    // 153 has 25 % passive for offers: missed at 20 %, met at 30 %.
    const february = new MonthlyAggregates(
      [101, 147, 151, 153].flatMap((code) =>
        (['conversations', 'offers'] as const).flatMap((goal) =>
          monthsOf(code, goal, '2022-03', '2023-02', () => ({
            target: 1000,
            passive: code === 153 && goal === 'offers' ? 250 : 100,
          })),
        ),
      ),
    );
    const view = riskView(OFFICIAL_RULES, yearMonth('2023-02'), {
      ...inputs,
      aggregates: february,
      rates: new ExpectedRates(
        rates.map((rate) => ({ ...rate, period: calendarYear(endYear(rate.period) - 1) })),
      ),
    });
    expect(view.assessmentYear).toBe(2023);
    expect(view.rules.version.id).toBe('v2023');
    const offers = view.tables.find((table) => table.goal === 'offers');
    expect(offers?.threshold.value).toBe(30);
    expect(offers?.rows).toEqual([]);
    expect(
      view.municipalities.find((entry) => entry.municipality === 153)?.focusGoals.offers.outcome,
    ).toBe('met');
  });

  it('uses the rates of the month’s own year in December', () => {
    const december = new MonthlyAggregates(
      Object.entries(shares).flatMap(([code, share]) =>
        (['conversations', 'offers'] as const).flatMap((goal) =>
          monthsOf(Number(code), goal, '2024-01', '2024-12', () => ({
            target: 1000,
            passive: share[goal],
          })),
        ),
      ),
    );
    const view = riskView(OFFICIAL_RULES, yearMonth('2024-12'), {
      ...inputs,
      aggregates: december,
    });
    expect(view.ratesYear).toBe(2024);
    // Every municipality meets the result goal of 2024 (5 points below expected).
    expect(view.tables.every((table) => table.rows.length === 0)).toBe(true);
  });

  it('names what it lacks: missing months and missing rates', () => {
    expect(missingRiskInputs(OFFICIAL_RULES, inputs, yearMonth('2024-07'))).toContainEqual({
      kind: 'focus_measures',
      municipality: 101,
      goal: 'offers',
      month: '2024-07',
      months: ['2024-07'],
    });
    expect(missingRiskInputs(OFFICIAL_RULES, inputs, yearMonth('2023-06'))).toContainEqual({
      kind: 'rates_year',
      year: 2022,
    });
  });
});
