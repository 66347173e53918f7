import { describe, expect, it } from 'vitest';
import { assessYear } from '../../../src/core/assessment/annual-assessment.js';
import { ExpectedRates } from '../../../src/core/assessment/expected-rates.js';
import type { CaseState } from '../../../src/core/assessment/case-state.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { formatParagraph } from '../../../src/core/rules/legal-source.js';
import { DECISION_CASES, type DecisionCase } from './decision-cases.js';
import { monthsOf, rateOf } from '../../support/aggregates.js';

function assessCase(test: DecisionCase) {
  const goalRows = (goal: 'offers' | 'conversations', permille: number | null) =>
    monthsOf(101, goal, `${test.year}-01`, `${test.year}-12`, () =>
      permille === null ? { target: 0, passive: 0 } : { target: 1000, passive: permille },
    );
  const before: CaseState = {
    status: test.before,
    selectedYear: test.before === 'none' ? undefined : test.year - 1,
    baseline: {
      offers: test.baseline?.offers,
      conversations: test.baseline?.conversations,
    },
  };
  const assessment = assessYear(
    test.year,
    {
      municipalities: [101],
      aggregates: new MonthlyAggregates([
        ...goalRows('offers', test.offers),
        ...goalRows('conversations', test.conversations),
      ]),
      rates: new ExpectedRates([rateOf(101, test.year, test.resultDifference)]),
    },
    new Map([[101, before]]),
  );
  const [municipality] = assessment.municipalities;
  if (!municipality) throw new Error('no municipality assessed');
  return municipality;
}

describe('the decision of the annual assessment', () => {
  it.each(DECISION_CASES.map((test) => [test.name, test] as const))('%s', (_name, test) => {
    const { decision } = assessCase(test);
    expect(decision.kind).toBe(test.decision);
    expect(`${decision.legalBasis.instrument.id} ${formatParagraph(decision.legalBasis)}`).toBe(
      test.basis,
    );
    const codes = decision.reasons.map((reason) => reason.code);
    for (const reason of test.reasons ?? []) expect(codes).toContain(reason);
  });

  it('stores both December focus measures and the year as the baseline on selection', () => {
    const assessed = assessCase({
      name: 'selection',
      year: 2021,
      before: 'none',
      offers: 234,
      conversations: 251,
      resultDifference: 1,
      decision: 'selected',
      basis: '',
    });
    expect(assessed.after.status).toBe('supervised');
    expect(assessed.after.selectedYear).toBe(2021);
    expect(assessed.after.baseline).toEqual({
      offers: assessed.focusGoals.offers.measure,
      conversations: assessed.focusGoals.conversations.measure,
    });
    expect(assessed.after.baseline.offers).toBeCloseTo(23.4, 12);
    expect(assessed.after.baseline.conversations).toBeCloseTo(25.1, 12);
  });

  it('gives the figures of the extension test: required, reached and needed improvement', () => {
    const assessed = assessCase({
      name: 'extension',
      year: 2023,
      before: 'supervised',
      baseline: { offers: 50, conversations: 10 },
      offers: 400,
      conversations: 100,
      resultDifference: 0,
      decision: 'extended',
      basis: '',
    });
    expect(assessed.improvements).toEqual([
      {
        goal: 'offers',
        baseline: 50,
        current: 40,
        threshold: 30,
        required: 20,
        reached: 10,
        needed: 10,
        sufficient: true,
      },
    ]);
    expect(assessed.after).toMatchObject({ status: 'extended', baseline: { offers: 50 } });
  });

  it('ending supervision clears the case: status none, no baseline', () => {
    const assessed = assessCase({
      name: 'end',
      year: 2023,
      before: 'supervised',
      baseline: { conversations: 30 },
      offers: 100,
      conversations: 150,
      resultDifference: 2,
      decision: 'supervision_ends',
      basis: '',
    });
    expect(assessed.after).toEqual({
      status: 'none',
      selectedYear: undefined,
      baseline: { offers: undefined, conversations: undefined },
    });
  });

  it('names the transitional rule when a year cannot select', () => {
    const assessed = assessCase({
      name: '2020',
      year: 2020,
      before: 'none',
      offers: 500,
      conversations: 500,
      resultDifference: 5,
      decision: 'stays_out',
      basis: '',
    });
    expect(assessed.decision.reasons[0]).toMatchObject({
      code: 'no_selection_this_year',
      year: 2020,
      firstYear: 2021,
      source: { instrument: { id: 'bek-564-2021' } },
    });
  });
});
