/**
 * Reads benchmark-measure values (measures.md § 9) in long form, one value
 * per row: `municipality`, `month` (`YYYY-MM`), `measure` (`duration`,
 * `exit_to_work_3`, `exit_to_work_6`, `passive_6`, `passive_12`,
 * `company_directed_effort`), `value` (empty: no value, not ranked), and
 * optionally `scope` (`all`, a benefit group or type; missing = `all`).
 * `,`-separated, or `;` with decimal comma.
 */
import { readFile } from 'node:fs/promises';
import {
  isBenchmarkMeasure,
  type BenchmarkMeasureValues,
} from '../core/benchmark/benchmark-measures.js';
import { parseYearMonth, type YearMonth } from '../core/calendar/year-month.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { isMeasureScope, type MeasureScope } from '../core/domain/measure-scope.js';
import {
  decodeUtf8,
  parseCsv,
  parseDecimal,
  parseInteger,
  requireColumns,
} from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';

export async function readBenchmarkMeasures(
  path: string,
  file: string,
  codes: ReadonlySet<MunicipalityCode>,
): Promise<BenchmarkMeasureValues[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new InputError({ file, reason: 'filen findes ikke eller kan ikke læses' });
  }
  return parseBenchmarkMeasures(file, decodeUtf8(file, bytes), codes);
}

export function parseBenchmarkMeasures(
  file: string,
  text: string,
  codes: ReadonlySet<MunicipalityCode>,
): BenchmarkMeasureValues[] {
  const table = parseCsv(file, text);
  requireColumns(table, ['municipality', 'month', 'measure', 'value']);
  const problems: InputProblem[] = [];
  const groups = new Map<
    string,
    {
      measure: BenchmarkMeasureValues['measure'];
      month: YearMonth;
      scope: MeasureScope;
      values: { municipality: number; value: number | undefined }[];
    }
  >();
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const problem = (column: string, reason: string) =>
      problems.push({ file, line: row.line, column, value: row.values[column] ?? '', reason });
    const municipality = parseInteger(row.values['municipality'] ?? '');
    if (municipality === undefined || !codes.has(municipality)) {
      problem('municipality', 'ukendt kommunekode');
      continue;
    }
    const month = parseYearMonth((row.values['month'] ?? '').trim());
    if (!month) {
      problem('month', 'skal være en måned på formen ÅÅÅÅ-MM');
      continue;
    }
    const measure = (row.values['measure'] ?? '').trim();
    if (!isBenchmarkMeasure(measure)) {
      problem(
        'measure',
        'ukendt måling (duration, exit_to_work_3, exit_to_work_6, passive_6, passive_12, company_directed_effort)',
      );
      continue;
    }
    const scopeText = (row.values['scope'] ?? '').trim();
    const scope = scopeText === '' ? 'all' : scopeText;
    if (!isMeasureScope(scope)) {
      problem('scope', 'ukendt omfang (all, en ydelsesgruppe eller en ydelsestype)');
      continue;
    }
    const valueText = (row.values['value'] ?? '').trim();
    const value = valueText === '' ? undefined : parseDecimal(valueText, table.delimiter);
    if (valueText !== '' && value === undefined) {
      problem('value', 'ikke et tal');
      continue;
    }
    const groupKey = `${measure}|${month}|${scope}`;
    const key = `${groupKey}|${municipality}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('municipality', `kommunen står allerede for målingen og måneden på linje ${earlier}`);
      continue;
    }
    seen.set(key, row.line);
    const group = groups.get(groupKey) ?? { measure, month, scope, values: [] };
    group.values.push({ municipality, value });
    groups.set(groupKey, group);
  }
  if (problems.length > 0) throw new InputError(problems);
  return [...groups.values()];
}
