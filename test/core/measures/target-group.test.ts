import { describe, expect, it } from 'vitest';
import { focusCounts, measureRecords } from '../../support/measure-records.js';
import type { PersonRecords } from '../../support/load-records.js';

function kontanthjaelpFrom(from: string, extra: Partial<PersonRecords> = {}): PersonRecords {
  return { id: 'p1', periods: [{ benefit: 'kontanthjaelp', from }], ...extra };
}

describe('the target group of the focus goals (measures.md § 3, M5, M6)', () => {
  it('a spell with 365 countable days at R is in the target group; one with 364 is not', () => {
    // 2021-01-01 … 2021-12-31 = 365 days; 2021-01-02 … 2021-12-31 = 364 days.
    expect(
      focusCounts(
        measureRecords([kontanthjaelpFrom('2021-01-01')], '2021-12', '2021-12'),
        '2021-12',
      ).target,
    ).toBe(1);
    expect(
      focusCounts(
        measureRecords([kontanthjaelpFrom('2021-01-02')], '2021-12', '2021-12'),
        '2021-12',
      ).target,
    ).toBe(0);
    // A month later the second spell has 364 + 31 = 395 days.
    expect(
      focusCounts(
        measureRecords([kontanthjaelpFrom('2021-01-02')], '2022-01', '2022-01'),
        '2022-01',
      ).target,
    ).toBe(1);
  });

  it('a person exempt exactly 50 % of the spell up to R leaves the count; one day less stays', () => {
    // R = 2022-01-31: 365 + 31 = 396 countable days; half is 198.
    // 2021-01-01 … 2021-07-17 = 31+28+31+30+31+30+17 = 198 exempt days → 50 % → out.
    const exactlyHalf = kontanthjaelpFrom('2021-01-01', {
      exemptions: [{ reason: 'sygdom', from: '2021-01-01', to: '2021-07-17' }],
    });
    // 197 exempt days → 49.7 % → in.
    const lessThanHalf = kontanthjaelpFrom('2021-01-01', {
      exemptions: [{ reason: 'other', from: '2021-01-01', to: '2021-07-16' }],
    });
    expect(focusCounts(measureRecords([exactlyHalf], '2022-01', '2022-01'), '2022-01').target).toBe(
      0,
    );
    expect(
      focusCounts(measureRecords([lessThanHalf], '2022-01', '2022-01'), '2022-01').target,
    ).toBe(1);
  });

  it('overlapping exemptions count a day once, and exemptions outside the spell do not matter', () => {
    // Two overlapping exemptions 2021-01-01 … 2021-07-16 and 2021-07-01 … 2021-07-16 are 197 days,
    // not 213; an exemption in 2020 (before the spell) adds nothing: 197 / 396 < 50 % → in.
    const person = kontanthjaelpFrom('2021-01-01', {
      exemptions: [
        { reason: 'sygdom', from: '2020-01-01', to: '2020-12-31' },
        { reason: 'sygdom', from: '2021-01-01', to: '2021-07-16' },
        { reason: 'other', from: '2021-07-01', to: '2021-07-16' },
      ],
    });
    expect(focusCounts(measureRecords([person], '2022-01', '2022-01'), '2022-01').target).toBe(1);
  });

  it('a day that is both standby and another exemption is dead, not exempt', () => {
    // Standby 2021-01-01 … 2021-01-31 (31 dead days) and sygdom 2021-01-01 … 2021-07-31.
    // R = 2022-02-28: covered 365 + 31 + 28 = 424, countable 424 − 31 = 393,
    // exempt = sygdom days that are not dead = 2021-02-01 … 2021-07-31 = 181 → 46 % → in.
    // Were the January days counted as exempt too, 212 / 424 = 50 % would exclude the person.
    const person = kontanthjaelpFrom('2021-01-01', {
      exemptions: [
        { reason: 'standby', from: '2021-01-01', to: '2021-01-31' },
        { reason: 'sygdom', from: '2021-01-01', to: '2021-07-31' },
      ],
    });
    expect(focusCounts(measureRecords([person], '2022-02', '2022-02'), '2022-02').target).toBe(1);
  });

  it('standby and barsel days do not count as duration: the spell reaches 365 days later', () => {
    // Standby 2021-03-01 … 2021-03-31 (31 days), barsel 2021-05-01 … 2021-05-10 (10 days):
    // at 2021-12-31 the duration is 365 − 41 = 324; at 2022-02-28 it is 324 + 59 = 383.
    // At 2022-01-31 it is 355 → still out.
    const person = kontanthjaelpFrom('2021-01-01', {
      exemptions: [
        { reason: 'standby', from: '2021-03-01', to: '2021-03-31' },
        { reason: 'barsel', from: '2021-05-01', to: '2021-05-10' },
      ],
    });
    const measured = measureRecords([person], '2021-12', '2022-02');
    expect(focusCounts(measured, '2021-12').target).toBe(0);
    expect(focusCounts(measured, '2022-01').target).toBe(0);
    expect(focusCounts(measured, '2022-02').target).toBe(1);
  });

  it('a person whose R falls on a dead day stays in the target group', () => {
    // Standby from 2022-01-15 onwards: R = 2022-01-31 is dead; duration 365 + 14 = 379.
    const person = kontanthjaelpFrom('2021-01-01', {
      exemptions: [{ reason: 'standby', from: '2022-01-15', to: '2022-02-28' }],
    });
    expect(focusCounts(measureRecords([person], '2022-01', '2022-01'), '2022-01').target).toBe(1);
  });

  it('the COVID-19 months March–June 2020 do not count as duration', () => {
    // Spell from 2019-07-01. At 2020-09-30: covered 184 (Jul–Dec 2019) + 274 (Jan–Sep 2020) = 458
    // days, of which 122 dead (1 March – 30 June 2020) → 336 → out. Without the dead period it
    // would have been in since 2020-06-30. At 2020-10-31: 336 + 31 = 367 → in.
    const measured = measureRecords([kontanthjaelpFrom('2019-07-01')], '2020-09', '2020-10');
    expect(focusCounts(measured, '2020-09').target).toBe(0);
    expect(focusCounts(measured, '2020-10').target).toBe(1);
  });

  it('a month whose R falls in a gap inside a joined spell has the person outside the target group', () => {
    // Kontanthjælp 2021-01-01 … 2022-01-20 and from 2022-02-10: the gap 21 Jan – 9 Feb holds no whole
    // month, so one spell. R = 2022-01-31 is in the gap: out. R = 2022-02-28: 385 + 19 = 404 → in.
    const person: PersonRecords = {
      id: 'p1',
      periods: [
        { benefit: 'kontanthjaelp', from: '2021-01-01', to: '2022-01-20' },
        { benefit: 'kontanthjaelp', from: '2022-02-10' },
      ],
    };
    const measured = measureRecords([person], '2022-01', '2022-02');
    expect(focusCounts(measured, '2022-01').target).toBe(0);
    expect(focusCounts(measured, '2022-02').target).toBe(1);
  });

  it('a month with no target group has target 0 and no passive persons', () => {
    const measured = measureRecords([kontanthjaelpFrom('2021-06-01')], '2021-12', '2021-12');
    expect(focusCounts(measured, '2021-12')).toEqual({
      target: 0,
      passiveOffers: 0,
      passiveConversations: 0,
    });
  });

  it('the person is counted under all, the benefit group and the benefit type', () => {
    const measured = measureRecords([kontanthjaelpFrom('2021-01-01')], '2021-12', '2021-12');
    expect(focusCounts(measured, '2021-12', { scope: 'all' }).target).toBe(1);
    expect(focusCounts(measured, '2021-12', { scope: 'kontanthjaelp_mv' }).target).toBe(1);
    expect(focusCounts(measured, '2021-12', { scope: 'kontanthjaelp' }).target).toBe(1);
    expect(focusCounts(measured, '2021-12', { scope: 'a_dagpenge' }).target).toBe(0);
    expect(focusCounts(measured, '2021-12', { scope: 'uddannelseshjaelp' }).target).toBe(0);
  });
});
