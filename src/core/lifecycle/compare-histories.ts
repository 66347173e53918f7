/**
 * Two histories of the same assessments side by side — the official rules
 * and a reform simulation, or any two rule books — and, year by year, the
 * municipalities whose decision differs, with why: selected instead, no
 * longer selected, another decision, or the same decision with other
 * deadlines. Pure: the CLI, the web application's simulation page and the
 * case system all read it.
 */
import { FOCUS_GOALS, type FocusGoal } from '../domain/focus-goal.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import type { DecisionKind, SupervisionStatus } from '../domain/supervision.js';
import type { FocusGoalOutcome } from '../assessment/focus-goal-assessment.js';
import { FOCUS_MEASURE_TOLERANCE } from '../focus-measures/comparison-tolerance.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type { DeadlineKind } from './deadline.js';
import type { CaseHistory, CaseYear, MunicipalityCaseYear } from './run-assessments.js';

/**
 * - `selected_instead`: selected in the simulation, not under the rules in force;
 * - `no_longer_selected`: selected under the rules in force, not in the simulation;
 * - `other_decision`: another decision (e.g. extended instead of administration);
 * - `other_deadlines`: the same decision with other dates.
 */
export type DecisionChange =
  'selected_instead' | 'no_longer_selected' | 'other_decision' | 'other_deadlines';

export interface FocusGoalSide {
  readonly measure: number | undefined;
  readonly threshold: number;
  readonly outcome: FocusGoalOutcome;
  readonly canGround: boolean;
}

export interface ImprovementSide {
  readonly sufficient: boolean;
  readonly needed: number | undefined;
  readonly reached: number | undefined;
}

/** One reason two decisions differ; `official` and `simulated` are the two sides. */
export type DifferenceReason =
  /** The case was in another state before this year (a change of an earlier year carried forward). */
  | {
      readonly code: 'status_before';
      readonly official: SupervisionStatus;
      readonly simulated: SupervisionStatus;
    }
  /** The year can select in one history and not the other. */
  | { readonly code: 'can_select'; readonly official: boolean; readonly simulated: boolean }
  | {
      readonly code: 'result_goal';
      readonly official: { readonly met: boolean; readonly differencePoints: number };
      readonly simulated: { readonly met: boolean; readonly differencePoints: number };
    }
  | {
      readonly code: 'focus_goal';
      readonly goal: FocusGoal;
      readonly official: FocusGoalSide;
      readonly simulated: FocusGoalSide;
    }
  | {
      readonly code: 'improvement';
      readonly goal: FocusGoal;
      readonly official: ImprovementSide | undefined;
      readonly simulated: ImprovementSide | undefined;
    }
  | {
      readonly code: 'deadline';
      readonly kind: DeadlineKind;
      readonly official: IsoDate | undefined;
      readonly simulated: IsoDate | undefined;
    };

export interface DecisionSide {
  readonly decision: DecisionKind;
  readonly statusBefore: SupervisionStatus;
  readonly statusAfter: SupervisionStatus;
}

export interface DecisionDifference {
  readonly year: number;
  readonly municipality: MunicipalityCode;
  readonly change: DecisionChange;
  readonly official: DecisionSide;
  readonly simulated: DecisionSide;
  readonly reasons: readonly DifferenceReason[];
}

export interface YearComparison {
  readonly year: number;
  /** The order version of each side's rules for this assessment. */
  readonly ruleVersion: { readonly official: string; readonly simulated: string };
  /** How many municipalities got each decision, on each side. */
  readonly decisionCounts: {
    readonly official: Readonly<Partial<Record<DecisionKind, number>>>;
    readonly simulated: Readonly<Partial<Record<DecisionKind, number>>>;
  };
  /** The municipalities whose decision or deadlines differ, in code order. */
  readonly differences: readonly DecisionDifference[];
}

export interface HistoryComparison {
  readonly fromYear: number;
  readonly toYear: number;
  readonly years: readonly YearComparison[];
}

function counts(year: CaseYear): Partial<Record<DecisionKind, number>> {
  const result: Partial<Record<DecisionKind, number>> = {};
  for (const entry of year.municipalities)
    result[entry.decision.kind] = (result[entry.decision.kind] ?? 0) + 1;
  return result;
}

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= FOCUS_MEASURE_TOLERANCE;
}

function focusSide(entry: MunicipalityCaseYear, goal: FocusGoal): FocusGoalSide {
  const assessed = entry.focusGoals[goal];
  return {
    measure: assessed.measure,
    threshold: assessed.threshold.value,
    outcome: assessed.outcome,
    canGround: assessed.canGround,
  };
}

function improvementSide(
  entry: MunicipalityCaseYear,
  goal: FocusGoal,
): ImprovementSide | undefined {
  const found = entry.improvements.find((improvement) => improvement.goal === goal);
  return found === undefined
    ? undefined
    : { sufficient: found.sufficient, needed: found.needed, reached: found.reached };
}

