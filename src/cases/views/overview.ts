/**
 * The national overview (overview-types.ts) from the monthly aggregates and
 * rates the status report reads: the risk view of the latest month gives
 * each municipality's 12-month averages against the thresholds of the
 * assessment the month counts towards and its result goal; the cases give
 * the status. A municipality not under supervision that misses a goal able
 * to ground a decision and the result goal is at risk of selection at the
 * next assessment (regime: selection needs both), "på grænsen" when its
 * result goal misses by less than the published precision.
 */
import type { AssessmentInputs } from '../../core/assessment/assessment-inputs.js';
import type { YearMonth } from '../../core/calendar/year-month.js';
import { FOCUS_GOALS, FOCUS_GOAL_LABELS, type FocusGoal } from '../../core/domain/focus-goal.js';
import type { Municipality } from '../../core/domain/municipality.js';
import {
  SUPERVISION_STATUS_LABELS,
  type SupervisionStatus,
} from '../../core/domain/supervision.js';
import { monthlyShare } from '../../core/focus-measures/monthly-share.js';
import { publicationDate } from '../../core/lifecycle/assessment-dates.js';
import { PUBLISHED_DIFFERENCE_PRECISION_PERSONS } from '../../core/risk/on-the-border.js';
import { riskView, type RiskMunicipality } from '../../core/risk/risk-view.js';
import { formatCitation } from '../../core/rules/legal-source.js';
import type { RuleBook } from '../../core/rules/rule-book.js';
import { goalThreshold } from '../../core/rules/rules-in-force.js';
import type {
  GoalFigures,
  OverviewMunicipality,
  OverviewResponse,
  RiskOfSelection,
} from './overview-types.js';

export interface OverviewRequest {
  readonly rules: RuleBook;
  /** The latest month every municipality has measured. */
  readonly month: YearMonth;
  readonly inputs: AssessmentInputs;
  readonly municipalities: readonly Municipality[];
  /** Each municipality's current status (none when absent). */
  readonly statuses: ReadonlyMap<number, SupervisionStatus>;
  /** Only the municipalities of this AMK (an AMK user), or all. */
  readonly amk: string | null;
  readonly source: string;
}

function perGoal<T>(make: (goal: FocusGoal) => T): Record<FocusGoal, T> {
  return { offers: make('offers'), conversations: make('conversations') };
}

function riskOf(
  entry: RiskMunicipality,
  status: SupervisionStatus,
): { risk: RiskOfSelection; reason: string } {
  if (status !== 'none')
    return {
      risk: 'under_supervision',
      reason: `${SUPERVISION_STATUS_LABELS[status]}: vurderes for forlængelse, administration eller ophør ved næste opgørelse.`,
    };
  const missed = FOCUS_GOALS.filter(
    (goal) => entry.focusGoals[goal].outcome === 'missed' && entry.focusGoals[goal].canGround,
  );
  if (missed.length === 0)
    return { risk: 'low', reason: 'Opfylder de fokusmål, der kan begrunde udvælgelse.' };
  if (entry.resultGoal.met)
    return {
      risk: 'low',
      reason: `Opfylder ikke ${missed.map((goal) => FOCUS_GOAL_LABELS[goal].toLowerCase()).join(' og ')}, men opfylder resultatmålet.`,
    };
  const goals = missed.map((goal) => FOCUS_GOAL_LABELS[goal].toLowerCase()).join(' og ');
  if (entry.onTheBorder)
    return {
      risk: 'on_the_border',
      reason: `Opfylder ikke ${goals}; resultatmålet er ikke opfyldt, men forskellen afrundes til 0 fuldtidspersoner.`,
    };
  return {
    risk: 'at_risk',
    reason: `Opfylder hverken ${goals} eller resultatmålet: kan udvælges ved næste opgørelse.`,
  };
}

export function overviewView(request: OverviewRequest): OverviewResponse {
  const { month, inputs } = request;
  const view = riskView(request.rules, month, inputs);
  const byCode = new Map(view.municipalities.map((entry) => [entry.municipality, entry]));
  const thresholds = perGoal((goal) => {
    const entry = goalThreshold(view.rules, goal);
    return { value: entry.value, citation: formatCitation(entry.source) };
  });
  const latestShare = (code: number, goal: FocusGoal): number | null => {
    const count = inputs.aggregates.count(code, goal, 'all', month);
    return count === undefined ? null : (monthlyShare(count.target, count.passive) ?? null);
  };
  const nationalLatest = (goal: FocusGoal): number | null => {
    let target = 0;
    let passive = 0;
    for (const code of inputs.municipalities) {
      const count = inputs.aggregates.count(code, goal, 'all', month);
      if (count === undefined) return null;
      target += count.target;
      passive += count.passive;
    }
    return monthlyShare(target, passive) ?? null;
  };
  const municipalities = request.municipalities
    .filter((municipality) => request.amk === null || municipality.amk === request.amk)
    .flatMap((municipality): OverviewMunicipality[] => {
      const entry = byCode.get(municipality.code);
      if (entry === undefined) return [];
      const status = request.statuses.get(municipality.code) ?? 'none';
      const { risk, reason } = riskOf(entry, status);
      const goals = perGoal((goal): GoalFigures => ({
        latest: latestShare(municipality.code, goal),
        average: entry.focusGoals[goal].measure ?? null,
        outcome: entry.focusGoals[goal].outcome,
      }));
      return [
        {
          code: municipality.code,
          name: municipality.name,
          amk: municipality.amk,
          status,
          statusLabel: SUPERVISION_STATUS_LABELS[status],
          goals,
          resultGoal: {
            met: entry.resultGoal.met,
            differencePoints: entry.resultGoal.differencePoints,
            differencePersonsPublished:
              Math.round(
                entry.resultGoal.differencePersons / PUBLISHED_DIFFERENCE_PRECISION_PERSONS,
              ) * PUBLISHED_DIFFERENCE_PRECISION_PERSONS,
          },
          risk,
          riskReason: reason,
        },
      ];
    });
  return {
    month,
    assessmentYear: view.assessmentYear,
    assessmentDate: publicationDate(view.rules, view.assessmentYear),
    thresholds,
    ratesYear: view.ratesYear,
    national: perGoal((goal) => ({
      latest: nationalLatest(goal),
      average: view.national[goal].value ?? null,
    })),
    amk: request.amk,
    municipalities,
    source: request.source,
  };
}
