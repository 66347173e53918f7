/**
 * A rule node's dated values prepared for the hot path: their change dates
 * as day numbers, so that "the value in force on this event's date" is an
 * integer comparison instead of a string lookup (measures.md: each event is
 * counted under the rules of its own date).
 */
import type { DayNumber } from '../calendar/day-number.js';
import { toDayNumber, type IsoDate } from '../calendar/iso-date.js';

export interface DayLookup<T> {
  /** The first day of each value; before the first, the first value applies (see `RuleBook`). */
  readonly fromDays: Int32Array;
  readonly values: readonly T[];
  /** Whether every value is the same (the common case: answer without looking at the date). */
  readonly constant: boolean;
}

/** Prepares the dated values `entries` (from `book.entries(id)`), converting each with `convert`. */
export function dayLookupOf<S, T>(
  entries: readonly { readonly from: IsoDate; readonly value: S }[],
  convert: (value: S) => T,
): DayLookup<T> {
  const values = entries.map((entry) => convert(entry.value));
  return {
    fromDays: Int32Array.from(entries.map((entry) => toDayNumber(entry.from))),
    values,
    constant: values.every((value) => value === values[0]),
  };
}

/** The value in force on `day`. */
export function valueOnDay<T>(lookup: DayLookup<T>, day: DayNumber): T {
  let index = 0;
  const days = lookup.fromDays;
  if (lookup.constant) return lookup.values[0] as T;
  while (index + 1 < days.length && (days[index + 1] ?? 0) <= day) index += 1;
  const value = lookup.values[index];
  if (value === undefined) throw new Error('A dated rule value has no values');
  return value;
}
