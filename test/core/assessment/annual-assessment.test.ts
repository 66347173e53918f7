import { describe, expect, it } from 'vitest';
import { assessYear } from '../../../src/core/assessment/annual-assessment.js';
import { missingAssessmentInputs } from '../../../src/core/assessment/assessment-inputs.js';
import { ExpectedRates } from '../../../src/core/assessment/expected-rates.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { monthsOf, rateOf, yearOfShares } from '../../support/aggregates.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

describe('the annual assessment of a year', () => {
  const inputs = {
    municipalities: [147, 101],
    aggregates: new MonthlyAggregates([
      ...yearOfShares(101, 2023, { offers: 350, conversations: 100 }),
      ...yearOfShares(147, 2023, { offers: 100, conversations: 100 }),
    ]),
    rates: new ExpectedRates([rateOf(101, 2023, 0.5), rateOf(147, 2023, 0.5)]),
  };

  it('assesses every municipality, in the order given, each from status none by default', () => {
    const assessment = assessYear(OFFICIAL_RULES, 2023, inputs);
    expect(assessment.municipalities.map((entry) => entry.municipality)).toEqual([147, 101]);
    expect(assessment.municipalities.map((entry) => entry.before.status)).toEqual(['none', 'none']);
    expect(assessment.municipalities.map((entry) => entry.decision.kind)).toEqual([
      'stays_out',
      'selected',
    ]);
  });

  it('states the rules, whether the year can select and which goals can ground a decision', () => {
    const assessment = assessYear(OFFICIAL_RULES, 2023, inputs);
    expect(assessment.rules.version.id).toBe('v2023');
    expect(assessment.canSelect).toBe(true);
    expect(assessment.groundingGoals).toEqual(['offers', 'conversations']);
  });

  it('gives the national December figure pooled over the municipalities', () => {
    const assessment = assessYear(OFFICIAL_RULES, 2023, inputs);
    expect(assessment.national.offers.value).toBeCloseTo(22.5, 12);
    expect(assessment.national.conversations.value).toBeCloseTo(10, 12);
  });

  it('refuses to run on incomplete inputs', () => {
    expect(() => assessYear(OFFICIAL_RULES, 2024, inputs)).toThrow(/incomplete/);
  });
});

describe('what the assessment of a year lacks', () => {
  it('names each municipality without a rate and each goal with missing months', () => {
    const inputs = {
      municipalities: [101, 147],
      aggregates: new MonthlyAggregates([
        ...yearOfShares(101, 2023, { offers: 100, conversations: 100 }),
        ...monthsOf(147, 'offers', '2023-01', '2023-10', () => ({ target: 5, passive: 1 })),
      ]),
      rates: new ExpectedRates([rateOf(101, 2023, 0)]),
    };
    expect(missingAssessmentInputs(OFFICIAL_RULES, inputs, 2023)).toEqual([
      { kind: 'rates', municipality: 147, year: 2023 },
      {
        kind: 'focus_measures',
        municipality: 147,
        goal: 'offers',
        month: '2023-12',
        months: ['2023-11', '2023-12'],
      },
      {
        kind: 'focus_measures',
        municipality: 147,
        goal: 'conversations',
        month: '2023-12',
        months: [
          '2023-01',
          '2023-02',
          '2023-03',
          '2023-04',
          '2023-05',
          '2023-06',
          '2023-07',
          '2023-08',
          '2023-09',
          '2023-10',
          '2023-11',
          '2023-12',
        ],
      },
    ]);
  });
});
