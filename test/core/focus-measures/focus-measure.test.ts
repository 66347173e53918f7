import { describe, expect, it } from 'vitest';
import { yearMonth } from '../../../src/core/calendar/year-month.js';
import { averagingWindow } from '../../../src/core/focus-measures/averaging-window.js';
import { focusMeasure } from '../../../src/core/focus-measures/focus-measure.js';
import { missingMonths } from '../../../src/core/focus-measures/missing-months.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { monthlyShare } from '../../../src/core/focus-measures/monthly-share.js';
import {
  nationalFocusMeasure,
  nationalMonthlyShare,
} from '../../../src/core/focus-measures/national-focus-measure.js';
import { monthsOf } from '../../support/aggregates.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

describe('the monthly passive share', () => {
  it('is passive / target × 100', () => {
    expect(monthlyShare(400, 100)).toBe(25);
    expect(monthlyShare(3, 1)).toBe((1 / 3) * 100);
  });

  it('is undefined when the target group is empty', () => {
    expect(monthlyShare(0, 0)).toBeUndefined();
  });
});

describe('the focus measure of a month', () => {
  it('is the plain mean of the twelve monthly shares M−11 … M, not the pooled share', () => {
    // Jan–Jun: 100 of 1000 passive (10 %); Jul–Dec: 30 of 100 (30 %). Mean 20 %, pooled 12.7 %.
    const aggregates = new MonthlyAggregates(
      monthsOf(101, 'offers', '2022-01', '2022-12', (month) =>
        month <= '2022-06' ? { target: 1000, passive: 100 } : { target: 100, passive: 30 },
      ),
    );
    const measure = focusMeasure(OFFICIAL_RULES, aggregates, 101, 'offers', yearMonth('2022-12'));
    expect(measure.value).toBe((10 * 6 + 30 * 6) / 12);
    expect(measure.monthsAveraged).toBe(12);
  });

  it('uses only the window: months before M−11 do not count', () => {
    const aggregates = new MonthlyAggregates(
      monthsOf(101, 'conversations', '2021-01', '2022-12', (month) =>
        month <= '2021-12' ? { target: 10, passive: 10 } : { target: 10, passive: 1 },
      ),
    );
    expect(
      focusMeasure(OFFICIAL_RULES, aggregates, 101, 'conversations', yearMonth('2022-12')).value,
    ).toBe(10);
    // June 2022: Jul–Dec 2021 at 100 %, Jan–Jun 2022 at 10 %.
    expect(
      focusMeasure(OFFICIAL_RULES, aggregates, 101, 'conversations', yearMonth('2022-06')).value,
    ).toBe(55);
  });

  it('leaves out months whose target group is empty', () => {
    const aggregates = new MonthlyAggregates(
      monthsOf(101, 'offers', '2022-01', '2022-12', (month) =>
        month === '2022-05' ? { target: 0, passive: 0 } : { target: 10, passive: 2 },
      ),
    );
    const measure = focusMeasure(OFFICIAL_RULES, aggregates, 101, 'offers', yearMonth('2022-12'));
    expect(measure.value).toBe(20);
    expect(measure.monthsAveraged).toBe(11);
  });

  it('is undefined when no month of the window has a share', () => {
    const aggregates = new MonthlyAggregates(
      monthsOf(101, 'offers', '2022-01', '2022-12', () => ({ target: 0, passive: 0 })),
    );
    const measure = focusMeasure(OFFICIAL_RULES, aggregates, 101, 'offers', yearMonth('2022-12'));
    expect(measure.value).toBeUndefined();
    expect(measure.monthsAveraged).toBe(0);
  });

  it('leaves out March–June 2020 (COVID-19) from every average', () => {
    const aggregates = new MonthlyAggregates(
      monthsOf(101, 'offers', '2020-01', '2020-12', (month) =>
        month >= '2020-03' && month <= '2020-06'
          ? { target: 10, passive: 10 }
          : { target: 10, passive: 1 },
      ),
    );
    const measure = focusMeasure(OFFICIAL_RULES, aggregates, 101, 'offers', yearMonth('2020-12'));
    expect(measure.value).toBe(10);
    expect(measure.monthsAveraged).toBe(8);
  });

  it('is still reported for April 2020 itself, as the mean of the other months of its window', () => {
    const aggregates = new MonthlyAggregates(
      monthsOf(101, 'offers', '2019-05', '2020-04', (month) =>
        month >= '2020-03' ? { target: 10, passive: 9 } : { target: 10, passive: 3 },
      ),
    );
    const measure = focusMeasure(OFFICIAL_RULES, aggregates, 101, 'offers', yearMonth('2020-04'));
    expect(measure.value).toBe(30);
    expect(measure.monthsAveraged).toBe(10);
  });

  it('reads the scope asked for, and scope "all" by default', () => {
    const aggregates = new MonthlyAggregates([
      ...monthsOf(101, 'offers', '2022-01', '2022-12', () => ({ target: 10, passive: 1 })),
      ...monthsOf(
        101,
        'offers',
        '2022-01',
        '2022-12',
        () => ({ target: 4, passive: 2 }),
        'kontanthjaelp',
      ),
    ]);
    expect(
      focusMeasure(OFFICIAL_RULES, aggregates, 101, 'offers', yearMonth('2022-12')).value,
    ).toBe(10);
    expect(
      focusMeasure(OFFICIAL_RULES, aggregates, 101, 'offers', yearMonth('2022-12'), 'kontanthjaelp')
        .value,
    ).toBe(50);
  });
});

