/**
 * Readable person-level records for tests (ISO dates, code strings, person
 * ids), and the typed columns the engine reads, built from them the way the
 * load store orders them: persons by `person_id`, rows by date.
 */
import { isoDate, toDayNumber } from '../../src/core/calendar/iso-date.js';
import { monthIndex, yearMonth } from '../../src/core/calendar/year-month.js';
import { BENEFIT_TYPES, type BenefitType } from '../../src/core/domain/benefit-type.js';
import {
  CONVERSATION_FORMS,
  CONVERSATION_HOLDERS,
  CONVERSATION_KINDS,
  EXEMPTION_REASONS,
  OFFER_TYPES,
  type ConversationForm,
  type ConversationHolder,
  type ConversationKind,
  type ExemptionReason,
  type OfferType,
} from '../../src/core/domain/events.js';
import { ONGOING, type LoadColumns } from '../../src/core/measures/load-columns.js';

export interface PeriodRecord {
  readonly municipality?: number;
  readonly benefit: BenefitType;
  readonly from: string;
  /** Omitted: ongoing. */
  readonly to?: string;
}

export interface ConversationRecord {
  readonly date: string;
  readonly kind?: ConversationKind;
  readonly form?: ConversationForm;
  readonly heldBy?: ConversationHolder;
}

export interface OfferRecord {
  readonly type: OfferType;
  readonly from: string;
  readonly to?: string;
}

export interface WorkHoursRecord {
  readonly month: string;
  readonly hours: number;
}

export interface ExemptionRecord {
  readonly reason: ExemptionReason;
  readonly from: string;
  readonly to?: string;
}

export interface PersonRecords {
  readonly id: string;
  readonly periods?: readonly PeriodRecord[];
  readonly conversations?: readonly ConversationRecord[];
  readonly offers?: readonly OfferRecord[];
  readonly workHours?: readonly WorkHoursRecord[];
  readonly exemptions?: readonly ExemptionRecord[];
}

/** The municipality tests use when a record names none: Københavns Kommune. */
export const DEFAULT_MUNICIPALITY = 101;

export function day(text: string): number {
  return toDayNumber(isoDate(text));
}

function dayOrOngoing(text: string | undefined): number {
  return text === undefined ? ONGOING : day(text);
}

/** Persons in store order (by id), with each person's rows in date order. */
export function inStoreOrder(persons: readonly PersonRecords[]): PersonRecords[] {
  const byDate =
    <T>(key: (row: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return [...persons]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((person) => ({
      id: person.id,
      periods: [...(person.periods ?? [])].sort(byDate((row) => row.from)),
      conversations: [...(person.conversations ?? [])].sort(byDate((row) => row.date)),
      offers: [...(person.offers ?? [])].sort(byDate((row) => row.from)),
      workHours: [...(person.workHours ?? [])].sort(byDate((row) => row.month)),
      exemptions: [...(person.exemptions ?? [])].sort(byDate((row) => row.from)),
    }));
}

function offsetsOf(
  persons: readonly PersonRecords[],
  count: (person: PersonRecords) => number,
): Int32Array {
  const offsets = new Int32Array(persons.length + 1);
  persons.forEach((person, index) => {
    offsets[index + 1] = (offsets[index] ?? 0) + count(person);
  });
  return offsets;
}

/** The typed columns of `persons`, person_key = position in id order. */
export function buildLoadColumns(persons: readonly PersonRecords[]): LoadColumns {
  const ordered = inStoreOrder(persons);
  const periods = ordered.flatMap((person) => person.periods ?? []);
  const conversations = ordered.flatMap((person) => person.conversations ?? []);
  const offers = ordered.flatMap((person) => person.offers ?? []);
  const workHours = ordered.flatMap((person) => person.workHours ?? []);
  const exemptions = ordered.flatMap((person) => person.exemptions ?? []);
  return {
    personCount: ordered.length,
    periods: {
      offsets: offsetsOf(ordered, (person) => person.periods?.length ?? 0),
      municipality: Int16Array.from(periods.map((row) => row.municipality ?? DEFAULT_MUNICIPALITY)),
      benefit: Uint8Array.from(periods.map((row) => BENEFIT_TYPES.indexOf(row.benefit))),
      from: Int32Array.from(periods.map((row) => day(row.from))),
      to: Int32Array.from(periods.map((row) => dayOrOngoing(row.to))),
    },
    conversations: {
      offsets: offsetsOf(ordered, (person) => person.conversations?.length ?? 0),
      date: Int32Array.from(conversations.map((row) => day(row.date))),
      kind: Uint8Array.from(
        conversations.map((row) => CONVERSATION_KINDS.indexOf(row.kind ?? 'jobsamtale')),
      ),
      form: Uint8Array.from(
        conversations.map((row) => CONVERSATION_FORMS.indexOf(row.form ?? 'personligt')),
      ),
      heldBy: Uint8Array.from(
        conversations.map((row) => CONVERSATION_HOLDERS.indexOf(row.heldBy ?? 'jobcenter')),
      ),
    },
    offers: {
      offsets: offsetsOf(ordered, (person) => person.offers?.length ?? 0),
      type: Uint8Array.from(offers.map((row) => OFFER_TYPES.indexOf(row.type))),
      from: Int32Array.from(offers.map((row) => day(row.from))),
      to: Int32Array.from(offers.map((row) => dayOrOngoing(row.to))),
    },
    workHours: {
      offsets: offsetsOf(ordered, (person) => person.workHours?.length ?? 0),
      month: Int32Array.from(workHours.map((row) => monthIndex(yearMonth(row.month)))),
      hours: Float64Array.from(workHours.map((row) => row.hours)),
    },
    exemptions: {
      offsets: offsetsOf(ordered, (person) => person.exemptions?.length ?? 0),
      reason: Uint8Array.from(exemptions.map((row) => EXEMPTION_REASONS.indexOf(row.reason))),
      from: Int32Array.from(exemptions.map((row) => day(row.from))),
      to: Int32Array.from(exemptions.map((row) => dayOrOngoing(row.to))),
    },
  };
}
