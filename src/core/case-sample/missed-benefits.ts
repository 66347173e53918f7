/**
 * Which focus goals the municipality missed at the assessment that selected
 * it, and in which benefit types (vejledningen til bek. nr. 1409 § 8, stk. 1:
 * "personsager fra hver af de i § 2, stk. 2, nævnte ydelsesgrupper, hvor
 * fokusmålene i § 5 ikke var opfyldt ved den årlige opgørelse, der dannede
 * grundlag for, at kommunen blev omfattet af skærpet tilsyn").
 *
 * Project reading: the goals are those that could ground the selection that
 * year and that the municipality as a whole missed; a listed benefit (§ 2,
 * stk. 2) is included when its own focus measure misses one of them — the
 * measure of its benefit type, or for ressourceforløbsydelse of its two types
 * pooled month by month. A benefit without rows has no target group and is
 * not included.
 */
import { BENEFIT_TYPES } from '../domain/benefit-type.js';
import { FOCUS_GOALS, type FocusGoal } from '../domain/focus-goal.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import { assessmentMonth } from '../assessment/assessment-inputs.js';
import { focusGoalMet } from '../assessment/focus-goal-assessment.js';
import { focusMeasure, pooledFocusMeasure } from '../focus-measures/focus-measure.js';
import type { MonthlyAggregates } from '../focus-measures/monthly-aggregates.js';
import type { RuleBook } from '../rules/rule-book.js';
import { goalThreshold, goalsThatCanGround, rulesForAssessment } from '../rules/rules-in-force.js';
import { benefitTypesOf, LISTED_BENEFITS, type ListedBenefit } from './listed-benefit.js';

export interface MissedBenefit {
  readonly benefit: ListedBenefit;
  /** The goals missed in this benefit, with its focus measure. */
  readonly goals: readonly { readonly goal: FocusGoal; readonly measure: number }[];
}

/** The grounding goals the municipality (scope `all`) missed at the assessment of `year`. */
export function goalsMissedAtAssessment(
  book: RuleBook,
  aggregates: MonthlyAggregates,
  municipality: MunicipalityCode,
  year: number,
): FocusGoal[] {
  const rules = rulesForAssessment(book, year);
  const grounding = goalsThatCanGround(rules, year);
  return FOCUS_GOALS.filter((goal) => {
    if (!grounding.includes(goal)) return false;
    const measure = focusMeasure(book, aggregates, municipality, goal, assessmentMonth(year)).value;
    return measure !== undefined && !focusGoalMet(measure, goalThreshold(rules, goal).value);
  });
}

/** Whether the aggregates give any benefit type of the municipality (scope = a type code). */
export function hasPerTypeAggregates(
  aggregates: MonthlyAggregates,
  municipality: MunicipalityCode,
): boolean {
  return BENEFIT_TYPES.some((benefit) =>
    FOCUS_GOALS.some((goal) => aggregates.hasSeries(municipality, goal, benefit)),
  );
}

/** The listed benefits whose own December focus measure misses one of `goals`. */
export function benefitsMissingGoals(
  book: RuleBook,
  aggregates: MonthlyAggregates,
  municipality: MunicipalityCode,
  year: number,
  goals: readonly FocusGoal[],
): MissedBenefit[] {
  const rules = rulesForAssessment(book, year);
  return LISTED_BENEFITS.flatMap((benefit): MissedBenefit[] => {
    const missed = goals.flatMap((goal) => {
      const measure = pooledFocusMeasure(
        book,
        aggregates,
        municipality,
        goal,
        assessmentMonth(year),
        benefitTypesOf(benefit),
      ).value;
      return measure !== undefined && !focusGoalMet(measure, goalThreshold(rules, goal).value)
        ? [{ goal, measure }]
        : [];
    });
    return missed.length === 0 ? [] : [{ benefit, goals: missed }];
  });
}
