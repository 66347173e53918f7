import { describe, expect, it } from 'vitest';
import { ExpectedRates } from '../../../src/core/assessment/expected-rates.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { compareCaseHistories } from '../../../src/core/lifecycle/compare-histories.js';
import { runAssessments } from '../../../src/core/lifecycle/run-assessments.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';
import { withOverrides } from '../../../src/core/rules/rule-book.js';
import { parseRuleOverrides } from '../../../src/core/rules/rule-overrides.js';
import { rateOf, yearOfShares } from '../../support/aggregates.js';

/**
 * Three municipalities that miss the result goal in 2023 and 2024:
 * 101 with offers at 25 % (under the 30 % threshold), 147 at 32 % (over it),
 * 151 at 10 %; conversations at 10 % everywhere (met).
 */
const inputs = {
  municipalities: [101, 147, 151],
  aggregates: new MonthlyAggregates(
    [2023, 2024].flatMap((year) => [
      ...yearOfShares(101, year, { offers: 250, conversations: 100 }),
      ...yearOfShares(147, year, { offers: 320, conversations: 100 }),
      ...yearOfShares(151, year, { offers: 100, conversations: 100 }),
    ]),
  ),
  rates: new ExpectedRates(
    [2023, 2024].flatMap((year) => [
      rateOf(101, year, 1),
      rateOf(147, year, 1),
      rateOf(151, year, 1),
    ]),
  ),
};

function compare(...settings: string[]) {
  const rules = withOverrides(OFFICIAL_RULES, parseRuleOverrides(OFFICIAL_RULES, settings));
  return compareCaseHistories(
    runAssessments(OFFICIAL_RULES, 2023, 2024, inputs),
    runAssessments(rules, 2023, 2024, inputs),
  );
}

describe('two histories of the same assessments compared', () => {
  it('the same rules on both sides: no difference, the same counts', () => {
    const comparison = compare();
    expect(comparison.years.map((year) => year.differences)).toEqual([[], []]);
    expect(comparison.years[0]?.decisionCounts.official).toEqual({ selected: 1, stays_out: 2 });
    expect(comparison.years[0]?.decisionCounts.simulated).toEqual({ selected: 1, stays_out: 2 });
  });

  it('a lower offers threshold selects 101 instead, because its 25 % now misses the goal', () => {
    const [y2023] = compare('focus.offers.threshold=20').years;
    expect(y2023?.differences.map((entry) => [entry.municipality, entry.change])).toEqual([
      [101, 'selected_instead'],
    ]);
    const difference = y2023?.differences[0];
    expect(difference?.official).toEqual({
      decision: 'stays_out',
      statusBefore: 'none',
      statusAfter: 'none',
    });
    expect(difference?.simulated).toEqual({
      decision: 'selected',
      statusBefore: 'none',
      statusAfter: 'supervised',
    });
    expect(difference?.reasons).toEqual([
      {
        code: 'focus_goal',
        goal: 'offers',
        official: { measure: 25, threshold: 30, outcome: 'met', canGround: true },
        simulated: { measure: 25, threshold: 20, outcome: 'missed', canGround: true },
      },
    ]);
  });

  it('the next year carries the changed status forward and says so', () => {
    const [, y2024] = compare('focus.offers.threshold=20').years;
    const entry = y2024?.differences.find((difference) => difference.municipality === 101);
    expect(entry?.change).toBe('other_decision');
    expect(entry?.official.decision).toBe('stays_out');
    expect(entry?.simulated.decision).toBe('administration');
    expect(entry?.reasons[0]).toEqual({
      code: 'status_before',
      official: 'none',
      simulated: 'supervised',
    });
  });

  it('a higher threshold: 147 (32 %) is no longer selected', () => {
    const [y2023] = compare('focus.offers.threshold=35').years;
    expect(y2023?.differences.map((entry) => [entry.municipality, entry.change])).toEqual([
      [147, 'no_longer_selected'],
    ]);
  });

  it('another deadline with the same decision: other_deadlines, with the dates', () => {
    const [y2023] = compare('deadlines.account_due_months=2').years;
    expect(y2023?.differences.map((entry) => [entry.municipality, entry.change])).toEqual([
      [147, 'other_deadlines'],
    ]);
    expect(y2023?.differences[0]?.reasons).toEqual([
      { code: 'deadline', kind: 'account', official: '2024-07-31', simulated: '2024-06-30' },
    ]);
  });

  it('refuses histories of other years', () => {
    expect(() =>
      compareCaseHistories(
        runAssessments(OFFICIAL_RULES, 2023, 2024, inputs),
        runAssessments(OFFICIAL_RULES, 2023, 2023, inputs),
      ),
    ).toThrow(/same assessment years/);
  });
});
