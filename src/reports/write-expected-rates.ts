/**
 * Writes expected rates as an `expected_rates` file (data.md; read by
 * `tilsyn assess --rates`): the six columns of data.md, then
 * `difference_count`, `difference_points`, `rank`, `period` and `source`.
 * `,`-separated, decimal point, numbers unrounded (JavaScript's shortest
 * exact form), rows in municipality order; written atomically.
 */
import { endYear, periodLabel } from '../core/benchmark/benchmark-period.js';
import {
  sortExpectedRates,
  sourceCode,
  type ExpectedRate,
} from '../core/benchmark/expected-rates.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { EXPECTED_RATES_COLUMNS } from '../inputs/read-expected-rates-csv.js';

export const WRITTEN_COLUMNS = [
  ...EXPECTED_RATES_COLUMNS,
  'difference_count',
  'difference_points',
  'rank',
  'period',
  'source',
] as const;

export function formatExpectedRates(rates: readonly ExpectedRate[]): string {
  const table = expectedRatesTable(rates);
  const lines = [table.header.join(',')];
  for (const row of table.rows) lines.push(row.map(quote).join(','));
  return `${lines.join('\n')}\n`;
}

/** The rows of the file (unquoted cells), for other forms of it such as CSV for Excel. */
export function expectedRatesTable(rates: readonly ExpectedRate[]): {
  header: readonly string[];
  rows: string[][];
} {
  const rows: string[][] = [];
  for (const rate of sortExpectedRates(rates)) {
    rows.push(
      [
        rate.municipality,
        endYear(rate.period),
        rate.expectedCount,
        rate.actualCount,
        rate.expectedShare,
        rate.actualShare,
        rate.differenceCount,
        rate.differencePoints,
        rate.rank,
        periodLabel(rate.period),
        sourceCode(rate.source),
      ].map(String),
    );
  }
  return { header: WRITTEN_COLUMNS, rows };
}

export async function writeExpectedRates(
  path: string,
  rates: readonly ExpectedRate[],
): Promise<void> {
  await writeFileAtomic(path, formatExpectedRates(rates));
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
