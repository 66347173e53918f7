/**
 * The dates a decision sets for the municipality and the agency, each with
 * the rule it comes from.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { LegalSource } from '../rules/legal-source.js';

export const DEADLINE_KINDS = [
  'notice',
  'account',
  'sample_review',
  'recovery_period_start',
  'recovery_period_end',
  'extension_end',
  'minimum_requirements_from',
  'passive_case_review',
] as const;

/**
 * - `notice`: the ministry's notice of the decision is sent by this date;
 * - `account`: the account and recovery plan is due;
 * - `sample_review`: the sample case review (2019 rules), part of the account;
 * - `recovery_period_start` / `recovery_period_end`: the 9-month recovery period;
 * - `extension_end`: the end of the extended recovery period;
 * - `minimum_requirements_from`: administration's minimum requirements apply from;
 * - `passive_case_review`: the result of the review of all passive cases is due.
 */
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly date: IsoDate;
  readonly legalBasis: LegalSource;
}
