/**
 * Municipalities "on the border" (regime.md § 2; reports.md, Table 1 note):
 * they miss the result goal, but the difference between actual and expected
 * full-time persons rounds to 0 at the precision the agency publishes — tens
 * of full-time persons. They are still above expected, and the unrounded
 * comparison still counts them as missing the goal.
 */
import type { ResultGoalAssessment } from '../assessment/result-goal.js';

/**
 * The precision of the published difference in full-time persons (Jobindsats
 * rounds the counts to tens). A presentation convention of the agency, not a
 * rule of the order: a named project parameter.
 */
export const PUBLISHED_DIFFERENCE_PRECISION_PERSONS = 10;

/** Missing the result goal by a difference that rounds to 0 at the published precision. */
export function isOnTheBorder(result: ResultGoalAssessment): boolean {
  return (
    !result.met &&
    Math.round(result.differencePersons / PUBLISHED_DIFFERENCE_PRECISION_PERSONS) === 0
  );
}
