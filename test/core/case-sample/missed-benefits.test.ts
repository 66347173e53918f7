import { describe, expect, it } from 'vitest';
import {
  benefitsMissingGoals,
  goalsMissedAtAssessment,
  hasPerTypeAggregates,
} from '../../../src/core/case-sample/missed-benefits.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { monthsOf, yearOfShares } from '../../support/aggregates.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

const perType = (
  benefit: 'dagpenge' | 'kontanthjaelp',
  goal: 'offers' | 'conversations',
  passive: number,
) => monthsOf(101, goal, '2021-01', '2021-12', () => ({ target: 100, passive }), benefit);

describe('the goals and benefit types of the case sample', () => {
  const aggregates = new MonthlyAggregates([
    ...yearOfShares(101, 2021, { offers: 300, conversations: 250 }),
    ...perType('dagpenge', 'conversations', 30),
    ...perType('dagpenge', 'offers', 40),
    ...perType('kontanthjaelp', 'conversations', 19),
    ...perType('kontanthjaelp', 'offers', 40),
  ]);

  it('only goals that could ground the selection count: in 2021 conversations, not offers', () => {
    expect(goalsMissedAtAssessment(OFFICIAL_RULES, aggregates, 101, 2021)).toEqual([
      'conversations',
    ]);
  });

  it('a type is included when its own December measure misses one of those goals', () => {
    expect(benefitsMissingGoals(OFFICIAL_RULES, aggregates, 101, 2021, ['conversations'])).toEqual([
      { benefit: 'dagpenge', goals: [{ goal: 'conversations', measure: 30 }] },
    ]);
  });

  it('knows whether the aggregates are given per benefit type', () => {
    expect(hasPerTypeAggregates(aggregates, 101)).toBe(true);
    expect(
      hasPerTypeAggregates(
        new MonthlyAggregates(yearOfShares(101, 2021, { offers: 1, conversations: 1 })),
        101,
      ),
    ).toBe(false);
  });

  it('pools jobafklaring and ressourceforløb month by month into ressourceforløbsydelse', () => {
    const pooled = new MonthlyAggregates([
      ...monthsOf(
        101,
        'conversations',
        '2021-01',
        '2021-12',
        () => ({ target: 100, passive: 10 }),
        'jobafklaring',
      ),
      ...monthsOf(
        101,
        'conversations',
        '2021-01',
        '2021-12',
        () => ({ target: 300, passive: 90 }),
        'ressourceforloeb',
      ),
    ]);
    const [missed] = benefitsMissingGoals(OFFICIAL_RULES, pooled, 101, 2021, ['conversations']);
    expect(missed?.benefit).toBe('ressourceforloebsydelse');
    // (10 + 90) / (100 + 300) = 25 %, not the mean of 10 % and 30 %.
    expect(missed?.goals[0]?.measure).toBeCloseTo(25, 12);
  });
});
