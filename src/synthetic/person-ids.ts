/**
 * Person identifiers of the synthetic data set.
 *
 * By default a pseudonym that cannot be taken for a CPR number: `P` and nine
 * digits, fixed width, so that lexical order is numeric order
 * (`P000000001`). With `--cpr-ids` a CPR-shaped number instead — ten digits
 * whose first six are a valid birth date DDMMYY — to test the loader's CPR
 * handling end to end. Both are a one-to-one function of the person's
 * number, so no two persons share an identifier.
 */
import { civilOf, dayNumberOf } from '../core/calendar/day-number.js';

const PSEUDONYM_DIGITS = 9;
/** Persons per birth date: the last four digits of the CPR-shaped number. */
const SERIALS_PER_DATE = 10_000;
/** Birth dates run from 1 January 1955 onwards. */
const FIRST_BIRTH_DAY = dayNumberOf(1955, 1, 1);
/** Up to 31 December 1999: two-digit years stay unambiguous and the century digit free. */
const BIRTH_DAYS = 16_436;

export const MAXIMUM_PERSON_NUMBER = Math.min(
  10 ** PSEUDONYM_DIGITS - 1,
  BIRTH_DAYS * SERIALS_PER_DATE - 1,
);

/** `P` and the nine-digit person number. */
export function pseudonym(personNumber: number): string {
  return `P${String(personNumber).padStart(PSEUDONYM_DIGITS, '0')}`;
}

/** A CPR-shaped identifier (DDMMYY + four digits) for the person number. */
export function cprShapedId(personNumber: number): string {
  const dateIndex = Math.floor(personNumber / SERIALS_PER_DATE);
  const serial = personNumber % SERIALS_PER_DATE;
  const { year, month, day } = civilOf(FIRST_BIRTH_DAY + dateIndex);
  return (
    String(day).padStart(2, '0') +
    String(month).padStart(2, '0') +
    String(year % 100).padStart(2, '0') +
    String(serial).padStart(4, '0')
  );
}
