/**
 * The audit log: every write of the case system appends who did what, when,
 * to which row — in the same transaction as the write, so that a write
 * without its audit row cannot happen. The log is append-only (the
 * database refuses changes, docs/database.md).
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema, JsonValue } from '../storage/schema.js';
import type { Actor } from './actor.js';

export interface AuditEntry {
  /** What was done, e.g. `assessment_run.issue`. */
  readonly action: string;
  readonly subjectTable?: string;
  readonly subjectId?: number | string;
  readonly municipalityCode?: number;
  /** A person-level read: the person's key in the load, never a CPR number. */
  readonly personKey?: string;
  readonly reason?: string;
  readonly outcome?: 'ok' | 'refused';
  readonly details?: JsonValue;
}

export async function appendAudit(
  database: Kysely<DatabaseSchema>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await database
    .insertInto('audit_log')
    .values({
      actor_user_id: actor.userId ?? null,
      actor: actor.name,
      action: entry.action,
      outcome: entry.outcome ?? 'ok',
      subject_table: entry.subjectTable ?? null,
      subject_id: entry.subjectId === undefined ? null : String(entry.subjectId),
      municipality_code: entry.municipalityCode ?? null,
      person_key: entry.personKey ?? null,
      reason: entry.reason ?? null,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .execute();
}

export interface AuditQuery {
  readonly subjectTable?: string;
  readonly subjectId?: number | string;
  readonly municipalityCode?: number;
  readonly limit?: number;
}

/** The audit log, newest first. */
export async function readAuditLog(database: Kysely<DatabaseSchema>, query: AuditQuery = {}) {
  let select = database.selectFrom('audit_log').selectAll().orderBy('id', 'desc');
  if (query.subjectTable !== undefined)
    select = select.where('subject_table', '=', query.subjectTable);
  if (query.subjectId !== undefined)
    select = select.where('subject_id', '=', String(query.subjectId));
  if (query.municipalityCode !== undefined)
    select = select.where('municipality_code', '=', query.municipalityCode);
  return select.limit(query.limit ?? 1000).execute();
}
