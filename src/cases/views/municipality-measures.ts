/**
 * A municipality's measures as its page shows them (GET
 * /api/web/municipalities/:code/measures): month by month the passive share
 * and the 12-month average of both focus goals against the threshold of the
 * assessment the month counts towards, the result goal, and a projection of
 * December's 12-month average from the months so far. Aggregates only: no
 * person appears here.
 *
 * The projection: December's average is the mean of the counted months of
 * its window (January–December of the year). The months measured are taken
 * as they are; each month not yet measured is set to the mean of the last
 * three measured months' shares (the level the municipality is at now).
 * It says nothing of a trend, and it is labelled so on the page.
 */
import type { AssessmentInputs } from '../../core/assessment/assessment-inputs.js';
import {
  addMonths,
  monthRange,
  yearMonthOf,
  yearOf,
  type YearMonth,
} from '../../core/calendar/year-month.js';
import type { FocusGoal } from '../../core/domain/focus-goal.js';
import type { Municipality } from '../../core/domain/municipality.js';
import { averagingWindow } from '../../core/focus-measures/averaging-window.js';
import { focusMeasure } from '../../core/focus-measures/focus-measure.js';
import { focusGoalMet } from '../../core/assessment/focus-goal-assessment.js';
import { monthlyShare } from '../../core/focus-measures/monthly-share.js';
import { riskView } from '../../core/risk/risk-view.js';
import { formatCitation } from '../../core/rules/legal-source.js';
import type { RuleBook } from '../../core/rules/rule-book.js';
import { goalThreshold, rulesForAssessment } from '../../core/rules/rules-in-force.js';

/** How many months the page's chart shows. */
export const MEASURE_HISTORY_MONTHS = 24;
/** How many of the latest months the projection takes the level from. */
export const PROJECTION_LEVEL_MONTHS = 3;

export interface MonthFigures {
  readonly month: string;
  readonly goals: Readonly<
    Record<
      FocusGoal,
      {
        readonly target: number | null;
        readonly passive: number | null;
        readonly share: number | null;
        readonly average: number | null;
        readonly threshold: number;
      }
    >
  >;
  /** Left out of every 12-month average (COVID-19). */
  readonly excludedFromAverages: boolean;
}

export interface Projection {
  readonly year: number;
  /** December's projected 12-month average, percent; `null` when nothing is measured yet. */
  readonly value: number | null;
  readonly threshold: number;
  readonly met: boolean | null;
  readonly monthsMeasured: number;
  readonly monthsProjected: number;
  /** The share each month not yet measured is set to. */
  readonly level: number | null;
  /** In Danish: how it is projected. */
  readonly method: string;
}

export interface MunicipalityMeasures {
  readonly municipality: {
    readonly code: number;
    readonly name: string;
    readonly region: string;
    readonly amk: string;
  };
  readonly month: string;
  readonly assessmentYear: number;
  readonly thresholds: Readonly<
    Record<FocusGoal, { readonly value: number; readonly citation: string }>
  >;
  readonly months: readonly MonthFigures[];
  readonly averages: Readonly<
    Record<
      FocusGoal,
      {
        readonly value: number | null;
        readonly outcome: 'met' | 'missed' | 'not_measured';
        readonly canGround: boolean;
      }
    >
  >;
  readonly resultGoal: {
    readonly year: number;
    readonly expectedShare: number;
    readonly actualShare: number;
    readonly differencePoints: number;
    readonly differencePersons: number;
    readonly met: boolean;
    readonly source: string;
  };
  readonly projection: Readonly<Record<FocusGoal, Projection>>;
  /** Whether person-level data (a load) is behind the figures, so that the persons behind a measure can be shown. */
  readonly personData: boolean;
}

function perGoal<T>(make: (goal: FocusGoal) => T): Record<FocusGoal, T> {
  return { offers: make('offers'), conversations: make('conversations') };
}

