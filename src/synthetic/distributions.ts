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

/**
 * The standard normal quantile Φ⁻¹(p) for p in (0, 1) (Acklam's rational
 * approximation, relative error below 1.2e-9).
 */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const at = (list: readonly number[], index: number) => list[index] ?? 0;
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q +
        at(c, 5)) /
      ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((at(a, 0) * r + at(a, 1)) * r + at(a, 2)) * r + at(a, 3)) * r + at(a, 4)) * r + at(a, 5)) *
      q) /
    (((((at(b, 0) * r + at(b, 1)) * r + at(b, 2)) * r + at(b, 3)) * r + at(b, 4)) * r + 1)
  );
}

/** The golden-ratio sequence: well-spread points in [0, 1), the k-th after `offset`. */
export function goldenPoint(offset: number, k: number): number {
  const value = offset + k * 0.6180339887498949;
  return value - Math.floor(value);
}

/**
 * Stratified stand-ins for uniform draws, one sequence per key: where a
 * municipality's many draws of one kind should add up to their expectation
 * with little noise. Each key gets a Weyl sequence frac(start + k·α) with its
 * own irrational step α = frac(√prime) and a random start, so that
 * sequences advanced together (a spell's duration and its transition) are
 * not correlated.
 */
export class StratifiedStreams {
  private readonly sequences = new Map<number, { start: number; step: number; k: number }>();

  constructor(private readonly random: SeededRandom) {}

  /** The next point of the sequence `key`, in (0, 1). */
  next(key: number): number {
    let sequence = this.sequences.get(key);
    if (!sequence) {
      const root = Math.sqrt(PRIMES[this.sequences.size % PRIMES.length] ?? 2);
      sequence = { start: this.random.next(), step: root - Math.floor(root), k: 0 };
      this.sequences.set(key, sequence);
    }
    const value = sequence.start + sequence.k * sequence.step;
    sequence.k += 1;
    return Math.min(1 - 1e-9, Math.max(1e-9, value - Math.floor(value)));
  }
}

const PRIMES = [
  2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
  101, 103, 107, 109, 113,
];
