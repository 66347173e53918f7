import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import { lastDayOf, yearMonth } from '../../../src/core/calendar/year-month.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';
import { createRuleBook, RuleTreeError } from '../../../src/core/rules/rule-book.js';
import { OFFICIAL_TREE } from '../../../src/core/rules/rule-tree.js';
import { RULE_VERSIONS, assessmentRuleDate } from '../../../src/core/rules/rule-version.js';
import {
  assessmentCanSelect,
  goalsThatCanGround,
  rulesForAssessment,
  rulesInForce,
} from '../../../src/core/rules/rules-in-force.js';
import { BEK_1409_2019, cite } from '../../../src/core/rules/legal-source.js';

const book = OFFICIAL_RULES;
const on = (date: string) => rulesInForce(book, isoDate(date));

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
    expect(book.versionOn(isoDate(date)).id).toBe(version);
  });

  it.each([
    [2020, 'v2021'],
    [2021, 'v2021'],
    [2022, 'v2023'],
    [2023, 'v2023'],
  ])(
    'the assessment of %i is governed by %s (in force on 1 April the year after)',
    (year, version) => {
      expect(book.versionOn(assessmentRuleDate(year)).id).toBe(version);
    },
  );

  it('a monthly measure uses the version in force on the last day of the month', () => {
    expect(book.versionOn(lastDayOf(yearMonth('2023-02'))).id).toBe('v2021');
    expect(book.versionOn(lastDayOf(yearMonth('2023-03'))).id).toBe('v2023');
    expect(book.versionOn(lastDayOf(yearMonth('2021-03'))).id).toBe('v2021');
  });

  it('an event is counted under the version in force on its own date', () => {
    expect(book.versionOn(isoDate('2023-03-21')).id).toBe('v2021');
    expect(book.versionOn(isoDate('2023-03-22')).id).toBe('v2023');
  });

  it('the law has versions of its own: § 22 c changed on 22 March 2023 (lov nr. 295)', () => {
    const law = RULE_VERSIONS.filter((version) => version.kind === 'law');
    expect(law.map((version) => [version.id, version.inForce])).toEqual([
      ['lov2019', '2020-01-01'],
      ['lov2023', '2023-03-22'],
    ]);
    expect(law[1]?.instrument.url).toBe('https://www.retsinformation.dk/eli/lta/2023/295');
  });
});

describe('rule values switch on their dates', () => {
  it('the offers goal threshold is 20 % the day before 22 March 2023 and 30 % from that day', () => {
    expect(on('2023-03-21').value('focus.offers.threshold')).toBe(20);
    expect(on('2023-03-22').value('focus.offers.threshold')).toBe(30);
  });

  it('the hours that stand in for an offer drop from 225 to 100 on 22 March 2023', () => {
    expect(on('2023-03-21').value('focus.offers.ordinary_work_hours')).toBe(225);
    expect(on('2023-03-22').value('focus.offers.ordinary_work_hours')).toBe(100);
  });

  it('the conversations goal stays at 20 % with 4 conversations', () => {
    for (const date of ['2020-06-30', '2022-01-01', '2024-12-31']) {
      expect(on(date).value('focus.conversations.threshold')).toBe(20);
      expect(on(date).value('focus.conversations.required')).toBe(4);
    }
  });

  it('the in-person first conversation and the § 91 limit apply from 22 March 2023', () => {
    const before = on('2023-03-21');
    const after = on('2023-03-22');
    expect(before.value('focus.conversations.first_in_person')).toBe(false);
    expect(after.value('focus.conversations.first_in_person')).toBe(true);
    expect(before.value('focus.offers.section_91_recipients')).toBeNull();
    expect(after.value('focus.offers.section_91_recipients')).toEqual([
      'uddannelseshjaelp',
      'selvforsoergelse',
    ]);
  });

  it('the sample case review exists under the 2019 rules and not after the law changed in 2023', () => {
    expect(rulesForAssessment(book, 2021).value('case_review.sample.share_percent')).toBe(15);
    expect(rulesForAssessment(book, 2021).value('case_review.sample.minimum_per_benefit')).toBe(20);
    expect(rulesForAssessment(book, 2021).value('case_review.sample.maximum_total')).toBe(300);
    const removed = rulesForAssessment(book, 2022).entry('case_review.sample.share_percent');
    expect(removed.value).toBeNull();
    expect(removed.version).toBe('lov2023');
  });

  it('administration requires offers for 80 % under 2019 rules and 70 % under 2023 rules', () => {
    expect(rulesForAssessment(book, 2021).value('administration.minimum.offers_share')).toBe(80);
    expect(rulesForAssessment(book, 2023).value('administration.minimum.offers_share')).toBe(70);
    expect(rulesForAssessment(book, 2023).value('administration.minimum.conversations_share')).toBe(
      80,
    );
  });

  it('every decision cites the § of its own version', () => {
    expect(rulesForAssessment(book, 2021).value('decisions.extended')).toBe('§ 12');
    const extended2021 = rulesForAssessment(book, 2021).entry('decisions.extended').source;
    expect(extended2021.kind === 'citation' && extended2021.instrument.id).toBe('bek-1409-2019');
    expect(rulesForAssessment(book, 2023).value('decisions.extended')).toBe('§ 11');
    expect(rulesForAssessment(book, 2023).value('decisions.administration_ends')).toBe('§ 13');
    expect(rulesForAssessment(book, 2021).value('decisions.administration_ends')).toBe('§ 14');
  });

  it('every value names its legal source: a § of an instrument, or the reasoning of a "fortolkning"', () => {
    for (const id of book.ids) {
      for (const entry of book.entries(id)) {
        const source = entry.source;
        if (source.kind === 'citation') {
          expect(source.instrument.citation, id).toMatch(/\S/);
          expect(source.paragraph, id).toMatch(/\S/);
        } else {
          expect(source.kind, id).toBe('fortolkning');
          expect(source.kind === 'fortolkning' && source.reasoning.length, id).toBeGreaterThan(40);
        }
      }
    }
  });
});

