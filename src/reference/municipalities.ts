/**
 * The 98 municipalities shipped with the project (data/municipalities.csv,
 * from the official codes), with region and AMK. The AMK mapping by region is
 * a default; a data load may bring its own `municipalities` file.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Municipality } from '../core/domain/municipality.js';
import { decodeUtf8, parseCsv, parseInteger, requireColumns } from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';

export const DEFAULT_MUNICIPALITIES_FILE = fileURLToPath(
  new URL('../../data/municipalities.csv', import.meta.url),
);

/**
 * Reads a municipalities file. Accepts the shipped layout (`kommunekode`,
 * `kommune`, `regionskode`, `region`, `amk`) and the data-load layout of
 * data.md (`code`, `name`, `region`, `amk`, optional `delegated_to`).
 */
export async function readMunicipalities(
  file = DEFAULT_MUNICIPALITIES_FILE,
): Promise<Municipality[]> {
  const table = parseCsv(file, decodeUtf8(file, await readFile(file)));
  const shipped = table.columns.includes('kommunekode');
  const codeColumn = shipped ? 'kommunekode' : 'code';
  const nameColumn = shipped ? 'kommune' : 'name';
  requireColumns(table, [codeColumn, nameColumn, 'region', 'amk']);
  const problems: InputProblem[] = [];
  const municipalities: Municipality[] = [];
  const seen = new Set<number>();
  for (const row of table.rows) {
    const codeText = row.values[codeColumn] ?? '';
    const code = parseInteger(codeText);
    if (code === undefined || code < 100 || code > 999) {
      problems.push({
        file,
        line: row.line,
        column: codeColumn,
        value: codeText,
        reason: 'kommunekoden skal være et tal med tre cifre',
      });
      continue;
    }
    if (seen.has(code)) {
      problems.push({
        file,
        line: row.line,
        column: codeColumn,
        value: codeText,
        reason: 'kommunekoden står to gange',
      });
      continue;
    }
    seen.add(code);
    const delegatedText = (row.values['delegated_to'] ?? '').trim();
    const delegatedTo = delegatedText === '' ? undefined : parseInteger(delegatedText);
    if (delegatedText !== '' && delegatedTo === undefined) {
      problems.push({
        file,
        line: row.line,
        column: 'delegated_to',
        value: delegatedText,
        reason: 'skal være en kommunekode',
      });
      continue;
    }
    municipalities.push({
      code,
      name: (row.values[nameColumn] ?? '').trim(),
      regionCode: parseInteger(row.values['regionskode'] ?? '') ?? 0,
      region: (row.values['region'] ?? '').trim(),
      amk: (row.values['amk'] ?? '').trim(),
      ...(delegatedTo === undefined ? {} : { delegatedTo }),
    });
  }
  for (const municipality of municipalities) {
    if (municipality.delegatedTo !== undefined && !seen.has(municipality.delegatedTo)) {
      problems.push({
        file,
        column: 'delegated_to',
        value: String(municipality.delegatedTo),
        reason: `kommune ${municipality.code} delegerer til en ukendt kommune`,
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return municipalities;
}
