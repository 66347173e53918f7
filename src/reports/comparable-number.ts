/**
 * Danish numbers that never hide the comparison they are shown for (see
 * `core/danish-format.ts`, where they live so the core's report and letter
 * content can use them).
 */
export { formatAgainst, formatSignedAgainstZero } from '../core/danish-format.js';
