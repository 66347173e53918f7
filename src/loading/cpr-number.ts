/**
 * Danish CPR numbers in `person_id` (data.md "Personal data",
 * docs/pseudonymisation.md): ten digits whose first six are a valid date
 * DDMMYY, however they are written — `DDMMYY-SSSS`, with a space, slash or
 * dots between the digits, with letters around them (`CPR0101901237`), as a
 * number that lost its leading zero or gained a decimal part or an exponent
 * (`101901234`, `0101901242.0`, `1.01901243E9`). Such a value is never stored,
 * logged or shown: it is refused, or replaced by a keyed hash of its ten
 * digits (see pseudonym-key.ts), so that every way of writing one person's
 * number gives the same pseudonym.
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

/**
 * The ten digits of the CPR number that `value` (normalised: NFKC, trimmed)
 * is a way of writing, or undefined. Tried in turn: all its digits; and, when
 * the value is a number (digits, optionally a decimal part of zeros or an
 * exponent), its integer value and the digits of its mantissa, nine of them
 * read with the leading zero a number loses. A supervisor would rather refuse
 * a pseudonym too many than store a CPR number.
 */
export function cprDigitsOf(value: string): string | undefined {
  const digits = value.replace(/[^0-9]/g, '');
  if (digits.length < 9) return undefined;
  if (digits.length === 10 && isCprNumber(digits)) return digits;
  const number = NUMBER_FORM.exec(value);
  if (number === null) return undefined;
  const whole = number[1] ?? '';
  const fraction = number[2] ?? '';
  const exponent = number[3];
  const candidates: string[] = [];
  if (exponent === undefined) {
    if (/^0*$/.test(fraction)) candidates.push(whole);
  } else {
    const mantissa = whole + fraction;
    candidates.push(mantissa);
    const shift = Number(exponent) - fraction.length;
    if (shift >= 0 && shift <= 10) candidates.push(mantissa + '0'.repeat(shift));
    else if (shift < 0 && /^0*$/.test(mantissa.slice(shift)))
      candidates.push(mantissa.slice(0, shift));
  }
  for (const candidate of candidates) {
    const significant = candidate.replace(/^0+/, '');
    if (significant.length !== 9 && significant.length !== 10) continue;
    const ten = significant.padStart(10, '0');
    if (isCprNumber(ten)) return ten;
  }
  return undefined;
}

/** A number: whole part, optional decimal part (point or comma), optional exponent. */
const NUMBER_FORM = /^\+?([0-9]+)(?:[.,]([0-9]*))?(?:[eE]\+?([0-9]{1,3}))?$/;

/** The ten digits of a CPR number, without the hyphen: the input of the keyed hash. */
export function normaliseCprNumber(value: string): string {
  return value.replace('-', '');
}

/** `0101901234` → `**********`, `010190-1234` → `******-****`. */
export function maskDigits(value: string): string {
  return value.replace(/[0-9]/g, '*');
}

/**
 * A value as it may be shown or written in a report: every CPR number in it
 * — ten digits standing alone (no digit just before or after), optionally
 * written `DDMMYY-SSSS`, `DDMMYY SSSS`, `DDMMYY/SSSS` or `DD.MM.YY-SSSS`, whose
 * first six digits are a valid date — is masked digit by digit, whatever
 * column it came from. Other numbers, also long ones, are left as they are.
 */
export function maskCprNumbers(text: string): string {
  return text.replace(CPR_IN_TEXT, (match) =>
    isCprNumber(match.replace(/[^0-9]/g, '')) ? maskDigits(match) : match,
  );
}

const CPR_IN_TEXT = /(?<![0-9])([0-9]{2})(\.?)([0-9]{2})\2([0-9]{2})[-/ ]?([0-9]{4})(?![0-9])/g;

/** The scalar function of {@link maskCprNumbers} in every DuckDB session (duckdb-session.ts). */
export const MASK_FUNCTION = 'tilsyn_mask_cpr';

/** SQL: the masking of {@link maskCprNumbers} for a VARCHAR expression. */
export function maskCprNumbersSql(value: string): string {
  return `${MASK_FUNCTION}(${value})`;
}
