/**
 * Danish CPR numbers in `person_id` (data.md "Personal data"): ten digits,
 * optionally written `DDMMYY-SSSS`, whose first six digits are a valid date
 * DDMMYY. Such a value is never stored, logged or shown: it is refused, or
 * replaced by a keyed hash (see pseudonym-key.ts).
 */

import { daysInMonth } from '../core/calendar/day-number.js';

const CPR_SHAPE = /^(\d{2})(\d{2})(\d{2})-?\d{4}$/;

/**
 * Whether `value` (already trimmed) is a CPR number. The day must exist in the
 * month; 29 February is accepted when the two-digit year is divisible by 4,
 * since the century is not written (1900 was not a leap year, 2000 was; a
 * supervisor would rather refuse a pseudonym too many than store a CPR
 * number).
 */
export function isCprNumber(value: string): boolean {
  const match = CPR_SHAPE.exec(value);
  if (!match) return false;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
  if (month < 1 || month > 12) return false;
  // A year of the century divisible by 4 is a leap year in some century: read it as 2000.
  return day >= 1 && day <= daysInMonth(year % 4 === 0 ? 2000 : 2001, month);
}

/** The ten digits of a CPR number, without the hyphen: the input of the keyed hash. */
export function normaliseCprNumber(value: string): string {
  return value.replace('-', '');
}

/** `0101901234` → `**********`, `010190-1234` → `******-****`. */
export function maskDigits(value: string): string {
  return value.replace(/[0-9]/g, '*');
}

/**
 * A value as it may be shown or written in a report: any run that looks like a
 * CPR number anywhere in it (ten digits, optionally with a hyphen after six)
 * is masked, whatever column it came from.
 */
export function maskCprNumbers(text: string): string {
  return text.replace(/\d{6}(-?)\d{4}/g, '******$1****');
}

/** SQL: the same test as {@link isCprNumber} for a trimmed VARCHAR expression. */
export function isCprNumberSql(value: string): string {
  const part = (start: number) => `TRY_CAST(substr(${value}, ${start}, 2) AS INTEGER)`;
  const day = part(1);
  const month = part(3);
  const year = part(5);
  // CASE, not AND: only values of the right length reach the pattern.
  return (
    `(CASE WHEN strlen(${value}) BETWEEN 10 AND 11 THEN regexp_full_match(${value}, '[0-9]{6}-?[0-9]{4}')` +
    ` AND ${month} BETWEEN 1 AND 12 AND ${day} BETWEEN 1 AND CASE ${month}` +
    ` WHEN 2 THEN CASE WHEN ${year} % 4 = 0 THEN 29 ELSE 28 END` +
    ` WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)`
  );
}

/** SQL: the masking of {@link maskCprNumbers} for a VARCHAR expression. */
export function maskCprNumbersSql(value: string): string {
  return `regexp_replace(${value}, '[0-9]{6}(-?)[0-9]{4}', '******\\1****', 'g')`;
}
