import { describe, expect, it } from 'vitest';
import { monthIndex, yearMonth } from '../../../src/core/calendar/year-month.js';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import {
  earlyEffortAlertRules,
  earlyEffortContacts,
  isUnmetMonth,
} from '../../../src/core/measures/early-effort-alerts.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

const [rules2021, rules2023] = earlyEffortAlertRules(OFFICIAL_RULES, isoDate('2024-01-01'));
if (rules2021 === undefined || rules2023 === undefined) throw new Error('two rule sets expected');

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

  it('2023: six consecutive months below 80 % met, seen at the June or December follow-up', () => {
    // January … July 2022 unmet: the run reaches 6 in June (a follow-up month) → contact in June;
    // the check is December 2022.
    const unmet = [3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3];
    expect(earlyEffortContacts(rules2023, monthIndex(yearMonth('2022-01')), series(unmet))).toEqual(
      [{ contactMonth: 5, checkMonth: 11, accountRequired: true }],
    );
    // Starting in March, the run of six ends in August, not a follow-up month: the contact waits
    // for December if the run lasts.
    const late = [0, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
    expect(earlyEffortContacts(rules2023, monthIndex(yearMonth('2022-01')), series(late))).toEqual([
      { contactMonth: 11, checkMonth: 17, accountRequired: undefined },
    ]);
  });
});
