/**
 * Growing the typed arrays of a reusable workspace (the person timeline):
 * the array itself while it is large enough, else a new one at least twice
 * as large, so that a pass over millions of persons allocates only a few
 * times.
 */

/** `array` if it holds at least `length` items, else a new, larger one (contents not kept). */
export function int32Capacity(
  array: Int32Array<ArrayBuffer>,
  length: number,
): Int32Array<ArrayBuffer> {
  return array.length >= length ? array : new Int32Array(Math.max(length, array.length * 2));
}

export function uint8Capacity(
  array: Uint8Array<ArrayBuffer>,
  length: number,
): Uint8Array<ArrayBuffer> {
  return array.length >= length ? array : new Uint8Array(Math.max(length, array.length * 2));
}

export function float64Capacity(
  array: Float64Array<ArrayBuffer>,
  length: number,
): Float64Array<ArrayBuffer> {
  return array.length >= length ? array : new Float64Array(Math.max(length, array.length * 2));
}
