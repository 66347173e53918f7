/**
 * The size of the sample in one benefit type, bek. nr. 1409 af 16/12/2019
 * § 8, stk. 2 (vejledningen): "skal sagsgennemgangen omfatte 15 pct. af
 * sagerne i hver ydelsesgruppe, hvor fokusmålene ikke var opfyldt, dog minimum
 * 20 sager fra hver ydelsesgruppe og højst 300 sager i alt. […] Hvis der er
 * mindre end 20 sager i ydelsesgruppen, udtages samtlige sager til
 * sagsgennemgangen."
 */
import type { RuleEntry } from '../rules/rule-book.js';
import type { RulesInForce } from '../rules/rules-in-force.js';
import { integerQuotient } from './largest-remainder.js';

/** The parameters of the sample review (the `case_review.sample.*` nodes). */
export interface SampleReviewRule {
  /** Share of the target group to sample per benefit type, in percent, rounded up. */
  readonly sharePercent: number;
  /** At least this many cases per benefit type; all of them when there are fewer. */
  readonly minimumPerType: number;
  /** At most this many cases in total. */
  readonly maximumTotal: number;
}

/**
 * The sample review's parameters under `rules`, or `undefined` when the rules
 * have no sample review (then `source` says why).
 */
export function sampleReviewRule(rules: RulesInForce): {
  readonly rule: SampleReviewRule | undefined;
  readonly source: RuleEntry<number | null>['source'];
} {
  const share = rules.entry('case_review.sample.share_percent');
  const minimum = rules.value('case_review.sample.minimum_per_benefit');
  const maximum = rules.value('case_review.sample.maximum_total');
  return {
    rule:
      share.value === null || minimum === null || maximum === null
        ? undefined
        : { sharePercent: share.value, minimumPerType: minimum, maximumTotal: maximum },
    source: share.source,
  };
}

/**
 * `n < 20 ? n : max(20, ⌈15 % of n⌉)`, before the cap of 300 in total. The
 * 15 % is rounded up (regime.md § 5) in exact integer arithmetic.
 */
export function sampleSizeForType(population: number, rule: SampleReviewRule): number {
  if (!Number.isSafeInteger(population) || population < 0)
    throw new RangeError(`Bad population ${population}`);
  if (population < rule.minimumPerType) return population;
  return Math.max(rule.minimumPerType, percentRoundedUp(population, rule.sharePercent));
}

/** The floor no reduction goes below: `min(20, n)`. */
export function minimumForType(population: number, rule: SampleReviewRule): number {
  return Math.min(rule.minimumPerType, population);
}

/** ⌈n × percent / 100⌉ with integers only. */
export function percentRoundedUp(population: number, percent: number): number {
  if (!Number.isSafeInteger(percent) || percent < 0)
    throw new RangeError(`The share must be a whole percentage, got ${percent}`);
  const numerator = population * percent;
  const whole = integerQuotient(numerator, 100);
  return whole * 100 === numerator ? whole : whole + 1;
}
