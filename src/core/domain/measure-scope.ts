/**
 * Every measure is reported for the municipality as a whole, per benefit group
 * and per benefit type (measures.md § 1). A scope names which.
 *
 * In files (`focus_measures.scope`) a scope is `all`, a group code or a type
 * code; the codes are distinct, so one column holds all three.
 */
import {
  BENEFIT_GROUPS,
  BENEFIT_TYPES,
  isBenefitGroup,
  isBenefitType,
  type BenefitGroup,
  type BenefitType,
} from './benefit-type.js';

export type MeasureScope = 'all' | BenefitGroup | BenefitType;

export const MEASURE_SCOPES: readonly MeasureScope[] = ['all', ...BENEFIT_GROUPS, ...BENEFIT_TYPES];

export function isMeasureScope(value: string): value is MeasureScope {
  return value === 'all' || isBenefitGroup(value) || isBenefitType(value);
}
