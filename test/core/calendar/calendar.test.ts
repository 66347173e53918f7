import { describe, expect, it } from 'vitest';
import { civilOf, dayNumberOf } from '../../../src/core/calendar/day-number.js';
import { addCalendarMonths } from '../../../src/core/calendar/date-arithmetic.js';
import {
  addDays,
  formatDanishDate,
  fromDayNumber,
  isoDate,
  parseIsoDate,
  toDayNumber,
} from '../../../src/core/calendar/iso-date.js';
import {
  addMonths,
  lastDayOf,
  monthRange,
  yearMonth,
} from '../../../src/core/calendar/year-month.js';

describe('calendar days', () => {
  it('counts 1970-01-01 as day 0 and agrees with the JavaScript calendar for 150 years', () => {
    expect(dayNumberOf(1970, 1, 1)).toBe(0);
    for (let day = -20000; day < 35000; day += 37) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(fromDayNumber(day)).toBe(expected);
      expect(toDayNumber(isoDate(expected))).toBe(day);
    }
  });

  it('round-trips every day of a leap year', () => {
    for (let day = dayNumberOf(2020, 1, 1); day <= dayNumberOf(2020, 12, 31); day += 1) {
      const { year, month, day: dayOfMonth } = civilOf(day);
      expect(dayNumberOf(year, month, dayOfMonth)).toBe(day);
    }
  });

  it('refuses impossible dates', () => {
    expect(parseIsoDate('2021-02-29')).toBeUndefined();
    expect(parseIsoDate('2020-02-29')).toBe('2020-02-29');
    expect(parseIsoDate('2021-13-01')).toBeUndefined();
    expect(parseIsoDate('2021-04-31')).toBeUndefined();
    expect(parseIsoDate('21-04-01')).toBeUndefined();
    expect(parseIsoDate('2021-4-1')).toBeUndefined();
  });

  it('adds days across a leap day', () => {
    expect(addDays(isoDate('2020-02-28'), 1)).toBe('2020-02-29');
    expect(addDays(isoDate('2020-02-28'), 2)).toBe('2020-03-01');
  });

  it('writes dates the Danish way', () => {
    expect(formatDanishDate(isoDate('2022-04-30'))).toBe('30. april 2022');
  });
});

describe('months', () => {
  it('gives the last day of a month as its reference date', () => {
    expect(lastDayOf(yearMonth('2024-02'))).toBe('2024-02-29');
    expect(lastDayOf(yearMonth('2023-02'))).toBe('2023-02-28');
    expect(lastDayOf(yearMonth('2021-12'))).toBe('2021-12-31');
  });

  it('steps across year ends', () => {
    expect(addMonths(yearMonth('2021-12'), 1)).toBe('2022-01');
    expect(addMonths(yearMonth('2021-01'), -11)).toBe('2020-02');
    expect(monthRange(yearMonth('2020-11'), yearMonth('2021-02'))).toEqual([
      '2020-11',
      '2020-12',
      '2021-01',
      '2021-02',
    ]);
  });
});

describe('deadlines in calendar months', () => {
  it('a notice on 30 April gives an account deadline at the end of July', () => {
    expect(addCalendarMonths(isoDate('2022-04-30'), 3)).toBe('2022-07-31');
  });

  it('a notice mid-month keeps its day', () => {
    expect(addCalendarMonths(isoDate('2022-04-12'), 3)).toBe('2022-07-12');
  });

  it('a day that does not exist in the target month is capped at its end', () => {
    expect(addCalendarMonths(isoDate('2023-11-30'), 3)).toBe('2024-02-29');
    expect(addCalendarMonths(isoDate('2022-05-30'), 9)).toBe('2023-02-28');
  });
});
