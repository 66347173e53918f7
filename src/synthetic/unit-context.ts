/**
 * What the generation of one municipality (a "unit": the persons who first
 * appear there) shares between its parts: the random stream of events, the
 * period, the effort of every municipality (movers take their new
 * municipality's effort with them), and the columns the rows go to.
 */
import { civilOf, type DayNumber } from '../core/calendar/day-number.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import type { SeededRandom } from '../core/random/seeded-random.js';
import { effortDesignOf, valueForYear } from './effort-scenarios.js';
import { IntColumn } from './growable-column.js';

/** A municipality's effort in one year, as the generator uses it. */
export interface YearEffort {
  /** Passive share for conversations to run at, 0–1. */
  readonly conversations: number;
  /** Passive share for offers to run at (as the municipality counts), 0–1. */
  readonly offers: number;
  /** Whether it steers by the 2023 counting rules this year. */
  readonly followsNewRules: boolean;
  readonly phoneFirstShare: number;
  readonly section91Reliance: number;
}

/** Effort by municipality and year, cached. */
export class EffortTable {
  private readonly cache = new Map<number, YearEffort>();

  of(code: MunicipalityCode, year: number): YearEffort {
    const key = code * 10_000 + year;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const design = effortDesignOf(code);
    const effort: YearEffort = {
      conversations: valueForYear(design.conversations, year) / 100,
      offers: valueForYear(design.offers, year) / 100,
      followsNewRules: year >= design.followsNewRulesFrom,
      phoneFirstShare: design.phoneFirstShare,
      section91Reliance: design.section91Reliance,
    };
    this.cache.set(key, effort);
    return effort;
  }
}

/** The generated event rows of a unit, by local person index. */
export class EventColumns {
  readonly conversationPerson = new IntColumn();
  readonly conversationDay = new IntColumn();
  /** kind, form and holder as indexes into the domain lists, packed as kind * 100 + form * 10 + holder. */
  readonly conversationCodes = new IntColumn();
  readonly offerPerson = new IntColumn();
  readonly offerType = new IntColumn();
  readonly offerFrom = new IntColumn();
  readonly offerTo = new IntColumn();
  readonly hoursPerson = new IntColumn();
  readonly hoursMonth = new IntColumn();
  readonly hoursTenths = new IntColumn();
}

export interface UnitContext {
  readonly code: MunicipalityCode;
  readonly random: SeededRandom;
  /** First day events are generated for. */
  readonly eventsFirstDay: DayNumber;
  /** Month index (year × 12 + month − 1) of the first event month. */
  readonly eventsFirstMonth: number;
  /** Last day of the data period. */
  readonly lastDay: DayNumber;
  readonly effort: EffortTable;
  readonly events: EventColumns;
}

/** The calendar year of a day number. */
export function yearOfDay(day: DayNumber): number {
  return civilOf(day).year;
}
