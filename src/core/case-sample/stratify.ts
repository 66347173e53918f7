/**
 * Stratification within a benefit type (regime.md § 5; vejledningen til bek.
 * nr. 1409 § 8: "Sagerne udtages tilfældigt, dog skal stikprøven så vidt
 * muligt indeholde både sager, hvor fokusmålenes minimumskrav ikke var
 * opfyldt, og sager, hvor minimumskravene var opfyldt.").
 */
import { apportionByLargestRemainder } from './largest-remainder.js';

export interface StrataSizes {
  readonly passive: number;
  readonly nonPassive: number;
}

/**
 * Shares `size` between the passive and the non-passive persons in proportion
 * to their numbers, by largest remainder (a tie goes to the passive stratum,
 * the cases the review is about). When both strata exist and the size is at
 * least 2, each gets at least one case.
 */
export function stratifiedSizes(size: number, passive: number, nonPassive: number): StrataSizes {
  if (size >= passive + nonPassive) return { passive, nonPassive };
  const [fromPassive = 0, fromNonPassive = 0] = apportionByLargestRemainder(size, [
    passive,
    nonPassive,
  ]);
  if (passive > 0 && nonPassive > 0 && size >= 2) {
    if (fromPassive === 0) return { passive: 1, nonPassive: size - 1 };
    if (fromNonPassive === 0) return { passive: size - 1, nonPassive: 1 };
  }
  return { passive: fromPassive, nonPassive: fromNonPassive };
}
