/**
 * The status of a municipality in the supervision regime and the decisions an
 * annual assessment can take (regime.md § 3).
 *
 * ```
 *  none ──selected──▶ supervised ──goals met──▶ none
 *                        ├──≥ half of required improvement──▶ extended ──met──▶ none
 *                        │                                        └──not met──▶ administration
 *                        └──< half──▶ administration ──goals met──▶ none
 * ```
 *
 * One more outcome is not a decision of the rules: `requires_judgement`
 * ("kræver vurdering"), when a goal that can ground the decision is not
 * measured or the baseline is missing and the known figures do not settle
 * it. The status stays as it was until a person decides.
 */

export const SUPERVISION_STATUSES = ['none', 'supervised', 'extended', 'administration'] as const;

export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

export function isSupervisionStatus(value: string): value is SupervisionStatus {
  return (SUPERVISION_STATUSES as readonly string[]).includes(value);
}

export const SUPERVISION_STATUS_LABELS: Readonly<Record<SupervisionStatus, string>> = {
  none: 'Ikke under skærpet tilsyn',
  supervised: 'Skærpet tilsyn',
  extended: 'Skærpet tilsyn, forlænget genopretningsperiode',
  administration: 'Under administration',
};

export const DECISION_KINDS = [
  'selected',
  'stays_out',
  'supervision_ends',
  'extended',
  'administration',
  'administration_continues',
  'administration_ends',
  'requires_judgement',
] as const;

export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_LABELS: Readonly<Record<DecisionKind, string>> = {
  selected: 'Omfattes af skærpet tilsyn',
  stays_out: 'Omfattes ikke af skærpet tilsyn',
  supervision_ends: 'Skærpet tilsyn ophører',
  extended: 'Genopretningsperioden forlænges med 12 måneder',
  administration: 'Sættes under administration',
  administration_continues: 'Fortsat under administration',
  administration_ends: 'Administration ophører',
  requires_judgement: 'Kræver vurdering',
};

/** The decisions the rules take; `requires_judgement` leaves a person to decide. */
export type RuleDecisionKind = Exclude<DecisionKind, 'requires_judgement'>;

/**
 * The status a decision leaves the municipality in. `requires_judgement`
 * has none: the status before stays until a person decides.
 */
export const STATUS_AFTER: Readonly<Record<RuleDecisionKind, SupervisionStatus>> = {
  selected: 'supervised',
  stays_out: 'none',
  supervision_ends: 'none',
  extended: 'extended',
  administration: 'administration',
  administration_continues: 'administration',
  administration_ends: 'none',
};
