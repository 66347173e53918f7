import { describe, expect, it } from 'vitest';
import type { ConversationRecord, PersonRecords } from '../../support/load-records.js';
import { explain } from '../../support/explain-records.js';
import { focusCounts, measureRecords } from '../../support/measure-records.js';

/** Kontanthjælp since 2022-04-01: at R = 2023-03-31, 365 countable days and W = 2022-04-01. */
function kontanthjaelp(conversations: ConversationRecord[]): PersonRecords {
  return { id: 'p', periods: [{ benefit: 'kontanthjaelp', from: '2022-04-01' }], conversations };
}

function passiveForConversations(person: PersonRecords, month = '2023-03'): number {
  return focusCounts(measureRecords([person], month, month), month).passiveConversations;
}

describe('conversations (measures.md § 4, M7)', () => {
  it('a first jobsamtale by phone on 22 March 2023 does not count: 3 of 4, passive', () => {
    const person = kontanthjaelp([
      { date: '2023-03-22', form: 'telefon' },
      { date: '2023-03-23' },
      { date: '2023-03-24' },
      { date: '2023-03-25' },
    ]);
    expect(passiveForConversations(person)).toBe(1);
    const explained = explain(person, '2023-03');
    expect(explained.conversationsCounted).toBe(3);
    expect(explained.conversations[0]).toMatchObject({
      status: 'first_not_in_person',
      firstJobConversationOfSpell: true,
      rule: 'bek. nr. 301 af 20/03/2023 § 3, stk. 1',
    });
  });

  it('a first jobsamtale by phone on 21 March 2023, before the rule, counts: 4, not passive', () => {
    const person = kontanthjaelp([
      { date: '2023-03-21', form: 'telefon' },
      { date: '2023-03-23' },
      { date: '2023-03-24' },
      { date: '2023-03-25' },
    ]);
    expect(passiveForConversations(person)).toBe(0);
    expect(explain(person, '2023-03').conversationsCounted).toBe(4);
  });

  it('when several jobsamtaler share the first date, an in-person one is the first', () => {
    const person = kontanthjaelp([
      { date: '2023-03-22', form: 'telefon' },
      { date: '2023-03-22', form: 'personligt' },
      { date: '2023-03-23', form: 'digitalt' },
      { date: '2023-03-24', form: 'telefon' },
    ]);
    expect(explain(person, '2023-03').conversationsCounted).toBe(4);
    expect(passiveForConversations(person)).toBe(0);
  });

  it('only the first jobsamtale of the spell must be in person; later ones count in any form', () => {
    const person = kontanthjaelp([
      { date: '2023-03-22' },
      { date: '2023-03-23', form: 'telefon' },
      { date: '2023-03-24', form: 'digitalt' },
      { date: '2023-03-25', form: 'telefon', heldBy: 'akasse' },
    ]);
    expect(explain(person, '2023-03').conversationsCounted).toBe(4);
  });

  it('sickness follow-up conversations count in any form; other conversations never count', () => {
    const person: PersonRecords = {
      id: 's',
      periods: [{ benefit: 'sygedagpenge', from: '2022-03-01' }],
      conversations: [
        { date: '2023-03-22', kind: 'sygeopfoelgning', form: 'telefon' },
        { date: '2023-03-23', kind: 'sygeopfoelgning', form: 'digitalt' },
        { date: '2023-03-24', kind: 'sygeopfoelgning', form: 'telefon' },
        { date: '2023-03-25', kind: 'other' },
      ],
    };
    const explained = explain(person, '2023-03');
    expect(explained.conversationsCounted).toBe(3);
    expect(explained.conversations.map((conversation) => conversation.status)).toEqual([
      'counted',
      'counted',
      'counted',
      'kind_not_counted',
    ]);
  });

  it('conversations count from W to R inclusive, also on dead days', () => {
    // Standby 2022-06-01 … 2022-06-14 (14 dead days) moves W 14 days back: from 2022-04-01 to
    // 2022-03-18 for a spell from 2022-01-01 at R = 2023-03-31 (covered 379 days, 365 countable).
    const person: PersonRecords = {
      id: 'w',
      periods: [{ benefit: 'kontanthjaelp', from: '2022-01-01' }],
      exemptions: [{ reason: 'standby', from: '2022-06-01', to: '2022-06-14' }],
      conversations: [
        { date: '2022-03-17' },
        { date: '2022-03-18' },
        { date: '2022-06-05' },
        { date: '2023-03-31' },
        { date: '2023-04-01' },
      ],
    };
    const explained = explain(person, '2023-03');
    expect(explained.window).toEqual({ from: '2022-03-18', to: '2023-03-31' });
    expect(explained.conversations.map((conversation) => conversation.status)).toEqual([
      'outside_window',
      'counted',
      'counted',
      'counted',
      'outside_window',
    ]);
    expect(passiveForConversations(person)).toBe(1);
  });

  it('barsel and COVID-19 days extend the window back like standby', () => {
    // Barsel in May 2022 (31 days): W = the 424 − 365 + 1 = 60th countable day = 2022-03-01.
    expect(
      explain(
        {
          id: 'b',
          periods: [{ benefit: 'kontanthjaelp', from: '2022-01-01' }],
          exemptions: [{ reason: 'barsel', from: '2022-05-01', to: '2022-05-31' }],
        },
        '2023-03',
      ).window,
    ).toEqual({ from: '2022-03-01', to: '2023-03-31' });
    // A spell from 2019-07-01 at R = 2020-12-31: 550 days covered, 122 dead (COVID-19), 428
    // countable; W = the 64th countable day = 2019-09-02.
    const covid = explain(
      { id: 'c', periods: [{ benefit: 'dagpenge', from: '2019-07-01' }] },
      '2020-12',
    );
    expect(covid.countableDays).toBe(428);
    expect(covid.deadDays).toEqual({ total: 122, byReason: { covid19: 122 } });
    expect(covid.window).toEqual({ from: '2019-09-02', to: '2020-12-31' });
  });
});
