import { describe, expect, it } from 'vitest';
import { day } from '../../support/load-records.js';
import { explain } from '../../support/explain-records.js';
import { focusCounts, measureRecords } from '../../support/measure-records.js';
import { gapContainsWholeCalendarMonth } from '../../../src/core/measures/spells.js';
import type { PeriodRecord } from '../../support/load-records.js';

function spellsOf(periods: PeriodRecord[], month: string) {
  const explanation = explain({ id: 'p', periods }, month);
  return {
    spells: explanation.spells.map((spell) => [spell.start, spell.end]),
    joins: explanation.periods.map((period) => period.join),
    countableDays: explanation.countableDays,
  };
}

describe('spells (measures.md § 2, M1–M3)', () => {
  it('a gap contains a whole calendar month only when a month lies wholly inside it', () => {
    // Gap 2 Feb – 28 Feb: no whole month. Gap 1 Feb – 28 Feb (previous ends 31 Jan): February.
    expect(gapContainsWholeCalendarMonth(day('2021-02-01'), day('2021-03-01'))).toBe(false);
    expect(gapContainsWholeCalendarMonth(day('2021-01-31'), day('2021-03-01'))).toBe(true);
    expect(gapContainsWholeCalendarMonth(day('2021-01-31'), day('2021-02-28'))).toBe(false);
    // Gap 15 Jan – 14 Mar holds February.
    expect(gapContainsWholeCalendarMonth(day('2021-01-14'), day('2021-03-15'))).toBe(true);
    // Touching periods: no gap.
    expect(gapContainsWholeCalendarMonth(day('2021-01-31'), day('2021-02-01'))).toBe(false);
  });

  it.each([
    ['kontanthjaelp', '2021-02-01', 'joined_same_type'],
    ['kontanthjaelp', '2021-01-31', 'new_gap_too_long'],
    ['uddannelseshjaelp', '2021-02-01', 'joined_same_type'],
    ['revalidering', '2021-01-31', 'new_gap_too_long'],
    ['ledighedsydelse', '2021-02-01', 'joined_same_type'],
  ] as const)(
    'a municipal benefit (%s) ending %s and starting again 1 March: %s',
    (benefit, to, join) => {
      expect(
        spellsOf(
          [
            { benefit, from: '2020-09-01', to },
            { benefit, from: '2021-03-01', to: '2021-06-30' },
          ],
          '2021-06',
        ).joins,
      ).toEqual(['first', join]);
    },
  );

  it('dagpenge periods join across a gap of 365 days but not 366', () => {
    // 2021-07-01 … 2022-06-30 is 365 days; one day more is 366.
    const joined = spellsOf(
      [
        { benefit: 'dagpenge', from: '2021-01-01', to: '2021-06-30' },
        { benefit: 'dagpenge', from: '2022-07-01' },
      ],
      '2023-01',
    );
    expect(joined.joins).toEqual(['first', 'joined_same_type']);
    // 181 days in 2021 + 215 days 2022-07-01 … 2023-01-31 = 396.
    expect(joined.countableDays).toBe(396);
    const separate = spellsOf(
      [
        { benefit: 'dagpenge', from: '2021-01-01', to: '2021-06-30' },
        { benefit: 'dagpenge', from: '2022-07-02' },
      ],
      '2023-01',
    );
    expect(separate.joins).toEqual(['first', 'new_gap_too_long']);
    expect(separate.countableDays).toBe(214);
    // So the joined person is in the target group in January 2023 and the other is not.
    const measured = measureRecords(
      [
        {
          id: 'a',
          periods: [
            { benefit: 'dagpenge', from: '2021-01-01', to: '2021-06-30' },
            { benefit: 'dagpenge', from: '2022-07-01' },
          ],
        },
        {
          id: 'b',
          periods: [
            { benefit: 'dagpenge', from: '2021-01-01', to: '2021-06-30' },
            { benefit: 'dagpenge', from: '2022-07-02' },
          ],
        },
      ],
      '2023-01',
      '2023-01',
    );
    expect(focusCounts(measured, '2023-01').target).toBe(1);
  });

  it('sygedagpenge and jobafklaring periods join only when they touch', () => {
    for (const benefit of ['sygedagpenge', 'jobafklaring'] as const) {
      expect(
        spellsOf(
          [
            { benefit, from: '2021-01-01', to: '2021-06-30' },
            { benefit, from: '2021-07-01', to: '2021-12-31' },
          ],
          '2021-12',
        ).joins,
      ).toEqual(['first', 'joined_same_type']);
      expect(
        spellsOf(
          [
            { benefit, from: '2021-01-01', to: '2021-06-30' },
            { benefit, from: '2021-07-02', to: '2021-12-31' },
          ],
          '2021-12',
        ).joins,
      ).toEqual(['first', 'new_gap_too_long']);
    }
  });

  it('only consecutive periods are compared: dagpenge, sygedagpenge, dagpenge are three spells', () => {
    const result = spellsOf(
      [
        { benefit: 'dagpenge', from: '2021-01-01', to: '2021-03-31' },
        { benefit: 'sygedagpenge', from: '2021-04-01', to: '2021-04-30' },
        { benefit: 'dagpenge', from: '2021-05-01', to: '2021-12-31' },
      ],
      '2021-12',
    );
    expect(result.spells).toEqual([
      ['2021-01-01', '2021-03-31'],
      ['2021-04-01', '2021-04-30'],
      ['2021-05-01', '2021-12-31'],
    ]);
    // The duration at R restarts with the third spell: 2021-05-01 … 2021-12-31 = 245 days.
    expect(result.countableDays).toBe(245);
  });

  it('a change of type starts a new spell: dagpenge into kontanthjælp', () => {
    const result = spellsOf(
      [
        { benefit: 'dagpenge', from: '2020-07-01', to: '2021-06-30' },
        { benefit: 'kontanthjaelp', from: '2021-07-01' },
      ],
      '2021-12',
    );
    expect(result.joins).toEqual(['first', 'new_type_change']);
    expect(result.countableDays).toBe(184);
  });

  it('selvforsørgelse continues, with its duration, into kontanthjælp or uddannelseshjælp without a whole month between', () => {
    for (const next of ['kontanthjaelp', 'uddannelseshjaelp'] as const) {
      const result = spellsOf(
        [
          { benefit: 'selvforsoergelse', from: '2021-01-01', to: '2021-06-30' },
          { benefit: next, from: '2021-07-20' },
        ],
        '2021-12',
      );
      expect(result.joins).toEqual(['first', 'joined_continuation']);
      // 181 + (2021-07-20 … 2021-12-31 = 165) = 346.
      expect(result.countableDays).toBe(346);
    }
    // With all of July in the gap: a new spell.
    expect(
      spellsOf(
        [
          { benefit: 'selvforsoergelse', from: '2021-01-01', to: '2021-06-30' },
          { benefit: 'kontanthjaelp', from: '2021-08-01' },
        ],
        '2021-12',
      ).joins,
    ).toEqual(['first', 'new_type_change']);
    // Into another benefit (revalidering): a new spell; and not the other way round.
    expect(
      spellsOf(
        [
          { benefit: 'selvforsoergelse', from: '2021-01-01', to: '2021-06-30' },
          { benefit: 'revalidering', from: '2021-07-01' },
        ],
        '2021-12',
      ).joins,
    ).toEqual(['first', 'new_type_change']);
    expect(
      spellsOf(
        [
          { benefit: 'kontanthjaelp', from: '2021-01-01', to: '2021-06-30' },
          { benefit: 'selvforsoergelse', from: '2021-07-01' },
        ],
        '2021-12',
      ).joins,
    ).toEqual(['first', 'new_type_change']);
  });

  it('a move between municipalities does not break the spell: the person counts where R is', () => {
    const measured = measureRecords(
      [
        {
          id: 'mover',
          periods: [
            { municipality: 101, benefit: 'kontanthjaelp', from: '2021-01-01', to: '2021-06-30' },
            { municipality: 147, benefit: 'kontanthjaelp', from: '2021-07-01' },
          ],
        },
      ],
      '2021-12',
      '2021-12',
    );
    expect(focusCounts(measured, '2021-12', { municipality: 147 }).target).toBe(1);
    expect(focusCounts(measured, '2021-12', { municipality: 101 }).target).toBe(0);
  });
});
