/**
 * The decisions an assessment run computed (a draft's decisions with their
 * reasons and legal basis), with the ministry's resolution of each one that
 * required judgement. Read-only: for the API and the web app.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema, JsonValue } from '../storage/schema.js';
import { assessmentRun } from './assessment-runs.js';

export interface RunDecisionView {
  readonly id: number;
  readonly municipality: number;
  readonly year: number;
  readonly decision: string;
  readonly statusBefore: string;
  readonly statusAfter: string | null;
  readonly legalBasis: JsonValue | null;
  readonly details: JsonValue;
  /** The latest resolution of a `requires_judgement` decision. */
  readonly resolution: { readonly decision: string; readonly reason: string } | null;
}

export async function runDecisions(
  database: Kysely<DatabaseSchema>,
  runId: number,
): Promise<RunDecisionView[]> {
  await assessmentRun(database, runId);
  const rows = await database
    .selectFrom('run_decisions')
    .selectAll()
    .where('assessment_run_id', '=', runId)
    .orderBy('municipality_code')
    .execute();
  const resolutions = await database
    .selectFrom('judgement_resolutions')
    .innerJoin('run_decisions', 'run_decisions.id', 'judgement_resolutions.run_decision_id')
    .select([
      'judgement_resolutions.run_decision_id',
      'judgement_resolutions.decision',
      'judgement_resolutions.reason',
    ])
    .where('run_decisions.assessment_run_id', '=', runId)
    .orderBy('judgement_resolutions.id')
    .execute();
  const latest = new Map(
    resolutions.map((row) => [row.run_decision_id, { decision: row.decision, reason: row.reason }]),
  );
  return rows.map((row) => ({
    id: row.id,
    municipality: row.municipality_code,
    year: row.year,
    decision: row.decision,
    statusBefore: row.status_before,
    statusAfter: row.status_after,
    legalBasis: row.legal_basis,
    details: row.details,
    resolution: latest.get(row.id) ?? null,
  }));
}
