/**
 * What an annual assessment needs to know about a municipality's case from
 * before: its status, the assessment year that selected it, and the baseline
 * (both focus measures at that assessment) against which the improvement for
 * an extension is measured.
 */
import type { FocusGoal } from '../domain/focus-goal.js';
import type { SupervisionStatus } from '../domain/supervision.js';

export type Baseline = Readonly<Record<FocusGoal, number | undefined>>;

export interface CaseState {
  readonly status: SupervisionStatus;
  /** The assessment year whose assessment selected the municipality. */
  readonly selectedYear: number | undefined;
  /** Both focus measures (December of the selecting year), whether they grounded the selection or not. */
  readonly baseline: Baseline;
}

export const NO_BASELINE: Baseline = { offers: undefined, conversations: undefined };

/** A municipality that is not under supervision. */
export const NOT_SUPERVISED: CaseState = {
  status: 'none',
  selectedYear: undefined,
  baseline: NO_BASELINE,
};