describe('the averaging window', () => {
  it('of December 2020 counts 8 months and leaves out March–June', () => {
    const window = averagingWindow(OFFICIAL_RULES, yearMonth('2020-12'));
    expect(window.months).toHaveLength(12);
    expect(window.excluded).toEqual(['2020-03', '2020-04', '2020-05', '2020-06']);
    expect(window.counted).toHaveLength(8);
  });

  it('of December 2021 counts all twelve months', () => {
    const window = averagingWindow(OFFICIAL_RULES, yearMonth('2021-12'));
    expect(window.months[0]).toBe('2021-01');
    expect(window.counted).toHaveLength(12);
  });
});

describe('months missing from the aggregates', () => {
  it('are the counted months of the window without a row (excluded months are not needed)', () => {
    const aggregates = new MonthlyAggregates(
      monthsOf(101, 'offers', '2020-01', '2020-10', () => ({ target: 10, passive: 1 })).filter(
        (row) => row.month < '2020-03' || row.month > '2020-06',
      ),
    );
    expect(missingMonths(OFFICIAL_RULES, aggregates, 101, 'offers', yearMonth('2020-12'))).toEqual([
      '2020-11',
      '2020-12',
    ]);
    expect(
      missingMonths(OFFICIAL_RULES, aggregates, 101, 'conversations', yearMonth('2020-10')),
    ).toHaveLength(8);
  });

  it('a combination given twice is refused when the index is built', () => {
    const rows = monthsOf(101, 'offers', '2022-01', '2022-01', () => ({ target: 1, passive: 0 }));
    expect(() => new MonthlyAggregates([...rows, ...rows])).toThrow(/Duplicate aggregate/);
  });
});

describe('the national figure', () => {
  const aggregates = new MonthlyAggregates([
    ...monthsOf(101, 'conversations', '2022-01', '2022-12', () => ({ target: 900, passive: 90 })),
    ...monthsOf(147, 'conversations', '2022-01', '2022-12', (month) =>
      month === '2022-12' ? { target: 0, passive: 0 } : { target: 100, passive: 50 },
    ),
  ]);

  it('pools all municipalities per month: sum of passive over sum of target', () => {
    expect(
      nationalMonthlyShare(aggregates, [101, 147], 'conversations', yearMonth('2022-01')),
    ).toBe((140 / 1000) * 100);
    expect(
      nationalMonthlyShare(aggregates, [101, 147], 'conversations', yearMonth('2022-12')),
    ).toBe(10);
  });

  it('averages the pooled monthly shares over the window', () => {
    const measure = nationalFocusMeasure(
      OFFICIAL_RULES,
      aggregates,
      [101, 147],
      'conversations',
      yearMonth('2022-12'),
    );
    let sum = 0;
    for (let month = 0; month < 11; month += 1) sum += (140 / 1000) * 100;
    sum += 10;
    expect(measure.value).toBe(sum / 12);
  });
});
