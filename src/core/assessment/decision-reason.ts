/**
 * Why a decision was taken, as structured facts with their figures. The
 * presentation layer turns each into a Danish sentence; the JSON output keeps
 * both.
 */
import type { FocusGoal } from '../domain/focus-goal.js';
import type { RuleDecisionKind } from '../domain/supervision.js';
import type { YearMonth } from '../calendar/year-month.js';
import type { LegalSource } from '../rules/legal-source.js';
import type { FocusGoalOutcome } from './focus-goal-assessment.js';
import type { ImprovementAssessment } from './required-improvement.js';

export type DecisionReason =
  /** The assessment of this year cannot select anybody (COVID-19, regime.md § 4). */
  | {
      readonly code: 'no_selection_this_year';
      readonly year: number;
      readonly firstYear: number | undefined;
      readonly source: LegalSource;
    }
  | { readonly code: 'result_goal_met'; readonly differencePoints: number }
  | { readonly code: 'result_goal_missed'; readonly differencePoints: number }
  | {
      readonly code: 'focus_goal_met' | 'focus_goal_missed';
      readonly goal: FocusGoal;
      readonly measure: number;
      readonly threshold: number;
    }
  | { readonly code: 'focus_goal_not_measured'; readonly goal: FocusGoal }
  /** The goal is measured and reported but cannot ground a decision this year. */
  | {
      readonly code: 'focus_goal_cannot_ground';
      readonly goal: FocusGoal;
      readonly outcome: FocusGoalOutcome;
      readonly measure: number | undefined;
      readonly threshold: number;
      readonly year: number;
      readonly firstYear: number | undefined;
      readonly source: LegalSource;
    }
  /** An extension was considered for a goal missed now. */
  | ({ readonly code: 'improvement_reached' | 'improvement_not_reached' } & ImprovementAssessment)
  | { readonly code: 'baseline_missing'; readonly goal: FocusGoal }
  /** The municipality was in an extended recovery period and now meets the goals. */
  | { readonly code: 'extended_period_goals_met' }
  /** The extended recovery period is over and a goal is still missed. */
  | { readonly code: 'extended_period_goals_missed' }
  /** Under administration, the goals are missed again: the duties continue. */
  | { readonly code: 'administration_goals_missed' }
  /**
   * The system does not decide: goals that can ground the decision are not
   * measured, or their baseline was not recorded, and the known figures do
   * not settle the decision. `possible`: the decisions the missing figures
   * could lead to, in the order of the lifecycle.
   */
  | {
      readonly code: 'requires_judgement';
      readonly notMeasured: readonly FocusGoal[];
      readonly baselineMissing: readonly FocusGoal[];
      readonly possible: readonly RuleDecisionKind[];
    }
  /**
   * Under administration: one minimum requirement (§ 12, stk. 1, nr. 1) in
   * December of the assessment year — met, not met, or not measured (no
   * figures given).
   */
  | MinimumRequirementReason;

/** The December figure of one minimum requirement, as a reason of an assessment under administration. */
export type MinimumRequirementReason =
  | {
      readonly code: 'minimum_requirement_met' | 'minimum_requirement_not_met';
      readonly requirement: FocusGoal;
      readonly month: YearMonth;
      readonly target: number;
      readonly met: number;
      /** met / target × 100; undefined for an empty group. */
      readonly share: number | undefined;
      readonly required: number;
      readonly source: LegalSource;
    }
  | {
      readonly code: 'minimum_requirement_not_measured';
      readonly requirement: FocusGoal;
      readonly month: YearMonth;
      readonly required: number;
      readonly source: LegalSource;
    };

/** Whether `reason` is the December figure of a minimum requirement. */
export function isMinimumRequirementReason(
  reason: DecisionReason,
): reason is MinimumRequirementReason {
  return (
    reason.code === 'minimum_requirement_met' ||
    reason.code === 'minimum_requirement_not_met' ||
    reason.code === 'minimum_requirement_not_measured'
  );
}
