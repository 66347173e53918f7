/**
 * Numbers and percentages the Danish way (reports.md): `1.234`, `24,8`.
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
