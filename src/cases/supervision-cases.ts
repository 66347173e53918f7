/**
 * The supervision case of each municipality and its history. A case is
 * made the first time something happens to the municipality; its status is
 * the `status_after` of its last event that sets one (none before any).
 * Events are never changed: a correction is a new event pointing at the
 * corrected one.
 */
import type { Kysely } from 'kysely';
import type { SupervisionStatus } from '../core/domain/supervision.js';
import { isSupervisionStatus } from '../core/domain/supervision.js';
import type { CaseEventRow, CaseEventSource, DatabaseSchema } from '../storage/schema.js';
import type { Actor } from './actor.js';

type Db = Kysely<DatabaseSchema>;

/** The id of the municipality's case, made when it has none. */
export async function caseIdOf(database: Db, municipality: number): Promise<number> {
  const existing = await database
    .selectFrom('supervision_cases')
    .select('id')
    .where('municipality_code', '=', municipality)
    .executeTakeFirst();
  if (existing) return existing.id;
  await database
    .insertInto('supervision_cases')
    .values({ municipality_code: municipality })
    .onConflict((conflict) => conflict.column('municipality_code').doNothing())
    .execute();
  const made = await database
    .selectFrom('supervision_cases')
    .select('id')
    .where('municipality_code', '=', municipality)
    .executeTakeFirstOrThrow();
  return made.id;
}

export interface NewCaseEvent {
  readonly caseId: number;
  readonly kind: string;
  readonly eventDate: string;
  readonly statusAfter?: SupervisionStatus | undefined;
  readonly summary: string;
  readonly subjectTable?: string;
  readonly subjectId?: number;
  readonly correctsId?: number | undefined;
  /** `import` for an event made by importing existing statuses; the case system's own otherwise. */
  readonly source?: CaseEventSource;
}

export async function appendCaseEvent(
  database: Db,
  actor: Actor,
  event: NewCaseEvent,
): Promise<number> {
  const row = await database
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      kind: event.kind,
      event_date: event.eventDate,
      status_after: event.statusAfter ?? null,
      summary: event.summary,
      subject_table: event.subjectTable ?? null,
      subject_id: event.subjectId ?? null,
      actor_user_id: actor.userId ?? null,
      corrects_id: event.correctsId ?? null,
      source: event.source ?? 'case_system',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every municipality's current status (municipalities without a case are `none`). */
export async function currentStatuses(database: Db): Promise<Map<number, SupervisionStatus>> {
  const rows = await database
    .selectFrom('case_events as event')
    .innerJoin('supervision_cases as case', 'case.id', 'event.case_id')
    .select(['case.municipality_code', 'event.status_after'])
    .where('event.status_after', 'is not', null)
    .orderBy('event.id')
    .execute();
  const statuses = new Map<number, SupervisionStatus>();
  for (const row of rows) {
    if (row.status_after !== null && isSupervisionStatus(row.status_after))
      statuses.set(row.municipality_code, row.status_after);
  }
  return statuses;
}

/**
 * The status a history ends in (events oldest first): the `status_after` of
 * its last event that sets one, as `currentStatus` reads it.
 */
export function statusOfEvents(events: readonly CaseEvent[]): SupervisionStatus {
  for (let index = events.length - 1; index >= 0; index--) {
    const status = events[index]?.statusAfter ?? null;
    if (status !== null) return isSupervisionStatus(status) ? status : 'none';
  }
  return 'none';
}

/** One municipality's current status. */
export async function currentStatus(
  database: Db,
  municipality: number,
): Promise<SupervisionStatus> {
  const row = await database
    .selectFrom('case_events as event')
    .innerJoin('supervision_cases as case', 'case.id', 'event.case_id')
    .select('event.status_after')
    .where('case.municipality_code', '=', municipality)
    .where('event.status_after', 'is not', null)
    .orderBy('event.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const status = row?.status_after;
  return status !== undefined && status !== null && isSupervisionStatus(status) ? status : 'none';
}

export interface CaseEvent {
  readonly id: number;
  readonly kind: string;
  readonly eventDate: string;
  readonly statusAfter: string | null;
  readonly summary: string;
  readonly subjectTable: string | null;
  readonly subjectId: number | null;
  readonly actorUserId: number | null;
  readonly recordedAt: Date;
  readonly correctsId: number | null;
}

/**
 * The history of a municipality's case, oldest first by the date of the event
 * (a contact recorded late still stands where it happened), in the order
 * recorded within a day; corrections included, marked.
 */
export async function caseEvents(database: Db, municipality: number): Promise<CaseEvent[]> {
  const rows = await database
    .selectFrom('case_events as event')
    .innerJoin('supervision_cases as case', 'case.id', 'event.case_id')
    .selectAll('event')
    .where('case.municipality_code', '=', municipality)
    .orderBy('event.event_date')
    .orderBy('event.id')
    .execute();
  return rows.map(eventOf);
}

function eventOf(row: CaseEventRow): CaseEvent {
  return {
    id: row.id,
    kind: row.kind,
    eventDate: row.event_date,
    statusAfter: row.status_after,
    summary: row.summary,
    subjectTable: row.subject_table,
    subjectId: row.subject_id,
    actorUserId: row.actor_user_id,
    recordedAt: row.created_at,
    correctsId: row.corrects_id,
  };
}
