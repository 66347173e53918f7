/**
 * Numbers and percentages the Danish way (reports.md): `1.234`, `24,8` —
 * pure, so that the core's report and letter content can state figures in
 * the form the reader sees. A figure shown against a threshold is never
 * rounded onto the other side of it (`formatAgainst`).
 */

/** `1234.56` with 1 decimal → `1.234,6`. Negative zero is written `0`. */
export function formatDanishNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = value.toFixed(decimals);
  const negative = rounded.startsWith('-') && Number(rounded) !== 0;
  const [whole = '0', fraction] = rounded.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}

/** A percentage with one decimal and no sign: `24,8`. */
export function formatDanishPercent(value: number, decimals = 1): string {
  return formatDanishNumber(value, decimals);
}

/** A signed difference: `+1,2`, `-0,4`, `0,0`. */
export function formatDanishSigned(value: number, decimals = 1): string {
  const text = formatDanishNumber(value, decimals);
  return text.startsWith('-') || Number(value.toFixed(decimals)) === 0 ? text : `+${text}`;
}

const MAXIMUM_DECIMALS = 6;

/**
 * A measure of 19,96 % against a threshold of 20 % must not print as "20,0":
 * decimals are added (up to 6) until the rounded figure sits on the same side
 * of the reference as the unrounded one.
 */
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

/** A count with its noun in the singular or plural: `1 række`, `2 rækker`, `1.234 personer`. */
export function formatDanishCount(count: number, singular: string, plural: string): string {
  return `${formatDanishNumber(count)} ${count === 1 ? singular : plural}`;
}
