/**
 * Calendar arithmetic for legal deadlines.
 */
import { daysInMonth } from './day-number.js';
import { isoDateOf, type IsoDate } from './iso-date.js';

/**
 * The date `months` calendar months after `date`.
 *
 * A date on the last day of its month lands on the last day of the target
 * month ("end of month to end of month"); any other day keeps its day number,
 * capped at the target month's length. Seed 000 reads "senest 3 måneder efter
 * modtagelsen af meddelelse" for a notice at the end of April as "ved
 * udgangen af juli", which this convention reproduces (30 April → 31 July).
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetLength = daysInMonth(targetYear, targetMonth);
  const isMonthEnd = day === daysInMonth(year, month);
  return isoDateOf(
    targetYear,
    targetMonth,
    isMonthEnd ? targetLength : Math.min(day, targetLength),
  );
}
