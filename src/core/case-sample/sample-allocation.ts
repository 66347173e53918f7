/**
 * How many cases each listed benefit (§ 2, stk. 2) gets, with the cap on the
 * total (regime.md § 5): "højst 300 sager i alt" — when the sizes add up to
 * more, each keeps its floor min(20, n) and the room left (300 − Σ floors) is
 * shared in proportion to the excess over the floor, by largest remainder.
 * Ties between equal remainders go to the benefit listed first in § 2, stk. 2
 * (`LISTED_BENEFITS`).
 */
import type { SampleReviewRule } from './sample-size.js';
import { apportionByLargestRemainder } from './largest-remainder.js';
import { LISTED_BENEFITS, type ListedBenefit } from './listed-benefit.js';
import { minimumForType, sampleSizeForType } from './sample-size.js';

export interface TypeAllocation {
  readonly benefit: ListedBenefit;
  readonly population: number;
  /** 15 % rounded up, at least 20 or all: before the cap. */
  readonly sizeBeforeCap: number;
  /** The number of cases to draw. */
  readonly size: number;
}

/** Allocates the sample over the listed benefits, in the order of § 2, stk. 2. */
export function allocateSample(
  populations: ReadonlyMap<ListedBenefit, number>,
  rule: SampleReviewRule,
): TypeAllocation[] {
  const types = LISTED_BENEFITS.filter((benefit) => populations.has(benefit));
  const rows = types.map((benefit) => {
    const population = populations.get(benefit) ?? 0;
    return {
      benefit,
      population,
      sizeBeforeCap: sampleSizeForType(population, rule),
      floor: minimumForType(population, rule),
    };
  });
  const total = rows.reduce((sum, row) => sum + row.sizeBeforeCap, 0);
  if (total <= rule.maximumTotal) {
    return rows.map(({ benefit, population, sizeBeforeCap }) => ({
      benefit,
      population,
      sizeBeforeCap,
      size: sizeBeforeCap,
    }));
  }
  const floors = rows.reduce((sum, row) => sum + row.floor, 0);
  // The floors never exceed the cap under the rules (9 types × 20 < 300); if
  // they did, the floors would still be kept, as the rule says "never below".
  const room = Math.max(0, rule.maximumTotal - floors);
  const extra = apportionByLargestRemainder(
    room,
    rows.map((row) => row.sizeBeforeCap - row.floor),
  );
  return rows.map(({ benefit, population, sizeBeforeCap, floor }, index) => ({
    benefit,
    population,
    sizeBeforeCap,
    size: floor + (extra[index] ?? 0),
  }));
}
