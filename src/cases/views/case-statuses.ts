/**
 * Each municipality's current supervision status: the status of the last
 * event of its case that set one (a case without such an event, or no case,
 * is "none").
 */
import { isSupervisionStatus, type SupervisionStatus } from '../../core/domain/supervision.js';
import type { Database } from '../../storage/database.js';

export async function caseStatuses(database: Database): Promise<Map<number, SupervisionStatus>> {
  const rows = await database
    .selectFrom('case_events')
    .innerJoin('supervision_cases', 'supervision_cases.id', 'case_events.case_id')
    .select([
      'supervision_cases.municipality_code as municipality',
      'case_events.status_after as status',
      'case_events.event_date as date',
      'case_events.id as id',
    ])
    .where('case_events.status_after', 'is not', null)
    .orderBy('case_events.event_date')
    .orderBy('case_events.id')
    .execute();
  const statuses = new Map<number, SupervisionStatus>();
  for (const row of rows)
    if (row.status !== null && isSupervisionStatus(row.status))
      statuses.set(row.municipality, row.status);
  return statuses;
}
