/**
 * The decision of one annual assessment for one municipality, from its status
 * before (regime.md § 3). Only the focus goals that can ground a decision
 * that year count; the result goal matters only for selection.
 */
import { FOCUS_GOALS, type FocusGoal } from '../domain/focus-goal.js';
import type { DecisionKind } from '../domain/supervision.js';
import { decisionBasis } from '../rules/decision-basis.js';
import type { LegalSource } from '../rules/legal-source.js';
import {
  assessmentCanSelect,
  firstGroundingYear,
  type RulesInForce,
} from '../rules/rules-in-force.js';
import { NOT_SUPERVISED, type CaseState } from './case-state.js';
import type { DecisionReason } from './decision-reason.js';
import type { FocusGoalAssessment } from './focus-goal-assessment.js';
import { assessImprovement, type ImprovementAssessment } from './required-improvement.js';
import type { ResultGoalAssessment } from './result-goal.js';

export interface Decision {
  readonly kind: DecisionKind;
  /** The § of the version in force that the decision rests on. */
  readonly legalBasis: LegalSource;
  readonly reasons: readonly DecisionReason[];
}

export interface DecisionInput {
  readonly year: number;
  readonly rules: RulesInForce;
  readonly before: CaseState;
  readonly resultGoal: ResultGoalAssessment;
  readonly focusGoals: Readonly<Record<FocusGoal, FocusGoalAssessment>>;
}

export interface DecisionOutcome {
  readonly decision: Decision;
  /** The extension test of each grounding goal missed now (supervised municipalities only). */
  readonly improvements: readonly ImprovementAssessment[];
  readonly after: CaseState;
}

/**
 * Decides by the status before:
 * - `none`: selected (§ 6, stk. 1) when the result goal is missed and at
 *   least one grounding focus goal is missed, unless the year cannot select;
 *   else stays out. On selection both December focus measures are stored as
 *   the baseline.
 * - `supervised`: every grounding goal met → supervision ends (2023 § 10,
 *   2019 § 11); else at least half the required improvement on every
 *   grounding goal missed → extended (2023 § 11, 2019 § 12); else
 *   administration (2023 § 12, 2019 § 13).
 * - `extended`: met → supervision ends under the extension paragraph (2023
 *   § 11, 2. pkt.); else administration.
 * - `administration`: met → administration ends (2023 § 13, 2019 § 14); else
 *   it continues, with a new review of all passive cases.
 *
 * A goal whose measure is undefined is "ikke opgjort": it is not missed.
 */
export function decideMunicipality(input: DecisionInput): DecisionOutcome {
  const { year, rules, before, resultGoal, focusGoals } = input;
  const goalReasons = FOCUS_GOALS.map((goal) => goalReason(focusGoals[goal], year, rules));
  const missed = FOCUS_GOALS.flatMap((goal) => {
    const { canGround, outcome, measure, threshold } = focusGoals[goal];
    return canGround && outcome === 'missed' && measure !== undefined
      ? [{ goal, measure, threshold: threshold.value }]
      : [];
  });
  const decision = (kind: DecisionKind, reasons: DecisionReason[], basis?: LegalSource) => ({
    kind,
    legalBasis: basis ?? cite(decisionBasis(rules, kind), kind),
    reasons,
  });

  switch (before.status) {
    case 'none': {
      const resultReason: DecisionReason = {
        code: resultGoal.met ? 'result_goal_met' : 'result_goal_missed',
        differencePoints: resultGoal.differencePoints,
      };
      if (!assessmentCanSelect(rules, year)) {
        const limit = rules.entry('transition.first_selection_year');
        const noSelection: DecisionReason = {
          code: 'no_selection_this_year',
          year,
          firstYear: limit.value ?? undefined,
          source: limit.source,
        };
        return {
          decision: decision('stays_out', [noSelection, resultReason, ...goalReasons]),
          improvements: [],
          after: NOT_SUPERVISED,
        };
      }
      if (!resultGoal.met && missed.length > 0) {
        return {
          decision: decision('selected', [resultReason, ...goalReasons]),
          improvements: [],
          after: {
            status: 'supervised',
            selectedYear: year,
            baseline: {
              offers: focusGoals.offers.measure,
              conversations: focusGoals.conversations.measure,
            },
          },
        };
      }
      return {
        decision: decision('stays_out', [resultReason, ...goalReasons]),
        improvements: [],
        after: NOT_SUPERVISED,
      };
    }
    case 'supervised': {
      if (missed.length === 0) {
        return {
          decision: decision('supervision_ends', goalReasons),
          improvements: [],
          after: NOT_SUPERVISED,
        };
      }
      const fraction = rules.value('supervision.extension_improvement_fraction');
      const improvements = missed.map(({ goal, measure, threshold }) =>
        assessImprovement(goal, before.baseline[goal], measure, threshold, fraction),
      );
      const improvementReasons = improvements.map((improvement): DecisionReason =>
        improvement.baseline === undefined
          ? { code: 'baseline_missing', goal: improvement.goal }
          : {
              ...improvement,
              code: improvement.sufficient ? 'improvement_reached' : 'improvement_not_reached',
            },
      );
      const extended = improvements.every((improvement) => improvement.sufficient);
      return {
        decision: decision(extended ? 'extended' : 'administration', [
          ...goalReasons,
          ...improvementReasons,
        ]),
        improvements,
        after: { ...before, status: extended ? 'extended' : 'administration' },
      };
    }
    case 'extended': {
      if (missed.length === 0) {
        return {
          decision: decision(
            'supervision_ends',
            [{ code: 'extended_period_goals_met' }, ...goalReasons],
            cite(decisionBasis(rules, 'extension_ends'), 'extension_ends'),
          ),
          improvements: [],
          after: NOT_SUPERVISED,
        };
      }
      return {
        decision: decision('administration', [
          { code: 'extended_period_goals_missed' },
          ...goalReasons,
        ]),
        improvements: [],
        after: { ...before, status: 'administration' },
      };
    }
    case 'administration': {
      if (missed.length === 0) {
        return {
          decision: decision('administration_ends', goalReasons),
          improvements: [],
          after: NOT_SUPERVISED,
        };
      }
      return {
        decision: decision('administration_continues', [
          { code: 'administration_goals_missed' },
          ...goalReasons,
        ]),
        improvements: [],
        after: before,
      };
    }
  }
}

function goalReason(
  assessment: FocusGoalAssessment,
  year: number,
  rules: RulesInForce,
): DecisionReason {
  const { goal, measure, outcome } = assessment;
  const threshold = assessment.threshold.value;
  if (!assessment.canGround) {
    const limit = firstGroundingYear(rules, goal);
    return {
      code: 'focus_goal_cannot_ground',
      goal,
      outcome,
      measure,
      threshold,
      year,
      firstYear: limit.value ?? undefined,
      source: limit.source,
    };
  }
  if (measure === undefined) return { code: 'focus_goal_not_measured', goal };
  return {
    code: outcome === 'met' ? 'focus_goal_met' : 'focus_goal_missed',
    goal,
    measure,
    threshold,
  };
}

function cite(source: LegalSource | undefined, kind: string): LegalSource {
  if (!source) throw new Error(`No legal basis for ${kind} in the rules in force`);
  return source;
}