describe('COVID-19 transitional rules', () => {
  it('no municipality can be selected on the assessment of 2020', () => {
    expect(assessmentCanSelect(rulesForAssessment(book, 2020), 2020)).toBe(false);
    expect(assessmentCanSelect(rulesForAssessment(book, 2021), 2021)).toBe(true);
  });

  it('offers cannot ground a decision for 2021 and 2022 but can from 2023', () => {
    const grounding = (year: number) => goalsThatCanGround(rulesForAssessment(book, year), year);
    expect(grounding(2021)).toEqual(['conversations']);
    expect(grounding(2022)).toEqual(['conversations']);
    expect(grounding(2023)).toEqual(['offers', 'conversations']);
    expect(grounding(2025)).toEqual(['offers', 'conversations']);
  });
});

describe('dated values', () => {
  it("a value applies from its version's date until the next one", () => {
    expect(on('2021-03-29').value('transition.first_selection_year')).toBe(2020);
    expect(on('2021-03-30').value('transition.first_selection_year')).toBe(2021);
    expect(on('2030-01-01').value('transition.first_selection_year')).toBeNull();
    const entry = on('2022-06-30').entry('transition.first_selection_year');
    expect([entry.from, entry.to, entry.version]).toEqual(['2021-03-30', '2023-03-21', 'v2021']);
  });

  it('before the first rules the first value applies: the months of 2019 are measured under them', () => {
    expect(book.value('focus.offers.threshold', isoDate('2019-01-01'))).toBe(20);
    expect(book.value('focus.offers.ordinary_work_hours', isoDate('2019-06-30'))).toBe(225);
  });

  it('a tree whose values are out of version order is refused', () => {
    const node = OFFICIAL_TREE['focus.offers.threshold'];
    const source = cite(BEK_1409_2019, '§ 5');
    expect(() =>
      createRuleBook(
        {
          ...OFFICIAL_TREE,
          'focus.offers.threshold': {
            ...node,
            values: [
              { since: 'v2023', value: 30, source },
              { since: 'v2019', value: 20, source },
            ],
          },
        },
        RULE_VERSIONS,
      ),
    ).toThrow(RuleTreeError);
  });

  it('a tree value that names a version not in the table is refused', () => {
    const node = OFFICIAL_TREE['focus.offers.threshold'];
    expect(() =>
      createRuleBook(
        {
          ...OFFICIAL_TREE,
          'focus.offers.threshold': {
            ...node,
            values: [{ since: 'v2031', value: 20, source: cite(BEK_1409_2019, '§ 5') }],
          },
        },
        RULE_VERSIONS,
      ),
    ).toThrow(/v2031, som ikke er i versionstabellen/);
  });

  it("a tree value outside its node's range is refused", () => {
    const node = OFFICIAL_TREE['focus.offers.threshold'];
    expect(() =>
      createRuleBook(
        {
          ...OFFICIAL_TREE,
          'focus.offers.threshold': {
            ...node,
            values: [{ since: 'v2019', value: 120, source: cite(BEK_1409_2019, '§ 5') }],
          },
        },
        RULE_VERSIONS,
      ),
    ).toThrow(/focus.offers.threshold: værdien fra v2019 skal være fra 0 til 100, ikke 120/);
  });
});
