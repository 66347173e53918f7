/**
 * The annual assessment of year Y for every municipality (bek. nr. 301 af
 * 20/03/2023 § 2: "Beskæftigelsesministeriet foretager én gang årligt en
 * opgørelse af kommunernes resultater og beskæftigelsesindsats, der lægges
 * til grund ved afgørelsen af, om resultatmål og fokusmål m.v. efter denne
 * bekendtgørelse er opfyldt."), under the rules in force on 1 April Y+1.
 */
import { assessGoals } from './assess-goals.js';
import type { YearMonth } from '../calendar/year-month.js';
import {
  MINIMUM_REQUIREMENTS,
  judgeMinimumRequirement,
  minimumRequirementRule,
  type MinimumRequirementCounts,
} from '../administration/minimum-requirements.js';
import type { MinimumRequirementReason } from './decision-reason.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import type { FocusMeasure } from '../focus-measures/focus-measure.js';
import { nationalFocusMeasure } from '../focus-measures/national-focus-measure.js';
import type { RuleBook } from '../rules/rule-book.js';
import {
  assessmentCanSelect,
  goalsThatCanGround,
  rulesForAssessment,
  type RulesInForce,
} from '../rules/rules-in-force.js';
import {
  assessmentMonth,
  missingAssessmentInputs,
  type AssessmentInputs,
} from './assessment-inputs.js';
import { NOT_SUPERVISED, type CaseState } from './case-state.js';
import { decideMunicipality, type Decision } from './decide-municipality.js';
import type { FocusGoalAssessment } from './focus-goal-assessment.js';
import type { ImprovementAssessment } from './required-improvement.js';
import type { ResultGoalAssessment } from './result-goal.js';

export interface MunicipalityAssessment {
  readonly municipality: MunicipalityCode;
  readonly year: number;
  readonly before: CaseState;
  readonly resultGoal: ResultGoalAssessment;
  readonly focusGoals: Readonly<Record<FocusGoal, FocusGoalAssessment>>;
  readonly improvements: readonly ImprovementAssessment[];
  readonly decision: Decision;
  readonly after: CaseState;
}

export interface AnnualAssessment {
  readonly year: number;
  /** The rules in force on 1 April of the following year. */
  readonly rules: RulesInForce;
  readonly canSelect: boolean;
  /** The focus goals that can ground a decision this year. */
  readonly groundingGoals: readonly FocusGoal[];
  /** The national focus measures of December (all municipalities pooled). */
  readonly national: Readonly<Record<FocusGoal, FocusMeasure>>;
  readonly municipalities: readonly MunicipalityAssessment[];
}

/**
 * Assesses `year` for every municipality of `inputs` under `book`, each from
 * its status before (`none` when absent from `statesBefore`). The inputs must be
 * complete for the year (see `missingAssessmentInputs`); readers refuse
 * incomplete files with a clear error before this is called.
 */
export function assessYear(
  book: RuleBook,
  year: number,
  inputs: AssessmentInputs,
  statesBefore: ReadonlyMap<MunicipalityCode, CaseState> = new Map(),
): AnnualAssessment {
  const missing = missingAssessmentInputs(book, inputs, year);
  if (missing.length > 0) {
    throw new Error(
      `The inputs of the assessment of ${year} are incomplete (${missing.length} gaps); check them with missingAssessmentInputs first`,
    );
  }
  const rules = rulesForAssessment(book, year);
  const groundingGoals = goalsThatCanGround(rules, year);
  const month = assessmentMonth(year);
  const municipalities = inputs.municipalities.map((municipality): MunicipalityAssessment => {
    const { resultGoal, focusGoals } = assessGoals(
      inputs,
      municipality,
      month,
      year,
      rules,
      groundingGoals,
    );
    const before = statesBefore.get(municipality) ?? NOT_SUPERVISED;
    const outcome = decideMunicipality({
      year,
      rules,
      before,
      resultGoal,
      focusGoals,
      ...(before.status === 'administration'
        ? {
            minimumRequirements: minimumRequirementReasons(
              book,
              inputs.minimumRequirements,
              municipality,
              month,
            ),
          }
        : {}),
    });
    return { municipality, year, before, resultGoal, focusGoals, ...outcome };
  });
  const national = (goal: FocusGoal) =>
    nationalFocusMeasure(book, inputs.aggregates, inputs.municipalities, goal, month);
  return {
    year,
    rules,
    canSelect: assessmentCanSelect(rules, year),
    groundingGoals,
    national: { offers: national('offers'), conversations: national('conversations') },
    municipalities,
  };
}

/**
 * The December figures of both minimum requirements for a municipality under
 * administration (bek. nr. 301 § 12, stk. 1, nr. 1), judged by the
 * percentage in force in December; "ikke opgjort" without figures.
 */
export function minimumRequirementReasons(
  book: RuleBook,
  counts: MinimumRequirementCounts | undefined,
  municipality: MunicipalityCode,
  month: YearMonth,
): MinimumRequirementReason[] {
  return MINIMUM_REQUIREMENTS.map((requirement): MinimumRequirementReason => {
    const count = counts?.get(municipality, month, requirement);
    if (count === undefined) {
      const rule = minimumRequirementRule(book, month, requirement);
      return {
        code: 'minimum_requirement_not_measured',
        requirement,
        month,
        required: rule.value,
        source: rule.source,
      };
    }
    const figure = judgeMinimumRequirement(book, { municipality, month, requirement }, count);
    return {
      code: figure.fulfilled ? 'minimum_requirement_met' : 'minimum_requirement_not_met',
      requirement,
      month,
      target: figure.target,
      met: figure.met,
      share: figure.share,
      required: figure.required,
      source: figure.legalBasis,
    };
  });
}
