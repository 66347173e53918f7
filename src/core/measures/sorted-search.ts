/**
 * Binary searches over a sorted slice [start, end) of a typed column: one
 * person's rows, which the load store keeps sorted by date.
 */

/** The first index in [start, end) whose value is ≥ `value` (`end` when none). */
export function lowerBound(values: Int32Array, start: number, end: number, value: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first index in [start, end) whose value is > `value` (`end` when none). */
export function upperBound(values: Int32Array, start: number, end: number, value: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? 0) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
