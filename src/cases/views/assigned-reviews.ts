/**
 * The case reviews a user works on, with their cases and current findings:
 * an auditor sees only the samples and lists assigned to it now, the
 * ministry sees all; other roles see none (the route refuses them).
 */
import {
  assignedAuditor,
  reviewCases,
  type ReviewCaseView,
  type ReviewKind,
} from '../case-reviews.js';
import type { Actor } from '../actor.js';
import type { CaseSystem } from '../case-system.js';

export interface AssignedReview {
  readonly kind: ReviewKind;
  readonly id: number;
  readonly municipality: number;
  /** The reference day of the sample or list. */
  readonly drawnOn: string;
  readonly description: string;
  readonly cases: readonly ReviewCaseView[];
}

function dateText(value: Date | string): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

export async function assignedReviews(system: CaseSystem, actor: Actor): Promise<AssignedReview[]> {
  if (actor.role !== 'auditor' && actor.role !== 'ministry' && actor.role !== 'system') return [];
  const { database } = system;
  const samples = await database
    .selectFrom('case_review_samples')
    .select(['id', 'municipality_code', 'drawn_on', 'description'])
    .orderBy('id')
    .execute();
  const lists = await database
    .selectFrom('passive_case_lists')
    .select(['id', 'municipality_code', 'as_of', 'description'])
    .orderBy('id')
    .execute();
  const headers = [
    ...samples.map((row) => ({
      kind: 'sample' as const,
      id: row.id,
      municipality: row.municipality_code,
      drawnOn: dateText(row.drawn_on),
      description: row.description,
    })),
    ...lists.map((row) => ({
      kind: 'passive_cases' as const,
      id: row.id,
      municipality: row.municipality_code,
      drawnOn: dateText(row.as_of),
      description: row.description,
    })),
  ];
  const reviews: AssignedReview[] = [];
  for (const header of headers) {
    if (
      actor.role === 'auditor' &&
      (await assignedAuditor(database, header.kind, header.id)) !== actor.userId
    )
      continue;
    reviews.push({ ...header, cases: await reviewCases(system, actor, header.kind, header.id) });
  }
  return reviews.sort((a, b) => a.municipality - b.municipality || a.id - b.id);
}
