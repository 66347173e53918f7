/**
 * Dated parameters, in the manner of OpenFisca: a parameter is a list of
 * values, each applying from its date until the next value's date.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { LegalSource } from './legal-source.js';

export interface DatedValue<T> {
  /** The first day on which this value applies. */
  readonly from: IsoDate;
  readonly value: T;
  readonly source: LegalSource;
}

export interface Parameter<T> {
  /** Stable name, as used in stored records and the documentation. */
  readonly name: string;
  /** What the value means, in English. */
  readonly description: string;
  /** Values in date order. */
  readonly values: readonly DatedValue<T>[];
}

export function defineParameter<T>(
  name: string,
  description: string,
  values: readonly DatedValue<T>[],
): Parameter<T> {
  if (values.length === 0) throw new Error(`Parameter ${name} has no values`);
  for (let index = 1; index < values.length; index += 1) {
    const previous = values[index - 1];
    const current = values[index];
    if (previous && current && !(previous.from < current.from)) {
      throw new Error(`Parameter ${name}: values must be in strictly increasing date order`);
    }
  }
  return { name, description, values };
}

/**
 * The value entry of `parameter` that applies on `date`: the last one whose
 * date is on or before `date`.
 *
 * Before the first value's date the first value applies. The regime's rules
 * were first in force on 1 January 2020, but the 12-month measures of 2020
 * need the months of 2019; those months are measured under the first rules,
 * as the agency's back-calculated series are.
 */
export function entryOn<T>(parameter: Parameter<T>, date: IsoDate): DatedValue<T> {
  let found = parameter.values[0];
  for (const entry of parameter.values) {
    if (entry.from <= date) found = entry;
    else break;
  }
  if (!found) throw new Error(`Parameter ${parameter.name} has no values`);
  return found;
}

export function valueOn<T>(parameter: Parameter<T>, date: IsoDate): T {
  return entryOn(parameter, date).value;
}
