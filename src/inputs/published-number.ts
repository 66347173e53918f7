/**
 * Numbers as published tables write them. In a `;`-separated file (the
 * Danish export): decimal comma and optional thousands separators, `.` or a
 * space (`1.234`, `1 234`, `1.234,5`, `-0,4`, `−0,4`). In a `,`-separated
 * file: a plain decimal point (`1234.5`). A `.` that is not a thousands
 * separator in a Danish file (`10.5`) is refused rather than guessed.
 */

export interface PublishedNumber {
  readonly value: number;
  /** Digits after the decimal mark: the precision the figure was published with. */
  readonly decimals: number;
}

const DANISH_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const DANISH_PLAIN = /^[+-]?\d+(,\d+)?$/;
const POINT_DECIMAL = /^[+-]?\d+(\.\d+)?$/;

export function parsePublishedNumber(
  text: string,
  delimiter: ',' | ';',
): PublishedNumber | undefined {
  const cleaned = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (delimiter === ',') {
    if (!POINT_DECIMAL.test(cleaned)) return undefined;
    return { value: Number(cleaned), decimals: decimalsAfter(cleaned, '.') };
  }
  if (!DANISH_GROUPED.test(cleaned) && !DANISH_PLAIN.test(cleaned)) return undefined;
  const normalised = cleaned.replace(/\./g, '').replace(',', '.');
  return { value: Number(normalised), decimals: decimalsAfter(cleaned, ',') };
}

/** Whether a published cell says "no figure": empty, `..`, `-`, `–`, `x`. */
export function isMissingFigure(text: string): boolean {
  return /^(|\.\.?|-|–|x|n\/a)$/iu.test(text.trim());
}

function decimalsAfter(text: string, mark: string): number {
  const index = text.indexOf(mark);
  return index < 0 ? 0 : text.length - index - 1;
}
