/**
 * One focus goal at an annual assessment: its focus measure against the
 * threshold in force, and whether the goal can ground a decision that year.
 */
import type { RuleEntry } from '../rules/rule-book.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import { FOCUS_MEASURE_TOLERANCE } from '../focus-measures/comparison-tolerance.js';
import type { FocusMeasure } from '../focus-measures/focus-measure.js';

/** `not_measured`: the measure is undefined (no month had a target group), so the goal cannot be missed. */
export type FocusGoalOutcome = 'met' | 'missed' | 'not_measured';

export interface FocusGoalAssessment {
  readonly goal: FocusGoal;
  /** The focus measure of December of the assessment year, percent. */
  readonly measure: number | undefined;
  readonly monthsAveraged: number;
  /** The threshold in force for the assessment, with its source (§ 5). */
  readonly threshold: RuleEntry<number>;
  readonly outcome: FocusGoalOutcome;
  /** Whether the goal can ground a decision at this assessment (COVID-19 transitional rules). */
  readonly canGround: boolean;
}

/**
 * Bek. nr. 301 af 20/03/2023 § 5: the average passive share "skal være mindre
 * end 30 pct." (nr. 1) / "mindre end 20 pct." (nr. 2). Met only when the
 * measure is strictly below the threshold, with the comparison tolerance: a
 * measure within 1e-9 of the threshold is at the threshold and misses.
 */
export function focusGoalMet(measure: number, threshold: number): boolean {
  return measure < threshold - FOCUS_MEASURE_TOLERANCE;
}

export function assessFocusGoal(
  goal: FocusGoal,
  measure: FocusMeasure,
  threshold: RuleEntry<number>,
  canGround: boolean,
): FocusGoalAssessment {
  const value = measure.value;
  return {
    goal,
    measure: value,
    monthsAveraged: measure.monthsAveraged,
    threshold,
    outcome:
      value === undefined
        ? 'not_measured'
        : focusGoalMet(value, threshold.value)
          ? 'met'
          : 'missed',
    canGround,
  };
}
