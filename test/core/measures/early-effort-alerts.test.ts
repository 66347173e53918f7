import { describe, expect, it } from 'vitest';
import { monthIndex, yearMonth } from '../../../src/core/calendar/year-month.js';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import {
  earlyEffortAlertRules,
  earlyEffortContacts,
  followUpStart,
  isUnmetMonth,
} from '../../../src/core/measures/early-effort-alerts.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

const sets = earlyEffortAlertRules(OFFICIAL_RULES, isoDate('2024-01-01'));
const [rules2021] = sets;
if (rules2021 === undefined) throw new Error('the 2021 rule set expected');

/** A series of months with cohort 10 and the given unmet counts. */
const series = (unmet: number[], cohort = 10) => unmet.map((count) => ({ cohort, unmet: count }));

describe('the early-effort alert rule (regime.md § 6)', () => {
  it('a month is unmet above 20 % with at least ten persons: 3 of 10 yes, 2 of 10 no, 3 of 9 no', () => {
    expect(isUnmetMonth(rules2021, { cohort: 10, unmet: 3 })).toBe(true);
    expect(isUnmetMonth(rules2021, { cohort: 10, unmet: 2 })).toBe(false);
    expect(isUnmetMonth(rules2021, { cohort: 9, unmet: 3 })).toBe(false);
  });

  it('2021: three consecutive unmet months give a contact; six months later still unmet → account', () => {
    // Months 0–2 unmet → contact in month 2; month 8 unmet → account required.
    const unmet = [3, 3, 3, 0, 0, 0, 0, 0, 5, 0];
    expect(earlyEffortContacts(rules2021, monthIndex(yearMonth('2022-01')), series(unmet))).toEqual(
      [{ contactMonth: 2, checkMonth: 8, accountRequired: true }],
    );
  });

  it('2021: restored six months after the contact → no account; two unmet months are no run', () => {
    const unmet = [3, 3, 0, 3, 3, 3, 0, 0, 0, 0, 0, 0];
    expect(earlyEffortContacts(rules2021, monthIndex(yearMonth('2022-01')), series(unmet))).toEqual(
      [{ contactMonth: 5, checkMonth: 11, accountRequired: false }],
    );
  });

  it('2021: a check beyond the measured months is left open', () => {
    expect(earlyEffortContacts(rules2021, 0, series([3, 3, 3, 3]))).toEqual([
      { contactMonth: 2, checkMonth: 8, accountRequired: undefined },
    ]);
  });

  it('there is one rule set: the 2021 letter; the "2023" set of the specification has no source', () => {
    expect(sets.map((set) => set.name)).toEqual(['2021']);
    expect(OFFICIAL_RULES.ids.filter((id) => id.includes('set_2023'))).toEqual([]);
  });

  it('the follow-up begins in June 2021 for conversations, in spring (March) 2022 for dagpenge conversations and for offers', () => {
    expect(followUpStart(rules2021, 'kontanthjaelp_mv', 'conversations')).toBe('2021-06');
    expect(followUpStart(rules2021, 'a_dagpenge', 'conversations')).toBe('2022-03');
    expect(followUpStart(rules2021, 'a_dagpenge', 'offer')).toBe('2022-03');
    expect(followUpStart(rules2021, 'kontanthjaelp_mv', 'offer')).toBe('2022-03');
  });

  it('no contact before the follow-up begins: unmet months before June 2021 do not count towards a run', () => {
    // January … December 2021, every month unmet. Followed from June: the run of three ends in
    // August, the first contact; its check is February 2022.
    const unmet = Array.from({ length: 14 }, () => 3);
    const first = monthIndex(yearMonth('2021-01'));
    expect(earlyEffortContacts(rules2021, first, series(unmet))[0]?.contactMonth).toBe(2);
    expect(earlyEffortContacts(rules2021, first, series(unmet), yearMonth('2021-06'))).toEqual([
      { contactMonth: 7, checkMonth: 13, accountRequired: true },
    ]);
  });

  it('a series that starts after the follow-up began is followed from its first month', () => {
    expect(
      earlyEffortContacts(
        rules2021,
        monthIndex(yearMonth('2023-01')),
        series([3, 3, 3]),
        yearMonth('2022-03'),
      ),
    ).toEqual([{ contactMonth: 2, checkMonth: 8, accountRequired: undefined }]);
  });

  it('a follow-up beginning after the series ends gives no contact', () => {
    expect(
      earlyEffortContacts(
        rules2021,
        monthIndex(yearMonth('2021-01')),
        series([3, 3, 3, 3]),
        yearMonth('2022-03'),
      ),
    ).toEqual([]);
  });
});
