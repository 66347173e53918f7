/**
 * The result goal and both focus goals of one municipality at a month: what
 * the annual assessment (December of the year) and the risk view (any month)
 * both judge before anything else.
 */
import type { YearMonth } from '../calendar/year-month.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import { focusMeasure } from '../focus-measures/focus-measure.js';
import { goalThreshold, type RulesInForce } from '../rules/rules-in-force.js';
import type { AssessmentInputs } from './assessment-inputs.js';
import { assessFocusGoal, type FocusGoalAssessment } from './focus-goal-assessment.js';
import { assessResultGoal, type ResultGoalAssessment } from './result-goal.js';

export interface GoalsAssessment {
  readonly resultGoal: ResultGoalAssessment;
  readonly focusGoals: Readonly<Record<FocusGoal, FocusGoalAssessment>>;
}

/**
 * @param ratesYear the year whose expected and actual rates judge the result goal
 * @param groundingGoals the focus goals that can ground a decision (the others are judged, not counted)
 */
export function assessGoals(
  inputs: AssessmentInputs,
  municipality: MunicipalityCode,
  month: YearMonth,
  ratesYear: number,
  rules: RulesInForce,
  groundingGoals: readonly FocusGoal[],
): GoalsAssessment {
  const rate = inputs.rates.get(municipality, ratesYear);
  if (!rate) throw new Error(`No rate for ${municipality} in ${ratesYear}`);
  const goal = (focus: FocusGoal) =>
    assessFocusGoal(
      focus,
      focusMeasure(rules.book, inputs.aggregates, municipality, focus, month),
      goalThreshold(rules, focus),
      groundingGoals.includes(focus),
    );
  return {
    resultGoal: assessResultGoal(rate),
    focusGoals: { offers: goal('offers'), conversations: goal('conversations') },
  };
}
