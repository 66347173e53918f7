/**
 * The § each decision and each duty cites, read from the `decisions.*`
 * nodes of the rule tree.
 */
import type { DecisionKind } from '../domain/supervision.js';
import type { LegalSource } from './legal-source.js';
import type { RuleId } from './rule-book.js';
import type { RulesInForce } from './rules-in-force.js';

/**
 * Duties that follow from a decision, each with its own §, and
 * `extension_ends`: the end of supervision at the assessment after an
 * extension, which the extension paragraph itself provides for.
 */
export type DutyKind =
  | 'notice'
  | 'account'
  | 'sample_review'
  | 'meeting'
  | 'assistance'
  | 'passive_case_review'
  | 'extension_ends';

/** The node of each decision and duty. */
export const DECISION_BASIS_NODES: Readonly<Record<DecisionKind | DutyKind, RuleId>> = {
  selected: 'decisions.selected',
  stays_out: 'decisions.stays_out',
  supervision_ends: 'decisions.supervision_ends',
  extended: 'decisions.extended',
  administration: 'decisions.administration',
  administration_continues: 'decisions.administration_continues',
  administration_ends: 'decisions.administration_ends',
  requires_judgement: 'decisions.requires_judgement',
  notice: 'decisions.notice',
  account: 'decisions.account',
  sample_review: 'decisions.sample_review',
  meeting: 'decisions.meeting',
  assistance: 'decisions.assistance',
  passive_case_review: 'decisions.passive_case_review',
  extension_ends: 'decisions.extension_ends',
};

/**
 * The legal basis of `kind` under `rules`; `undefined` where the rules in
 * force have no such step (the sample review under the 2023 rules).
 */
export function decisionBasis(
  rules: RulesInForce,
  kind: DecisionKind | DutyKind,
): LegalSource | undefined {
  const entry = rules.entry(DECISION_BASIS_NODES[kind]);
  return entry.value === null ? undefined : entry.source;
}
