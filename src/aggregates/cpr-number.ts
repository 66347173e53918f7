/**
 * Recognises Danish CPR numbers (ten digits, optionally `DDMMYY-XXXX`, whose
 * first six digits are a valid date), which must never be read into the
 * legal commands: data.md requires pseudonyms (`person_id`) instead.
 */
import { daysInMonth } from '../core/calendar/day-number.js';

export function looksLikeCprNumber(text: string): boolean {
  const match = /^(\d{2})(\d{2})(\d{2})-?\d{4}$/.exec(text.trim());
  if (!match) return false;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const yearOfCentury = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // The century is not known from the number alone; 29 February is valid in
  // some century whenever the two digits are divisible by 4 (2000 included).
  const leapCandidate = yearOfCentury % 4 === 0;
  return day <= (month === 2 && leapCandidate ? 29 : daysInMonth(2001, month));
}
