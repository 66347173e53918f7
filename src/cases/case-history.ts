/**
 * A municipality's supervision case as read back: its status now and every
 * event of its history, oldest first (corrections included and marked).
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.js';
import { caseEvents, currentStatus, type CaseEvent } from './supervision-cases.js';

export interface CaseHistory {
  readonly municipality: number;
  readonly status: string;
  readonly events: readonly CaseEvent[];
}

export async function caseHistory(
  database: Kysely<DatabaseSchema>,
  municipality: number,
): Promise<CaseHistory> {
  const [status, events] = await Promise.all([
    currentStatus(database, municipality),
    caseEvents(database, municipality),
  ]);
  return { municipality, status, events };
}
