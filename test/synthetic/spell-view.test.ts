import { describe, expect, it } from 'vitest';
import { toDayNumber, fromDayNumber, isoDate } from '../../src/core/calendar/iso-date.js';
import type { BenefitType } from '../../src/core/domain/benefit-type.js';
import { gapContainsWholeCalendarMonth } from '../../src/core/measures/spells.js';
import {
  buildSpells,
  continuesSpell,
  countableDays,
  exemptDays,
  windowStart,
  type ViewPeriod,
} from '../../src/synthetic/spell-view.js';

const day = (text: string) => toDayNumber(isoDate(text));
/** The day whose rules the spell view applies (the engine reads them on the last measured day). */
const RULE_DAY = day('2025-12-31');
const period = (type: BenefitType, from: string, to: string): ViewPeriod => ({
  type,
  from: day(from),
  to: day(to),
});

describe("the generator's own spell view (measures.md M1–M6)", () => {
  it('finds a whole calendar month in a gap only when one fits between the periods', () => {
    expect(gapContainsWholeCalendarMonth(day('2021-01-15'), day('2021-03-01'))).toBe(true); // all of February
    expect(gapContainsWholeCalendarMonth(day('2021-01-15'), day('2021-02-28'))).toBe(false);
    expect(gapContainsWholeCalendarMonth(day('2021-01-31'), day('2021-03-01'))).toBe(true); // 1–28 February
    expect(gapContainsWholeCalendarMonth(day('2021-01-31'), day('2021-02-28'))).toBe(false);
    expect(gapContainsWholeCalendarMonth(day('2021-01-31'), day('2021-02-01'))).toBe(false); // touching
  });

  it('joins dagpenge over gaps of up to 365 days and no longer', () => {
    const first = period('dagpenge', '2020-01-01', '2020-03-31');
    expect(continuesSpell(first, period('dagpenge', '2021-03-31', '2021-06-30'), RULE_DAY)).toBe(
      true,
    ); // 364 days
    expect(continuesSpell(first, period('dagpenge', '2021-04-01', '2021-06-30'), RULE_DAY)).toBe(
      true,
    ); // 365 days
    expect(continuesSpell(first, period('dagpenge', '2021-04-02', '2021-06-30'), RULE_DAY)).toBe(
      false,
    ); // 366 days
  });

  it('joins sygedagpenge and jobafklaring only when the periods touch', () => {
    const first = period('sygedagpenge', '2022-01-01', '2022-02-28');
    expect(
      continuesSpell(first, period('sygedagpenge', '2022-03-01', '2022-04-30'), RULE_DAY),
    ).toBe(true);
    expect(
      continuesSpell(first, period('sygedagpenge', '2022-03-02', '2022-04-30'), RULE_DAY),
    ).toBe(false);
  });

  it('carries selvforsørgelse into kontanthjælp, but no other change of benefit', () => {
    const selv = period('selvforsoergelse', '2020-01-01', '2021-05-20');
    expect(
      continuesSpell(selv, period('kontanthjaelp', '2021-06-10', '2022-01-01'), RULE_DAY),
    ).toBe(true);
    expect(
      continuesSpell(selv, period('kontanthjaelp', '2021-07-01', '2022-01-01'), RULE_DAY),
    ).toBe(false); // all of June
    const kontant = period('kontanthjaelp', '2020-01-01', '2021-05-20');
    expect(
      continuesSpell(kontant, period('ressourceforloeb', '2021-05-21', '2022-01-01'), RULE_DAY),
    ).toBe(false);
  });

  it('does not count the COVID-19 dead period or standby and barsel days as duration', () => {
    const periods = [period('kontanthjaelp', '2020-01-01', '2020-12-31')];
    const standby = { from: day('2020-09-01'), to: day('2020-09-30'), dead: true };
    const sickness = { from: day('2020-11-01'), to: day('2020-11-10'), dead: false };
    const [spell] = buildSpells(periods, [standby, sickness], day('2025-12-31'));
    if (!spell) throw new Error('no spell');
    // 366 days in 2020, minus 122 COVID days (1 March – 30 June) and 30 standby days.
    expect(countableDays(spell, day('2020-12-31'))).toBe(366 - 122 - 30);
    expect(exemptDays(spell, day('2020-12-31'))).toBe(10);
    expect(countableDays(spell, day('2020-02-29'))).toBe(60);
  });

  it('puts the window start 365 countable days back, beyond dead days', () => {
    const periods = [period('kontanthjaelp', '2019-06-01', '2021-12-31')];
    const [spell] = buildSpells(periods, [], day('2025-12-31'));
    if (!spell) throw new Error('no spell');
    // R = 2021-03-31: the last 365 calendar days reach back to 2020-04-01, inside the dead
    // period, so the window must start 122 countable days earlier than without it.
    const start = windowStart(spell, day('2021-03-31'), 365);
    expect(start === undefined ? undefined : fromDayNumber(start)).toBe('2019-12-01');
    expect(windowStart(spell, day('2020-05-31'), 365)).toBeUndefined();
  });
});
