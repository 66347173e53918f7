/**
 * Reads the `expected_rates` file (data.md): `municipality`, `year`,
 * `expected_count`, `actual_count`, `expected_share`, `actual_share` (shares
 * in percent of the residents aged 16–66).
 */
import { ExpectedRates, type ExpectedRate } from '../core/assessment/expected-rates.js';
import { requireColumns, type CsvTable } from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import { readCsvFile } from './read-table.js';
import { RowReader } from './row-reader.js';

export const EXPECTED_RATES_COLUMNS = [
  'municipality',
  'year',
  'expected_count',
  'actual_count',
  'expected_share',
  'actual_share',
];

export async function readExpectedRates(
  path: string,
  displayName: string,
  knownMunicipalities: ReadonlySet<number>,
): Promise<ExpectedRates> {
  const table = await readCsvFile(path, displayName);
  return expectedRatesFromTable(table, knownMunicipalities);
}

export function expectedRatesFromTable(
  table: CsvTable,
  knownMunicipalities: ReadonlySet<number>,
): ExpectedRates {
  requireColumns(table, EXPECTED_RATES_COLUMNS);
  const problems: InputProblem[] = [];
  const rows: ExpectedRate[] = [];
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const reader = new RowReader(table, row, problems);
    const municipality = reader.municipality('municipality', knownMunicipalities);
    const year = reader.integer('year', 1900, 2999, 'skal være et årstal');
    const count = (column: string) =>
      reader.decimal(column, 0, Number.MAX_VALUE, 'skal være et ikke-negativt antal');
    const share = (column: string) =>
      reader.decimal(column, 0, 100, 'skal være en andel i procent mellem 0 og 100');
    const expectedCount = count('expected_count');
    const actualCount = count('actual_count');
    const expectedShare = share('expected_share');
    const actualShare = share('actual_share');
    if (
      municipality === undefined ||
      year === undefined ||
      expectedCount === undefined ||
      actualCount === undefined ||
      expectedShare === undefined ||
      actualShare === undefined
    )
      continue;
    const key = `${municipality}|${year}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push({
        file: table.file,
        line: row.line,
        reason: `kommune ${municipality}, år ${year} står også i linje ${earlier}`,
      });
      continue;
    }
    firstLine.set(key, row.line);
    rows.push({ municipality, year, expectedCount, actualCount, expectedShare, actualShare });
  }
  if (problems.length > 0) throw new InputError(problems);
  return new ExpectedRates(rows);
}
