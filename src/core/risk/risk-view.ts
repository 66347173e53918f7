/**
 * The risk view of a month (the tables of the agency's quarterly status
 * report, reports.md): which municipalities miss a focus goal on their
 * 12-month average **and** the result goal, whether that goal could ground a
 * decision, and who is "on the border".
 *
 * A month counts towards the assessment of its year (§ 2, stk. 3: "data
 * vedrørende målinger for perioden 1. januar – 31. december"), so it is
 * judged by the thresholds of that assessment's rules — not by the rules in
 * force at the month's end: February 2023 is judged at 30 % for offers, as
 * the 2023 assessment will judge it under bek. nr. 301.
 */
import { assessGoals } from '../assessment/assess-goals.js';
import { yearOf, type YearMonth } from '../calendar/year-month.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import {
  missingFocusMonths,
  type AssessmentInputs,
  type MissingInput,
} from '../assessment/assessment-inputs.js';
import type { FocusGoalAssessment } from '../assessment/focus-goal-assessment.js';
import type { ResultGoalAssessment } from '../assessment/result-goal.js';
import type { FocusMeasure } from '../focus-measures/focus-measure.js';
import { nationalFocusMeasure } from '../focus-measures/national-focus-measure.js';
import type { RuleBook, RuleEntry } from '../rules/rule-book.js';
import {
  goalThreshold,
  goalsThatCanGround,
  rulesForAssessment,
  type RulesInForce,
} from '../rules/rules-in-force.js';
import { isOnTheBorder } from './on-the-border.js';
import { latestEndedRatesYear, ratesYearForMonth } from './rates-year.js';

export interface RiskRow {
  readonly municipality: MunicipalityCode;
  /** The 12-month focus measure at M. */
  readonly measure: number;
  readonly resultGoal: ResultGoalAssessment;
  readonly onTheBorder: boolean;
}

export interface RiskTable {
  readonly goal: FocusGoal;
  readonly threshold: RuleEntry<number>;
  /** Whether the goal could ground a decision at the assessment of M's year. */
  readonly canGround: boolean;
  /** Municipalities missing the goal and the result goal, highest passive share first. */
  readonly rows: readonly RiskRow[];
}

export interface RiskMunicipality {
  readonly municipality: MunicipalityCode;
  readonly focusGoals: Readonly<Record<FocusGoal, FocusGoalAssessment>>;
  readonly resultGoal: ResultGoalAssessment;
  readonly onTheBorder: boolean;
}

export interface RiskView {
  readonly month: YearMonth;
  /**
   * The rules of the assessment the month counts towards (those in force on
   * 1 April of the year after M's): its thresholds judge the month, as the
   * annual assessment will judge December's average.
   */
  readonly rules: RulesInForce;
  /** The assessment the month counts towards: M's year. */
  readonly assessmentYear: number;
  /** The year of the expected rates used. */
  readonly ratesYear: number;
  readonly national: Readonly<Record<FocusGoal, FocusMeasure>>;
  /** Table 1 is conversations, Table 2 offers (reports.md). */
  readonly tables: readonly RiskTable[];
  readonly municipalities: readonly RiskMunicipality[];
}

/** The order of the report's tables: Table 1 conversations, Table 2 offers. */
export const RISK_TABLE_GOALS: readonly FocusGoal[] = ['conversations', 'offers'];

/** What the risk view of `month` lacks; empty when it can be computed. */
export function missingRiskInputs(
  rules: RuleBook,
  inputs: AssessmentInputs,
  month: YearMonth,
): MissingInput[] {
  const ratesYear = ratesYearForMonth(month, inputs.rates.years());
  const missing: MissingInput[] = [];
  if (ratesYear === undefined)
    missing.push({ kind: 'rates_year', year: latestEndedRatesYear(month) });
  for (const municipality of inputs.municipalities) {
    if (ratesYear !== undefined && inputs.rates.get(municipality, ratesYear) === undefined)
      missing.push({ kind: 'rates', municipality, year: ratesYear });
    missing.push(...missingFocusMonths(rules, inputs.aggregates, municipality, month));
  }
  return missing;
}

export function riskView(book: RuleBook, month: YearMonth, inputs: AssessmentInputs): RiskView {
  if (missingRiskInputs(book, inputs, month).length > 0) {
    throw new Error(
      `The inputs of the risk view of ${month} are incomplete; check them with missingRiskInputs first`,
    );
  }
  const ratesYear = ratesYearForMonth(month, inputs.rates.years());
  if (ratesYear === undefined) throw new Error(`No rates for ${month}`);
  const assessmentYear = yearOf(month);
  const rules = rulesForAssessment(book, assessmentYear);
  const grounding = goalsThatCanGround(rules, assessmentYear);
  const municipalities = inputs.municipalities.map((municipality): RiskMunicipality => {
    const { resultGoal, focusGoals } = assessGoals(
      inputs,
      municipality,
      month,
      ratesYear,
      rules,
      grounding,
    );
    return {
      municipality,
      focusGoals,
      resultGoal,
      onTheBorder: isOnTheBorder(resultGoal),
    };
  });
  const tables = RISK_TABLE_GOALS.map((goal): RiskTable => {
    const rows = municipalities.flatMap((entry): RiskRow[] => {
      const assessed = entry.focusGoals[goal];
      if (entry.resultGoal.met || assessed.outcome !== 'missed' || assessed.measure === undefined)
        return [];
      return [
        {
          municipality: entry.municipality,
          measure: assessed.measure,
          resultGoal: entry.resultGoal,
          onTheBorder: entry.onTheBorder,
        },
      ];
    });
    rows.sort((a, b) => b.measure - a.measure || a.municipality - b.municipality);
    return {
      goal,
      threshold: goalThreshold(rules, goal),
      canGround: grounding.includes(goal),
      rows,
    };
  });
  const national = (goal: FocusGoal) =>
    nationalFocusMeasure(book, inputs.aggregates, inputs.municipalities, goal, month);
  return {
    month,
    rules,
    assessmentYear,
    ratesYear,
    national: { offers: national('offers'), conversations: national('conversations') },
    tables,
    municipalities,
  };
}
