/**
 * What a generation run is asked for, and the tables it writes.
 */
import type { MunicipalityCode } from '../core/domain/municipality.js';

export interface GenerationSettings {
  readonly seed: number;
  readonly scale: number;
  /** First month of the data period, as a month index (year × 12 + month − 1). */
  readonly firstMonth: number;
  /** Last month of the data period, as a month index. */
  readonly lastMonth: number;
  /** Write CPR-shaped person identifiers instead of pseudonyms. */
  readonly cprIds: boolean;
}

/** Where persons move to: every municipality with its region and size. */
export interface Geography {
  readonly municipalities: readonly {
    readonly code: MunicipalityCode;
    readonly regionCode: number;
    readonly residents: number;
  }[];
}

/** Years of history generated before the data period, so that long spells are already running. */
export const BURN_IN_YEARS = 8;
/** Months of events generated before the data period, for the windows of its first months. */
export const EVENT_LEAD_MONTHS = 12;

/** The person-level tables, in the order they are written, with their columns (data.md). */
export const PERSON_TABLES = {
  benefit_periods: ['person_id', 'municipality', 'benefit', 'from', 'to'],
  conversations: ['person_id', 'date', 'kind', 'form', 'held_by'],
  offers: ['person_id', 'type', 'from', 'to'],
  work_hours: ['person_id', 'month', 'hours'],
  exemptions: ['person_id', 'reason', 'from', 'to'],
} as const;

export type PersonTable = keyof typeof PERSON_TABLES;

export const PERSON_TABLE_NAMES = Object.keys(PERSON_TABLES) as PersonTable[];

/** Rows per table and calendar year (of `from`, `date` or `month`). */
export type RowsByYear = Record<string, Record<string, number>>;
