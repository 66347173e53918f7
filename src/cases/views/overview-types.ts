/**
 * The national overview as the web application reads it (GET
 * /api/web/overview): every municipality by name and code with its status,
 * both focus measures (the latest month and the 12-month average) against
 * the thresholds of the assessment the month counts towards, the result
 * goal, and the risk of selection at the next assessment. Aggregated figures
 * only: no person appears here, so the public may read it.
 */
import type { FocusGoal } from '../../core/domain/focus-goal.js';

export interface ThresholdView {
  /** The goal is met strictly below this percentage. */
  readonly value: number;
  /** "bek. nr. 301 af 20/03/2023 § 5, nr. 1" */
  readonly citation: string;
}

export interface GoalFigures {
  /** The passive share of the latest month, percent; `null` without a target group. */
  readonly latest: number | null;
  /** The 12-month average (the focus measure) at the latest month. */
  readonly average: number | null;
  readonly outcome: 'met' | 'missed' | 'not_measured';
}

/** The risk of being selected (or kept under supervision) at the next assessment. */
export type RiskOfSelection = 'at_risk' | 'on_the_border' | 'low' | 'under_supervision';

export interface OverviewMunicipality {
  readonly code: number;
  readonly name: string;
  /** The labour market office (AMK) that follows the municipality. */
  readonly amk: string | null;
  /** The case's status code and its Danish label. */
  readonly status: string;
  readonly statusLabel: string;
  readonly goals: Readonly<Record<FocusGoal, GoalFigures>>;
  readonly resultGoal: {
    readonly met: boolean;
    /** actual − expected benefit rate, percentage points. */
    readonly differencePoints: number;
    /** The difference in full-time persons, as published (rounded). */
    readonly differencePersonsPublished: number;
  } | null;
  readonly risk: RiskOfSelection;
  /** One Danish sentence: why this risk. */
  readonly riskReason: string;
}

export interface OverviewResponse {
  /** The latest measured month, `YYYY-MM`. */
  readonly month: string;
  /** The assessment the month counts towards (its year) and when it is made (`YYYY-MM-DD`). */
  readonly assessmentYear: number;
  readonly assessmentDate: string;
  readonly thresholds: Readonly<Record<FocusGoal, ThresholdView>>;
  /** The year of the expected and actual benefit rates behind the result goal. */
  readonly ratesYear: number;
  readonly national: Readonly<
    Record<FocusGoal, { readonly latest: number | null; readonly average: number | null }>
  >;
  /** The AMK the list is limited to (an AMK user's), or null for the whole country. */
  readonly amk: string | null;
  readonly municipalities: readonly OverviewMunicipality[];
  /** "Kilde: …": where the figures come from (the data load and its date). */
  readonly source: string;
}
