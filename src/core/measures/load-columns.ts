/**
 * A data load as typed columns, grouped by person.
 *
 * Every table of the load store is sorted by `person_key` and then by date
 * (docs/architecture.md), so one person's rows of each table are a contiguous
 * slice: rows `offsets[p]` to `offsets[p + 1] - 1`. Dates are `DayNumber`s;
 * codes are indices in the lists of `src/core/domain`; an empty `to` (an
 * ongoing period) is {@link ONGOING}. The engine reads these columns in one
 * pass with no per-row objects.
 */
import type { DayNumber } from '../calendar/day-number.js';

/** The `to` of an ongoing period (empty in the files): later than any real date. */
export const ONGOING: DayNumber = 2_147_483_647;

/** Rows of one table, grouped by person: `offsets` has one entry per person plus one. */
export interface PersonGroupedTable {
  readonly offsets: Int32Array;
}

export interface BenefitPeriodColumns extends PersonGroupedTable {
  /** Official municipality code (kommunekode). */
  readonly municipality: Int16Array;
  /** Index in `BENEFIT_TYPES`. */
  readonly benefit: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

export interface ConversationColumns extends PersonGroupedTable {
  readonly date: Int32Array;
  /** Index in `CONVERSATION_KINDS`. */
  readonly kind: Uint8Array;
  /** Index in `CONVERSATION_FORMS`. */
  readonly form: Uint8Array;
  /** Index in `CONVERSATION_HOLDERS`. */
  readonly heldBy: Uint8Array;
}

export interface OfferColumns extends PersonGroupedTable {
  /** Index in `OFFER_TYPES`. */
  readonly type: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

export interface WorkHourColumns extends PersonGroupedTable {
  /** Running month index (year × 12 + month − 1), see `monthIndex`. */
  readonly month: Int32Array;
  readonly hours: Float64Array;
}

export interface ExemptionColumns extends PersonGroupedTable {
  /** Index in `EXEMPTION_REASONS`. */
  readonly reason: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

export interface LoadColumns {
  /** Persons are 0 … personCount − 1 (the store's `person_key`). */
  readonly personCount: number;
  readonly periods: BenefitPeriodColumns;
  readonly conversations: ConversationColumns;
  readonly offers: OfferColumns;
  readonly workHours: WorkHourColumns;
  readonly exemptions: ExemptionColumns;
}

/** Rows of all tables, for throughput figures. */
export function eventRowCount(columns: LoadColumns): number {
  return (
    rowsOf(columns.periods) +
    rowsOf(columns.conversations) +
    rowsOf(columns.offers) +
    rowsOf(columns.workHours) +
    rowsOf(columns.exemptions)
  );
}

function rowsOf(table: PersonGroupedTable): number {
  return table.offsets[table.offsets.length - 1] ?? 0;
}
