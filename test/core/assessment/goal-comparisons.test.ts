import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import { focusGoalMet } from '../../../src/core/assessment/focus-goal-assessment.js';
import { reachedRequiredImprovement } from '../../../src/core/assessment/required-improvement.js';
import { assessResultGoal, resultGoalMet } from '../../../src/core/assessment/result-goal.js';
import { rulesForAssessment, rulesInForce } from '../../../src/core/rules/rules-in-force.js';
import { expectedRateOf } from '../../support/aggregates.js';

describe('the result goal (§ 4: the actual rate "ikke må overstige" the expected)', () => {
  it('is met when the actual rate equals the expected rate', () => {
    expect(resultGoalMet(12.34, 12.34)).toBe(true);
  });

  it('is met 0.01 points below and missed 0.01 points above', () => {
    expect(resultGoalMet(12.33, 12.34)).toBe(true);
    expect(resultGoalMet(12.35, 12.34)).toBe(false);
  });

  it('compares unrounded: a difference that rounds to 0.0 still misses', () => {
    const assessed = assessResultGoal(
      expectedRateOf({
        municipality: 101,
        year: 2023,
        expectedShare: 8.7,
        actualShare: 8.7004,
        expectedCount: 26100,
        actualCount: 26101.2,
      }),
    );
    expect(assessed.met).toBe(false);
    expect(assessed.differencePoints).toBe(8.7004 - 8.7);
    expect(assessed.differencePersons).toBe(26101.2 - 26100);
  });
});

describe('a focus goal ("skal være mindre end")', () => {
  const offers2023 = rulesForAssessment(2023).goalThreshold.offers.value;
  const conversations = rulesForAssessment(2023).goalThreshold.conversations.value;

  it('is met strictly below the threshold and missed exactly at it', () => {
    expect(focusGoalMet(offers2023, offers2023)).toBe(false);
    expect(focusGoalMet(conversations, conversations)).toBe(false);
  });

  it('is met 0.01 points below the threshold and missed 0.01 points above', () => {
    expect(focusGoalMet(offers2023 - 0.01, offers2023)).toBe(true);
    expect(focusGoalMet(offers2023 + 0.01, offers2023)).toBe(false);
    expect(focusGoalMet(19.99, conversations)).toBe(true);
  });

  it('treats a measure within 1e-9 of the threshold as at the threshold', () => {
    expect(focusGoalMet(20 - 5e-10, 20)).toBe(false);
    expect(focusGoalMet(20 - 2e-9, 20)).toBe(true);
    // The sum of twelve shares may land a hair off: 0.1 + 0.2 is not 0.3.
    expect(focusGoalMet(((0.1 + 0.2) / 0.3) * 20, 20)).toBe(false);
  });
});

describe('half of the required improvement (2023 § 11, 2019 § 12)', () => {
  it('seed 000, 2023 threshold 30 %: from 50 %, 10 points is half — 40 % extends', () => {
    const rules = rulesForAssessment(2023);
    const t = rules.goalThreshold.offers.value;
    const fraction = rules.extensionImprovementFraction.value;
    expect(t).toBe(30);
    expect(reachedRequiredImprovement(50, 40, t, fraction)).toBe(true);
    expect(reachedRequiredImprovement(50, 40.01, t, fraction)).toBe(false);
    expect(reachedRequiredImprovement(50, 39.99, t, fraction)).toBe(true);
  });

  it('seed 004, 2019 threshold 20 %: from 50 %, 15 points is half — 35 % extends', () => {
    const rules = rulesInForce(isoDate('2020-04-01'));
    const t = rules.goalThreshold.offers.value;
    const fraction = rules.extensionImprovementFraction.value;
    expect(rules.version.id).toBe('v2019');
    expect(t).toBe(20);
    expect(reachedRequiredImprovement(50, 35, t, fraction)).toBe(true);
    expect(reachedRequiredImprovement(50, 35.01, t, fraction)).toBe(false);
  });

  it('a goal met at selection and missed now can never reach the improvement', () => {
    expect(reachedRequiredImprovement(25, 30, 30, 0.5)).toBe(false);
    expect(reachedRequiredImprovement(29.99, 30, 30, 0.5)).toBe(false);
  });

  it('compares with the 1e-9 tolerance at exactly half', () => {
    // From 44.4 % to 37.2 % is exactly half of the way to 30 %, but in floating
    // point 44.4 − 37.2 comes out a hair below (44.4 − 30) × 0.5.
    expect(44.4 - 37.2 >= (44.4 - 30) * 0.5).toBe(false);
    expect(reachedRequiredImprovement(44.4, 37.2, 30, 0.5)).toBe(true);
  });
});

describe('the switch between rule versions on their dates', () => {
  it('the assessment of 2021 (published 1 April 2022) is governed by bek. nr. 564, citing 1409 §§', () => {
    const rules = rulesForAssessment(2021);
    expect(rules.version.id).toBe('v2021');
    expect(rules.paragraphs.value.supervision_ends?.paragraph).toBe('§ 11');
    expect(rules.goalThreshold.offers.value).toBe(20);
  });

  it('the assessment of 2022 (published 1 April 2023) is governed by bek. nr. 301 of 22 March 2023', () => {
    const rules = rulesForAssessment(2022);
    expect(rules.version.id).toBe('v2023');
    expect(rules.paragraphs.value.supervision_ends?.paragraph).toBe('§ 10');
    expect(rules.goalThreshold.offers.value).toBe(30);
  });
});
