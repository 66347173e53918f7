/**
 * The few distributions the synthetic model draws from, all over
 * {@link SeededRandom} so that a seed fixes every number.
 */
import type { SeededRandom } from '../core/random/seeded-random.js';

/** A float in [low, high). */
export function uniform(random: SeededRandom, low: number, high: number): number {
  return low + (high - low) * random.next();
}

/** An integer in [low, high], both included. */
export function uniformInteger(random: SeededRandom, low: number, high: number): number {
  return low + random.nextInt(high - low + 1);
}

/** A log-normal draw with the given median and spread (σ of the logarithm). */
export function logNormal(random: SeededRandom, median: number, sigma: number): number {
  return median * Math.exp(sigma * random.normal());
}

/** A log-normal draw rounded to whole days and kept within [minimum, maximum]. */
export function logNormalDays(
  random: SeededRandom,
  median: number,
  sigma: number,
  minimum: number,
  maximum: number,
): number {
  const days = Math.round(logNormal(random, median, sigma));
  return Math.min(maximum, Math.max(minimum, days));
}

/** One of `items`, with probability proportional to its weight. */
export function weightedChoice<T>(
  random: SeededRandom,
  items: readonly (readonly [T, number])[],
): T {
  let total = 0;
  for (const [, weight] of items) total += weight;
  let pick = random.next() * total;
  for (const [item, weight] of items) {
    pick -= weight;
    if (pick < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new RangeError('weightedChoice needs at least one item');
  return last[0];
}

/**
 * Whole counts from expected counts that never drift: the fractional part is
 * carried to the next call, so the sum of the counts is the rounded sum of
 * the expectations (error diffusion). Small municipalities get their
 * occasional person instead of none.
 */
export class CountCarrier {
  private carry = 0;

  constructor(initial = 0.5) {
    this.carry = initial;
  }

  next(expected: number): number {
    const total = expected + this.carry;
    const count = Math.floor(total);
    this.carry = total - count;
    return count;
  }
}
