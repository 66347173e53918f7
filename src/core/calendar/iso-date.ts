/**
 * ISO calendar dates (`YYYY-MM-DD`), the form dates take in files, APIs and
 * the rules. Lexical order of ISO dates is chronological order.
 */
import { civilOf, dayNumberOf, daysInMonth, type DayNumber } from './day-number.js';

/** A valid calendar date written `YYYY-MM-DD`. */
export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads `YYYY-MM-DD`. Returns `undefined` for anything else, including
 * impossible dates such as 2021-02-29 or 2021-13-01.
 */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return text as IsoDate;
}

/** Like {@link parseIsoDate}, but throws for a string that is not a date (for literals in code). */
export function isoDate(text: string): IsoDate {
  const date = parseIsoDate(text);
  if (date === undefined) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(text)}`);
  return date;
}

export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

export function toDayNumber(date: IsoDate): DayNumber {
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function fromDayNumber(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = civilOf(dayNumber);
  return isoDateOf(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Danish long form, e.g. "30. april 2022", for letters and reports. */
export function formatDanishDate(date: IsoDate): string {
  const month = Number(date.slice(5, 7));
  return `${Number(date.slice(8, 10))}. ${DANISH_MONTHS[month - 1] ?? ''} ${date.slice(0, 4)}`;
}

export const DANISH_MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
