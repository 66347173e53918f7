/**
 * A municipality's supervision case as read back: its status now and every
 * event of its history, oldest first (corrections included and marked).
 * One query: the status is the one the history ends in.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.js';
import { caseEvents, statusOfEvents, type CaseEvent } from './supervision-cases.js';

export interface CaseHistory {
  readonly municipality: number;
  readonly status: string;
  readonly events: readonly CaseEvent[];
}

export async function caseHistory(
  database: Kysely<DatabaseSchema>,
  municipality: number,
): Promise<CaseHistory> {
  const events = await caseEvents(database, municipality);
  return { municipality, status: statusOfEvents(events), events };
}
