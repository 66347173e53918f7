/**
 * Largest-remainder apportionment (Hamilton's method) in exact integer
 * arithmetic: share `total` units among parties in proportion to integer
 * weights. Each party first gets the whole part of its quota; the units left
 * go, one each, to the largest remainders. Ties go to the party listed first,
 * so the caller's order is the documented tie-break.
 */

/** `weights` are non-negative integers; the result sums to `total` (0 when all weights are 0). */
export function apportionByLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`Bad total ${total}`);
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`Bad weight ${weight}`);
  }
  const sum = weights.reduce((accumulated, weight) => accumulated + weight, 0);
  if (sum === 0) return weights.map(() => 0);
  const parts = weights.map((weight, index) => {
    const numerator = total * weight;
    if (!Number.isSafeInteger(numerator)) throw new RangeError('Apportionment out of range');
    const whole = integerQuotient(numerator, sum);
    return { index, whole, remainder: numerator - whole * sum };
  });
  let left = total - parts.reduce((accumulated, part) => accumulated + part.whole, 0);
  const order = [...parts].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const result = parts.map((part) => part.whole);
  for (const part of order) {
    if (left === 0) break;
    result[part.index] = (result[part.index] ?? 0) + 1;
    left -= 1;
  }
  return result;
}

/** ⌊a / b⌋ for non-negative safe integers, corrected so no floating-point rounding can creep in. */
export function integerQuotient(a: number, b: number): number {
  let quotient = Math.floor(a / b);
  while (quotient * b > a) quotient -= 1;
  while ((quotient + 1) * b <= a) quotient += 1;
  return quotient;
}
