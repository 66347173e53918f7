/**
 * The decision of one annual assessment for one municipality, from its status
 * before (regime.md § 3). Only the focus goals that can ground a decision
 * that year count; the result goal matters only for selection.
 */
import { FOCUS_GOALS, type FocusGoal } from '../domain/focus-goal.js';
import type { DecisionKind, RuleDecisionKind } from '../domain/supervision.js';
import { decisionBasis } from '../rules/decision-basis.js';
import type { LegalSource } from '../rules/legal-source.js';
import {
  assessmentCanSelect,
  firstGroundingYear,
  type RulesInForce,
} from '../rules/rules-in-force.js';
import { NOT_SUPERVISED, type CaseState } from './case-state.js';
import type { DecisionReason, MinimumRequirementReason } from './decision-reason.js';
import type { FocusGoalAssessment } from './focus-goal-assessment.js';
import { assessImprovement, type ImprovementAssessment } from './required-improvement.js';
import type { ResultGoalAssessment } from './result-goal.js';

export interface Decision {
  readonly kind: DecisionKind;
  /**
   * The § of the version in force that the decision rests on; for
   * `requires_judgement` the project's reasoning (no § decides it).
   */
  readonly legalBasis: LegalSource;
  readonly reasons: readonly DecisionReason[];
  /** Notes for the person who issues the decision (not part of the decision). */
  readonly notes: readonly DecisionNote[];
}

/**
 * A note for the person who issues a decision: a sentence of the guidance
 * that bears on it. Today one kind: an administration decided before the
 * review of all passive cases is due for the first time.
 */
export interface DecisionNote {
  readonly code: 'passive_case_review_not_yet_current';
  /** The first assessment year after which the guidance expects the review. */
  readonly firstAssessmentYear: number;
  /** The guidance's sentence, quoted. */
  readonly text: string;
  readonly source: LegalSource;
}

export interface DecisionInput {
  readonly year: number;
  readonly rules: RulesInForce;
  readonly before: CaseState;
  readonly resultGoal: ResultGoalAssessment;
  readonly focusGoals: Readonly<Record<FocusGoal, FocusGoalAssessment>>;
  /**
   * Under administration (status before): the December figures of the
   * minimum requirements, as reasons, added after the goals' reasons.
   */
  readonly minimumRequirements?: readonly MinimumRequirementReason[];
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
 * Deciding without data (issue 9 § 4): a grounding goal whose measure is
 * undefined is "ikke opgjort" — neither met nor missed — and a baseline that
 * was not recorded gives no improvement. The system decides only when the
 * known figures settle the decision whatever the missing ones would be;
 * otherwise the decision is `requires_judgement`, with the goals concerned
 * and the decisions possible, and the status stays as it was. So an
 * unmeasured goal never ends supervision or administration by itself, and a
 * missing baseline never sends a municipality to administration — unless
 * another goal, measured and with its baseline, already does. At selection
 * an unmeasured goal is not missed: the municipality stays out unless a
 * measured goal grounds the selection.
 *
 * An administration (and its continuation) decided at an assessment before
 * the review of all passive cases is first due, by the guidance, carries
 * the guidance's sentence as a note (`case_review.passive_cases.*`).
 */
export function decideMunicipality(input: DecisionInput): DecisionOutcome {
  const outcome = decideByTheRules(input);
  const { decision } = outcome;
  const minimum = input.before.status === 'administration' ? (input.minimumRequirements ?? []) : [];
  const notes = passiveCaseReviewNotes(input.rules, input.year, decision.kind);
  if (minimum.length === 0 && notes.length === 0) return outcome;
  return {
    ...outcome,
    decision: { ...decision, reasons: [...decision.reasons, ...minimum], notes },
  };
}

function decideByTheRules(input: DecisionInput): DecisionOutcome {
  const { year, rules, before, resultGoal, focusGoals } = input;
  const goalReasons = FOCUS_GOALS.map((goal) => goalReason(focusGoals[goal], year, rules));
  const missed = FOCUS_GOALS.flatMap((goal) => {
    const { canGround, outcome, measure, threshold } = focusGoals[goal];
    return canGround && outcome === 'missed' && measure !== undefined
      ? [{ goal, measure, threshold: threshold.value }]
      : [];
  });
  const notMeasured = FOCUS_GOALS.filter(
    (goal) => focusGoals[goal].canGround && focusGoals[goal].measure === undefined,
  );
  const decision = (
    kind: DecisionKind,
    reasons: DecisionReason[],
    basis?: LegalSource,
  ): Decision => ({
    kind,
    legalBasis: basis ?? cite(decisionBasis(rules, kind), kind),
    reasons,
    notes: [],
  });
  const requiresJudgement = (
    reasons: DecisionReason[],
    baselineMissing: readonly FocusGoal[],
    possible: readonly RuleDecisionKind[],
  ): DecisionOutcome => ({
    decision: decision(
      'requires_judgement',
      [...reasons, { code: 'requires_judgement', notMeasured, baselineMissing, possible }],
      rules.entry('decisions.requires_judgement').source,
    ),
    improvements: [],
    after: before,
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
        if (notMeasured.length > 0)
          return requiresJudgement(
            goalReasons,
            [],
            ['supervision_ends', 'extended', 'administration'],
          );
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
      const baselineMissing = improvements
        .filter((improvement) => improvement.baseline === undefined)
        .map((improvement) => improvement.goal);
      // A measured goal with its baseline short of half the improvement settles it: administration.
      const settled = improvements.some(
        (improvement) => improvement.baseline !== undefined && !improvement.sufficient,
      );
      if (!settled && (baselineMissing.length > 0 || notMeasured.length > 0))
        return {
          ...requiresJudgement([...goalReasons, ...improvementReasons], baselineMissing, [
            'extended',
            'administration',
          ]),
          improvements,
        };
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
        if (notMeasured.length > 0)
          return requiresJudgement(goalReasons, [], ['supervision_ends', 'administration']);
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
        if (notMeasured.length > 0)
          return requiresJudgement(
            goalReasons,
            [],
            ['administration_ends', 'administration_continues'],
          );
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

/**
 * The guidance's note on the first review of all passive cases, for an
 * administration (or its continuation) decided at an assessment before the
 * one the guidance names.
 */
function passiveCaseReviewNotes(
  rules: RulesInForce,
  year: number,
  kind: DecisionKind,
): DecisionNote[] {
  if (kind !== 'administration' && kind !== 'administration_continues') return [];
  const first = rules.entry('case_review.passive_cases.first_assessment_year');
  if (year >= first.value) return [];
  const quote = first.source.kind === 'citation' ? first.source.quote : undefined;
  if (quote === undefined) return [];
  return [
    {
      code: 'passive_case_review_not_yet_current',
      firstAssessmentYear: first.value,
      text: quote,
      source: first.source,
    },
  ];
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
