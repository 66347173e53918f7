import { describe, expect, it } from 'vitest';
import { annualAssessmentPeriod } from '../../../src/core/benchmark/annual-assessment-period.js';
import {
  calendarYear,
  danishPeriodName,
  endYear,
  halfYear,
  parsePeriodLabel,
  periodLabel,
  quarterIndex,
  quarterWindow,
  samePeriod,
} from '../../../src/core/benchmark/benchmark-period.js';

describe('benchmark periods', () => {
  it('label a calendar year, its halves, a single quarter and a rolling window', () => {
    expect(periodLabel(calendarYear(2024))).toBe('2024');
    expect(periodLabel(halfYear(2024, 1))).toBe('2024-H1');
    expect(periodLabel(halfYear(2024, 2))).toBe('2024-H2');
    expect(periodLabel(quarterWindow(quarterIndex(2024, 3), quarterIndex(2024, 3)))).toBe('2024Q3');
    expect(periodLabel(quarterWindow(quarterIndex(2020, 3), quarterIndex(2021, 2)))).toBe(
      '2020Q3-2021Q2',
    );
  });

  it('read back every label they write', () => {
    for (const label of [
      '2024',
      '2024-H1',
      '2024-H2',
      '2024Q3',
      '2020Q3-2021Q2',
      '2019Q2-2019Q3',
    ]) {
      const period = parsePeriodLabel(label);
      expect(period, label).toBeDefined();
      if (period) expect(periodLabel(period)).toBe(label);
    }
    expect(parsePeriodLabel('2021Q2-2020Q3')).toBeUndefined();
    expect(parsePeriodLabel('2024-H3')).toBeUndefined();
  });

  it('call a window of the four quarters of one year that year, and name periods in Danish', () => {
    const window = quarterWindow(quarterIndex(2023, 1), quarterIndex(2023, 4));
    expect(samePeriod(window, calendarYear(2023))).toBe(true);
    expect(danishPeriodName(window)).toBe('2023');
    expect(danishPeriodName(halfYear(2023, 2))).toBe('2. halvår 2023');
    const rolling = quarterWindow(quarterIndex(2020, 3), quarterIndex(2021, 2));
    expect(danishPeriodName(rolling)).toBe('3. kvartal 2020 - 2. kvartal 2021');
    expect(endYear(rolling)).toBe(2021);
  });

  it('the annual assessment of a year compares that calendar year (§ 2: 1 January – 31 December)', () => {
    expect(periodLabel(annualAssessmentPeriod(2022))).toBe('2022');
    expect(samePeriod(annualAssessmentPeriod(2022), calendarYear(2022))).toBe(true);
  });
});
