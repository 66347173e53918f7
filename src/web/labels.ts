/** Danish words the pages share. */
import type { RiskOfSelection } from '../cases/views/overview-types.js';
import type { FocusGoal } from '../core/domain/focus-goal.js';

export type Goal = FocusGoal;

export const GOALS: readonly Goal[] = ['conversations', 'offers'];

export const GOAL_LABELS: Readonly<Record<Goal, string>> = {
  conversations: 'Samtaler',
  offers: 'Tilbud mv.',
};

export const GOAL_LONG_LABELS: Readonly<Record<Goal, string>> = {
  conversations: 'Andel passive – samtaler',
  offers: 'Andel passive – tilbud',
};

export const OUTCOME_LABELS: Readonly<Record<'met' | 'missed' | 'not_measured', string>> = {
  met: 'Opfyldt',
  missed: 'Ikke opfyldt',
  not_measured: 'Ikke målt',
};

export const RISK_LABELS: Readonly<Record<RiskOfSelection, string>> = {
  at_risk: 'I risiko',
  on_the_border: 'På grænsen',
  low: 'Lav',
  under_supervision: 'Under tilsyn',
};