function deadlineReasons(
  official: MunicipalityCaseYear,
  simulated: MunicipalityCaseYear,
): DifferenceReason[] {
  const kinds = [
    ...new Set([...official.deadlines, ...simulated.deadlines].map((deadline) => deadline.kind)),
  ];
  return kinds.flatMap((kind): DifferenceReason[] => {
    const a = official.deadlines.find((deadline) => deadline.kind === kind)?.date;
    const b = simulated.deadlines.find((deadline) => deadline.kind === kind)?.date;
    return a === b ? [] : [{ code: 'deadline', kind, official: a, simulated: b }];
  });
}

/** Why the two assessments of one municipality differ (what differs between them). */
function reasonsOf(
  official: MunicipalityCaseYear,
  simulated: MunicipalityCaseYear,
  officialYear: CaseYear,
  simulatedYear: CaseYear,
): DifferenceReason[] {
  const reasons: DifferenceReason[] = [];
  if (official.before.status !== simulated.before.status)
    reasons.push({
      code: 'status_before',
      official: official.before.status,
      simulated: simulated.before.status,
    });
  if (officialYear.canSelect !== simulatedYear.canSelect)
    reasons.push({
      code: 'can_select',
      official: officialYear.canSelect,
      simulated: simulatedYear.canSelect,
    });
  if (official.resultGoal.met !== simulated.resultGoal.met)
    reasons.push({
      code: 'result_goal',
      official: {
        met: official.resultGoal.met,
        differencePoints: official.resultGoal.differencePoints,
      },
      simulated: {
        met: simulated.resultGoal.met,
        differencePoints: simulated.resultGoal.differencePoints,
      },
    });
  for (const goal of FOCUS_GOALS) {
    const a = focusSide(official, goal);
    const b = focusSide(simulated, goal);
    if (
      a.outcome !== b.outcome ||
      a.canGround !== b.canGround ||
      a.threshold !== b.threshold ||
      !sameNumber(a.measure, b.measure)
    )
      reasons.push({ code: 'focus_goal', goal, official: a, simulated: b });
  }
  for (const goal of FOCUS_GOALS) {
    const a = improvementSide(official, goal);
    const b = improvementSide(simulated, goal);
    if (
      a?.sufficient !== b?.sufficient ||
      !sameNumber(a?.needed, b?.needed) ||
      !sameNumber(a?.reached, b?.reached)
    )
      reasons.push({ code: 'improvement', goal, official: a, simulated: b });
  }
  // Another decision sets other deadlines anyway; only the same decision's dates are a reason.
  if (official.decision.kind === simulated.decision.kind)
    reasons.push(...deadlineReasons(official, simulated));
  return reasons;
}

function changeOf(official: DecisionKind, simulated: DecisionKind): DecisionChange {
  if (official === simulated) return 'other_deadlines';
  if (simulated === 'selected') return 'selected_instead';
  if (official === 'selected') return 'no_longer_selected';
  return 'other_decision';
}

function side(entry: MunicipalityCaseYear): DecisionSide {
  return {
    decision: entry.decision.kind,
    statusBefore: entry.before.status,
    statusAfter: entry.after.status,
  };
}

/**
 * Compares two histories of the same years and municipalities. Refuses
 * histories of other years or municipalities (a comparison of unlike runs
 * would mislead).
 */
export function compareCaseHistories(
  official: CaseHistory,
  simulated: CaseHistory,
): HistoryComparison {
  if (official.fromYear !== simulated.fromYear || official.toYear !== simulated.toYear)
    throw new RangeError('The histories compared must cover the same assessment years');
  const years = official.years.map((officialYear, index): YearComparison => {
    const simulatedYear = simulated.years[index];
    if (simulatedYear === undefined || simulatedYear.year !== officialYear.year)
      throw new RangeError(`The simulated history lacks the assessment of ${officialYear.year}`);
    const byCode = new Map(
      simulatedYear.municipalities.map((entry) => [entry.municipality, entry]),
    );
    const differences = officialYear.municipalities.flatMap((entry): DecisionDifference[] => {
      const other = byCode.get(entry.municipality);
      if (other === undefined)
        throw new RangeError(
          `The simulated assessment of ${officialYear.year} lacks municipality ${entry.municipality}`,
        );
      const sameDecision = entry.decision.kind === other.decision.kind;
      const deadlines = deadlineReasons(entry, other);
      if (sameDecision && deadlines.length === 0) return [];
      return [
        {
          year: officialYear.year,
          municipality: entry.municipality,
          change: changeOf(entry.decision.kind, other.decision.kind),
          official: side(entry),
          simulated: side(other),
          reasons: reasonsOf(entry, other, officialYear, simulatedYear),
        },
      ];
    });
    differences.sort((a, b) => a.municipality - b.municipality);
    return {
      year: officialYear.year,
      ruleVersion: {
        official: officialYear.rules.version.id,
        simulated: simulatedYear.rules.version.id,
      },
      decisionCounts: { official: counts(officialYear), simulated: counts(simulatedYear) },
      differences,
    };
  });
  return { fromYear: official.fromYear, toYear: official.toYear, years };
}
