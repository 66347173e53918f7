/**
 * Calendar months (`YYYY-MM`). Monthly measures, reference months and the
 * 12-month averages are indexed by month; a month's reference date R is its
 * last day (measures.md).
 */
import { daysInMonth } from './day-number.js';
import { isoDateOf, type IsoDate } from './iso-date.js';

/** A month written `YYYY-MM`. */
export type YearMonth = string & { readonly __yearMonth: unique symbol };

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

export function parseYearMonth(text: string): YearMonth | undefined {
  const match = YEAR_MONTH.exec(text);
  if (!match) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return text as YearMonth;
}

/** Like {@link parseYearMonth}, but throws (for literals in code). */
export function yearMonth(text: string): YearMonth {
  const value = parseYearMonth(text);
  if (value === undefined) throw new RangeError(`Not a month YYYY-MM: ${JSON.stringify(text)}`);
  return value;
}

export function yearMonthOf(year: number, month: number): YearMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}` as YearMonth;
}

export function yearOf(month: YearMonth): number {
  return Number(month.slice(0, 4));
}

export function monthNumberOf(month: YearMonth): number {
  return Number(month.slice(5, 7));
}

/** A running month index (year × 12 + month − 1), for arithmetic and array offsets. */
export function monthIndex(month: YearMonth): number {
  return yearOf(month) * 12 + monthNumberOf(month) - 1;
}

export function fromMonthIndex(index: number): YearMonth {
  return yearMonthOf(Math.floor(index / 12), (index % 12) + 1);
}

export function addMonths(month: YearMonth, count: number): YearMonth {
  return fromMonthIndex(monthIndex(month) + count);
}

/** Months from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthRange(from: YearMonth, to: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  for (let index = monthIndex(from); index <= monthIndex(to); index += 1)
    months.push(fromMonthIndex(index));
  return months;
}

export function firstDayOf(month: YearMonth): IsoDate {
  return isoDateOf(yearOf(month), monthNumberOf(month), 1);
}

/** The reference date R of a month: its last day. */
export function lastDayOf(month: YearMonth): IsoDate {
  const year = yearOf(month);
  const number = monthNumberOf(month);
  return isoDateOf(year, number, daysInMonth(year, number));
}

export function monthOfDate(date: IsoDate): YearMonth {
  return date.slice(0, 7) as YearMonth;
}
