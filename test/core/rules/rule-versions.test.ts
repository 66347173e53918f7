import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import { yearMonth } from '../../../src/core/calendar/year-month.js';
import { defineParameter, valueOn } from '../../../src/core/rules/dated-parameter.js';
import { BEK_1409_2019 } from '../../../src/core/rules/legal-source.js';
import {
  ruleVersionForAssessment,
  ruleVersionForEvent,
  ruleVersionForMonth,
  ruleVersionOn,
} from '../../../src/core/rules/rule-version.js';
import {
  ALL_PARAMETERS,
  assessmentCanSelect,
  goalsThatCanGround,
  rulesForAssessment,
  rulesInForce,
} from '../../../src/core/rules/rules-in-force.js';

describe('which rule version is in force', () => {
  it.each([
    ['2019-06-01', 'v2019'],
    ['2020-01-01', 'v2019'],
    ['2021-03-29', 'v2019'],
    ['2021-03-30', 'v2021'],
    ['2023-03-21', 'v2021'],
    ['2023-03-22', 'v2023'],
    ['2026-11-23', 'v2023'],
  ])('on %s the version is %s', (date, version) => {
    expect(ruleVersionOn(isoDate(date)).id).toBe(version);
  });

  it.each([
    [2020, 'v2021'],
    [2021, 'v2021'],
    [2022, 'v2023'],
    [2023, 'v2023'],
  ])(
    'the assessment of %i is governed by %s (in force on 1 April the year after)',
    (year, version) => {
      expect(ruleVersionForAssessment(year).id).toBe(version);
    },
  );

  it('a monthly measure uses the version in force on the last day of the month', () => {
    expect(ruleVersionForMonth(yearMonth('2023-02')).id).toBe('v2021');
    expect(ruleVersionForMonth(yearMonth('2023-03')).id).toBe('v2023');
    expect(ruleVersionForMonth(yearMonth('2021-03')).id).toBe('v2021');
  });

  it('an event is counted under the version in force on its own date', () => {
    expect(ruleVersionForEvent(isoDate('2023-03-21')).id).toBe('v2021');
    expect(ruleVersionForEvent(isoDate('2023-03-22')).id).toBe('v2023');
  });
});

describe('rule values switch on their dates', () => {
  it('the offers goal threshold is 20 % the day before 22 March 2023 and 30 % from that day', () => {
    expect(rulesInForce(isoDate('2023-03-21')).goalThreshold.offers.value).toBe(20);
    expect(rulesInForce(isoDate('2023-03-22')).goalThreshold.offers.value).toBe(30);
  });

  it('the hours that stand in for an offer drop from 225 to 100 on 22 March 2023', () => {
    expect(rulesInForce(isoDate('2023-03-21')).ordinaryWorkHoursForOffer.value).toBe(225);
    expect(rulesInForce(isoDate('2023-03-22')).ordinaryWorkHoursForOffer.value).toBe(100);
  });

  it('the conversations goal stays at 20 % with 4 conversations', () => {
    for (const date of ['2020-06-30', '2022-01-01', '2024-12-31']) {
      const rules = rulesInForce(isoDate(date));
      expect(rules.goalThreshold.conversations.value).toBe(20);
      expect(rules.conversationsRequired.value).toBe(4);
    }
  });

  it('the in-person first conversation and the § 91 limit apply from 22 March 2023', () => {
    const before = rulesInForce(isoDate('2023-03-21'));
    const after = rulesInForce(isoDate('2023-03-22'));
    expect(before.firstJobConversationInPerson.value).toBe(false);
    expect(after.firstJobConversationInPerson.value).toBe(true);
    expect(before.section91OfferRecipients.value).toBeUndefined();
    expect(after.section91OfferRecipients.value).toEqual(['uddannelseshjaelp', 'selvforsoergelse']);
  });

  it('the sample case review exists under the 2019 rules and not under the 2023 rules', () => {
    expect(rulesForAssessment(2021).sampleCaseReview.value).toEqual({
      sharePercent: 15,
      minimumPerType: 20,
      maximumTotal: 300,
    });
    expect(rulesForAssessment(2022).sampleCaseReview.value).toBeUndefined();
  });

  it('administration requires offers for 80 % under 2019 rules and 70 % under 2023 rules', () => {
    expect(
      rulesForAssessment(2021).administrationRequirements.value.offersMinimumSharePercent,
    ).toBe(80);
    expect(
      rulesForAssessment(2023).administrationRequirements.value.offersMinimumSharePercent,
    ).toBe(70);
    expect(
      rulesForAssessment(2023).administrationRequirements.value.conversationsMinimumSharePercent,
    ).toBe(80);
  });

  it('every decision cites the § of its own version', () => {
    expect(rulesForAssessment(2021).paragraphs.value.extended?.paragraph).toBe('§ 12');
    expect(rulesForAssessment(2021).paragraphs.value.extended?.instrument.id).toBe('bek-1409-2019');
    expect(rulesForAssessment(2023).paragraphs.value.extended?.paragraph).toBe('§ 11');
    expect(rulesForAssessment(2023).paragraphs.value.administration_ends?.paragraph).toBe('§ 13');
    expect(rulesForAssessment(2021).paragraphs.value.administration_ends?.paragraph).toBe('§ 14');
  });

  it('every parameter value names its legal source', () => {
    for (const parameter of ALL_PARAMETERS) {
      for (const entry of parameter.values) {
        expect(entry.source.instrument.citation, parameter.name).toMatch(/\S/);
        expect(entry.source.paragraph, parameter.name).toMatch(/\S/);
      }
    }
  });
});

describe('COVID-19 transitional rules', () => {
  it('no municipality can be selected on the assessment of 2020', () => {
    expect(assessmentCanSelect(rulesForAssessment(2020), 2020)).toBe(false);
    expect(assessmentCanSelect(rulesForAssessment(2021), 2021)).toBe(true);
  });

  it('offers cannot ground a decision for 2021 and 2022 but can from 2023', () => {
    expect(goalsThatCanGround(rulesForAssessment(2021), 2021)).toEqual(['conversations']);
    expect(goalsThatCanGround(rulesForAssessment(2022), 2022)).toEqual(['conversations']);
    expect(goalsThatCanGround(rulesForAssessment(2023), 2023)).toEqual(['offers', 'conversations']);
    expect(goalsThatCanGround(rulesForAssessment(2025), 2025)).toEqual(['offers', 'conversations']);
  });
});

describe('dated parameters', () => {
  const source = { instrument: BEK_1409_2019, paragraph: '§ 1' };
  const parameter = defineParameter('example', 'a value that changes', [
    { from: isoDate('2020-01-01'), value: 1, source },
    { from: isoDate('2022-07-01'), value: 2, source },
  ]);

  it('a value applies from its date until the next one', () => {
    expect(valueOn(parameter, isoDate('2022-06-30'))).toBe(1);
    expect(valueOn(parameter, isoDate('2022-07-01'))).toBe(2);
    expect(valueOn(parameter, isoDate('2030-01-01'))).toBe(2);
  });

  it('before the first date the first value applies', () => {
    expect(valueOn(parameter, isoDate('2019-01-01'))).toBe(1);
  });

  it('values out of date order are refused', () => {
    expect(() =>
      defineParameter('bad', 'out of order', [
        { from: isoDate('2022-01-01'), value: 1, source },
        { from: isoDate('2021-01-01'), value: 2, source },
      ]),
    ).toThrow(/increasing date order/);
  });
});
