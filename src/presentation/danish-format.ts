/**
 * Numbers and percentages the Danish way (reports.md): `1.234`, `24,8`.
 * The functions live in the pure core (`core/text/danish-number.ts`) so that
 * report and letter content can use them; the shells import them from here.
 */
export {
  formatDanishNumber,
  formatDanishPercent,
  formatDanishSigned,
} from '../core/text/danish-number.js';
