/**
 * The extension of the recovery period: has the municipality reached at least
 * half of the required improvement? (regime.md § 3)
 *
 * Bek. nr. 301 af 20/03/2023 § 11: "Hvis en kommune, som er omfattet af
 * skærpet tilsyn, ved den førstkommende næste årlige opgørelse […] ikke lever
 * fuldt ud op til fokusmålene i § 5, men har opnået mindst halvdelen af den
 * påkrævede fremgang i indsatsen, meddeler Beskæftigelsesministeriet, at
 * kommunen får forlænget genopretningsperioden med yderligere 12 måneder".
 * (Bek. nr. 1409 af 16/12/2019 § 12 likewise.)
 *
 * With b the focus measure at the assessment that selected the municipality,
 * t the threshold in force now and c the focus measure now: the required
 * improvement is b − t points, the reached improvement b − c.
 */
import type { FocusGoal } from '../domain/focus-goal.js';
import { FOCUS_MEASURE_TOLERANCE } from '../focus-measures/comparison-tolerance.js';

export interface ImprovementAssessment {
  readonly goal: FocusGoal;
  /** b: the focus measure at selection; `undefined` when not recorded. */
  readonly baseline: number | undefined;
  /** c: the focus measure now. */
  readonly current: number;
  /** t: the threshold in force at this assessment. */
  readonly threshold: number;
  /** b − t. */
  readonly required: number | undefined;
  /** b − c. */
  readonly reached: number | undefined;
  /** (b − t) × fraction: the improvement that grants an extension. */
  readonly needed: number | undefined;
  readonly sufficient: boolean;
}

/**
 * § 11 "mindst halvdelen af den påkrævede fremgang": b − c ≥ (b − t) ×
 * fraction, with the comparison tolerance. A goal met at selection (b < t)
 * and missed now can never pass: the reached improvement is then negative and
 * below the (negative) needed one.
 */
export function reachedRequiredImprovement(
  baseline: number,
  current: number,
  threshold: number,
  fraction: number,
): boolean {
  return baseline - current >= (baseline - threshold) * fraction - FOCUS_MEASURE_TOLERANCE;
}

export function assessImprovement(
  goal: FocusGoal,
  baseline: number | undefined,
  current: number,
  threshold: number,
  fraction: number,
): ImprovementAssessment {
  if (baseline === undefined) {
    return {
      goal,
      baseline,
      current,
      threshold,
      required: undefined,
      reached: undefined,
      needed: undefined,
      sufficient: false,
    };
  }
  return {
    goal,
    baseline,
    current,
    threshold,
    required: baseline - threshold,
    reached: baseline - current,
    needed: (baseline - threshold) * fraction,
    sufficient: reachedRequiredImprovement(baseline, current, threshold, fraction),
  };
}
