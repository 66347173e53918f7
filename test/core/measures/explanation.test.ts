import { describe, expect, it } from 'vitest';
import { explanationText } from '../../../src/core/measures/explanation-text.js';
import { explain } from '../../support/explain-records.js';
import type { PersonRecords } from '../../support/load-records.js';
import { FIXTURE_PERSONS } from '../../support/measure-fixture.js';
import { focusCounts, measureRecords } from '../../support/measure-records.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

/** Persons with a bit of everything: dead days, exemptions, gaps, moves, § 91 offers, hours. */
const PERSONS: PersonRecords[] = [
  ...FIXTURE_PERSONS,
  {
    id: 'E-mixed',
    periods: [
      { municipality: 101, benefit: 'selvforsoergelse', from: '2021-06-01', to: '2022-05-31' },
      { municipality: 147, benefit: 'kontanthjaelp', from: '2022-06-10', to: '2023-01-20' },
      { municipality: 147, benefit: 'kontanthjaelp', from: '2023-02-05' },
    ],
    exemptions: [
      { reason: 'standby', from: '2022-01-01', to: '2022-01-31' },
      { reason: 'sygdom', from: '2022-08-01', to: '2022-08-31' },
      { reason: 'barsel', from: '2023-05-01' },
    ],
    conversations: [
      { date: '2022-01-01', kind: 'other' },
      { date: '2022-07-01', form: 'telefon' },
      { date: '2023-03-22', form: 'telefon' },
      { date: '2023-03-25' },
      { date: '2023-06-01', kind: 'sygeopfoelgning', form: 'digitalt' },
    ],
    offers: [
      { type: 'oevrig_vejledning_opkvalificering', from: '2023-03-22', to: '2023-04-10' },
      { type: 'oevrig_vejledning_opkvalificering', from: '2023-03-10', to: '2023-03-30' },
      { type: 'nytteindsats', from: '2020-01-01', to: '2020-02-01' },
    ],
    workHours: [
      { month: '2022-04', hours: 60.5 },
      { month: '2023-02', hours: 40 },
    ],
  },
];

const MONTHS = ['2022-06', '2022-12', '2023-01', '2023-02', '2023-03', '2023-04', '2023-09'];

describe('explanations (measures.md § 10)', () => {
  it.each(PERSONS.flatMap((person) => MONTHS.map((month) => [person.id, month] as const)))(
    'the explanation of %s in %s agrees with the monthly counts',
    (id, month) => {
      const person = PERSONS.find((candidate) => candidate.id === id);
      if (person === undefined) throw new Error(id);
      const explanation = explain(person, month);
      const counts = focusCounts(measureRecords([person], month, month), month, {
        municipality: explanation.municipality ?? 101,
      });
      const inTarget = explanation.targetGroup === 'in_target_group';
      expect(counts).toEqual({
        target: inTarget ? 1 : 0,
        passiveOffers: explanation.passiveForOffers === true ? 1 : 0,
        passiveConversations: explanation.passiveForConversations === true ? 1 : 0,
      });
      if (inTarget) {
        const counted = explanation.conversations.filter((c) => c.status === 'counted').length;
        expect(counted).toBe(explanation.conversationsCounted);
        expect(explanation.offers.some((offer) => offer.status === 'counted')).toBe(
          explanation.offerCounted,
        );
      }
    },
  );

  it('says why a person whose R falls in a gap is not in the target group', () => {
    const person = PERSONS.find((candidate) => candidate.id === 'E-mixed');
    if (person === undefined) throw new Error('E-mixed');
    // R = 2023-01-31 lies in the gap 21 January – 4 February 2023.
    const explanation = explain(person, '2023-01');
    expect(explanation.targetGroup).toBe('not_covered');
    expect(explanation.periods.map((period) => period.join)).toEqual([
      'first',
      'joined_continuation',
      'joined_same_type',
    ]);
  });

  it('counts dead days once each, by reason, and the exempt share', () => {
    const person = PERSONS.find((candidate) => candidate.id === 'E-mixed');
    if (person === undefined) throw new Error('E-mixed');
    // At R = 2023-04-30: covered 365 (selvforsørgelse) + 225 (2022-06-10 … 2023-01-20)
    // + 85 (2023-02-05 … 2023-04-30) = 675; standby in January 2022 is 31 dead days → 644.
    // Exempt: sygdom in August 2022 = 31 days = 4.8 %.
    const explanation = explain(person, '2023-04');
    expect(explanation.coveredDays).toBe(675);
    expect(explanation.deadDays).toEqual({ total: 31, byReason: { standby: 31 } });
    expect(explanation.countableDays).toBe(644);
    expect(explanation.exemptDays).toBe(31);
    expect(explanation.exemptSharePercent).toBeCloseTo((31 / 644) * 100, 12);
    // The § 91 offer from 10 March 2023 (before the rule) counts; the one from 22 March does not.
    expect(explanation.offers.map((offer) => offer.status)).toEqual([
      'outside_window',
      'counted',
      'section_91_other_recipient',
    ]);
  });
});

describe('the explanation in Danish', () => {
  it('lists the events in the window and sums up those outside it, which cannot count', () => {
    const person: PersonRecords = {
      id: 'F-long',
      periods: [{ municipality: 101, benefit: 'kontanthjaelp', from: '2020-07-01' }],
      conversations: [
        { date: '2020-09-01' },
        { date: '2021-03-01' },
        { date: '2023-06-01' },
        { date: '2024-02-01' },
      ],
      offers: [
        { type: 'virksomhedspraktik', from: '2021-01-04', to: '2021-02-26' },
        { type: 'loentilskud', from: '2023-03-01' },
      ],
    };
    const text = explanationText(OFFICIAL_RULES, explain(person, '2023-12'));
    // The spell's first jobsamtale is shown even outside the window (the in-person rule turns on it).
    expect(text).toContain('  2020-09-01  jobsamtale, personligt fremmøde');
    expect(text).toContain('  2023-06-01  jobsamtale, personligt fremmøde          tæller');
    expect(text).toContain(
      '  (2 samtaler uden for vinduet, 2021-03-01 … 2024-02-01, tæller ikke og vises ikke her; alle står i --json)',
    );
    expect(text).toContain('  2023-03-01 – løbende');
    expect(text).toContain(
      '  (1 tilbud uden for vinduet, 2021-01-04 … 2021-01-04, tæller ikke og vises ikke her; alle står i --json)',
    );
    expect(text).not.toContain('2021-03-01  jobsamtale');
  });
});