export function municipalityMeasures(request: {
  readonly rules: RuleBook;
  readonly month: YearMonth;
  readonly inputs: AssessmentInputs;
  readonly municipality: Municipality;
  readonly personData: boolean;
}): MunicipalityMeasures {
  const { rules, month, inputs, municipality } = request;
  const code = municipality.code;
  const view = riskView(rules, month, inputs);
  const entry = view.municipalities.find((candidate) => candidate.municipality === code);
  if (entry === undefined) throw new Error(`No measures of municipality ${String(code)}`);
  const shareOf = (goal: FocusGoal, at: YearMonth): number | null => {
    const count = inputs.aggregates.count(code, goal, 'all', at);
    return count === undefined ? null : (monthlyShare(count.target, count.passive) ?? null);
  };
  const months = monthRange(addMonths(month, -(MEASURE_HISTORY_MONTHS - 1)), month).map(
    (at): MonthFigures => {
      const assessment = rulesForAssessment(rules, yearOf(at));
      const window = averagingWindow(rules, at);
      return {
        month: at,
        excludedFromAverages: window.excluded.includes(at),
        goals: perGoal((goal) => {
          const count = inputs.aggregates.count(code, goal, 'all', at);
          const windowComplete = window.counted.every(
            (counted) => inputs.aggregates.count(code, goal, 'all', counted) !== undefined,
          );
          return {
            target: count?.target ?? null,
            passive: count?.passive ?? null,
            share: shareOf(goal, at),
            average: windowComplete
              ? (focusMeasure(rules, inputs.aggregates, code, goal, at).value ?? null)
              : null,
            threshold: goalThreshold(assessment, goal).value,
          };
        }),
      };
    },
  );
  const december = yearMonthOf(yearOf(month), 12);
  const projection = perGoal((goal): Projection => {
    const threshold = goalThreshold(view.rules, goal).value;
    const counted = averagingWindow(rules, december).counted;
    const measured = counted.filter((at) => at <= month && shareOf(goal, at) !== null);
    const recent = monthRange(addMonths(month, -(PROJECTION_LEVEL_MONTHS - 1)), month)
      .map((at) => shareOf(goal, at))
      .filter((share): share is number => share !== null);
    const level =
      recent.length === 0 ? null : recent.reduce((sum, share) => sum + share, 0) / recent.length;
    const future = counted.filter((at) => at > month);
    const values = [
      ...measured.map((at) => shareOf(goal, at) ?? 0),
      ...(level === null ? [] : future.map(() => level)),
    ];
    const value =
      values.length === 0 ? null : values.reduce((sum, share) => sum + share, 0) / values.length;
    const method =
      future.length === 0
        ? `December ${String(yearOf(month))} er målt: gennemsnittet er de ${String(measured.length)} målte måneder, ingen fremskrivning.`
        : `Fremskrevet: de ${String(measured.length)} målte måneder af ${String(yearOf(month))} tages, som de er; hver af de ${String(future.length)} resterende måneder sættes til gennemsnittet af de seneste ${String(PROJECTION_LEVEL_MONTHS)} måneders andel passive. Der er ikke regnet med nogen udvikling.`;
    return {
      year: yearOf(month),
      value,
      threshold,
      met: value === null ? null : focusGoalMet(value, threshold),
      monthsMeasured: measured.length,
      monthsProjected: level === null ? 0 : future.length,
      level,
      method,
    };
  });
  return {
    municipality: {
      code,
      name: municipality.name,
      region: municipality.region,
      amk: municipality.amk,
    },
    month,
    assessmentYear: view.assessmentYear,
    thresholds: perGoal((goal) => {
      const threshold = goalThreshold(view.rules, goal);
      return { value: threshold.value, citation: formatCitation(threshold.source) };
    }),
    personData: request.personData,
    months,
    averages: perGoal((goal) => ({
      value: entry.focusGoals[goal].measure ?? null,
      outcome: entry.focusGoals[goal].outcome,
      canGround: entry.focusGoals[goal].canGround,
    })),
    resultGoal: {
      year: entry.resultGoal.year,
      expectedShare: entry.resultGoal.expectedShare,
      actualShare: entry.resultGoal.actualShare,
      differencePoints: entry.resultGoal.differencePoints,
      differencePersons: entry.resultGoal.differencePersons,
      met: entry.resultGoal.met,
      source: entry.resultGoal.source,
    },
    projection,
  };
}
