/**
 * Danish numbers that never hide the comparison they are shown for: a
 * measure of 19,96 % against a threshold of 20 % must not print as "20,0".
 * Decimals are added (up to 6) until the rounded figure sits on the same side
 * of the reference as the unrounded one.
 */
import { formatDanishNumber, formatDanishSigned } from '../core/danish-format.js';

const MAXIMUM_DECIMALS = 6;

export function formatAgainst(value: number, reference: number, decimals = 1): string {
  return formatDanishNumber(value, decimalsFor(value, reference, decimals));
}

/** A signed difference, compared with 0: `+0,004` rather than `0,00`. */
export function formatSignedAgainstZero(value: number, decimals = 2): string {
  return formatDanishSigned(value, decimalsFor(value, 0, decimals));
}

function decimalsFor(value: number, reference: number, minimum: number): number {
  const side = Math.sign(value - reference);
  for (let decimals = minimum; decimals < MAXIMUM_DECIMALS; decimals += 1) {
    const rounded = Number(value.toFixed(decimals));
    if (Math.sign(rounded - reference) === side) return decimals;
  }
  return MAXIMUM_DECIMALS;
}
