/**
 * What the permission policy needs to know of a case review: its
 * municipality and the auditor assigned to it.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.js';
import { CaseError } from './case-error.js';
import { assignedAuditor, type ReviewKind } from './case-reviews.js';

export interface ReviewFacts {
  readonly municipality: number;
  readonly auditors: readonly number[];
}

export async function reviewFacts(
  database: Kysely<DatabaseSchema>,
  kind: ReviewKind,
  reviewId: number,
): Promise<ReviewFacts> {
  const row =
    kind === 'sample'
      ? await database
          .selectFrom('case_review_samples')
          .select('municipality_code')
          .where('id', '=', reviewId)
          .executeTakeFirst()
      : await database
          .selectFrom('passive_case_lists')
          .select('municipality_code')
          .where('id', '=', reviewId)
          .executeTakeFirst();
  if (row === undefined)
    throw new CaseError('no_such_review', `Sagsgennemgang ${reviewId} findes ikke.`, 'not_found');
  const auditor = await assignedAuditor(database, kind, reviewId);
  return { municipality: row.municipality_code, auditors: auditor === undefined ? [] : [auditor] };
}

/** The review and municipality a reviewed case belongs to. */
export async function reviewOfCase(
  database: Kysely<DatabaseSchema>,
  kind: ReviewKind,
  caseId: number,
): Promise<number> {
  const row =
    kind === 'sample'
      ? await database
          .selectFrom('case_review_sample_cases')
          .select('sample_id as review')
          .where('id', '=', caseId)
          .executeTakeFirst()
      : await database
          .selectFrom('passive_case_list_cases')
          .select('list_id as review')
          .where('id', '=', caseId)
          .executeTakeFirst();
  if (row === undefined)
    throw new CaseError(
      'no_such_case',
      `Sag ${caseId} findes ikke i nogen gennemgang.`,
      'not_found',
    );
  return row.review;
}
