/**
 * Danish numbers that never hide the comparison they are shown for (see
 * `core/text/danish-number.ts`, where they live).
 */
export { formatAgainst, formatSignedAgainstZero } from '../core/text/danish-number.js';
