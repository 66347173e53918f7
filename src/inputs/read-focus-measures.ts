/**
 * Reads the `focus_measures` file (data.md; docs/architecture.md "Aggregated
 * files"): `municipality`, `month`, `goal`, `target`, `passive` and the
 * optional `scope` (missing = `all`).
 */
import { FOCUS_GOALS } from '../core/domain/focus-goal.js';
import { MEASURE_SCOPES, type MeasureScope } from '../core/domain/measure-scope.js';
import {
  MonthlyAggregates,
  type MonthlyAggregate,
} from '../core/focus-measures/monthly-aggregates.js';
import { requireColumns, type CsvTable } from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import { readCsvFile } from '../files/read-text-file.js';
import { RowReader } from '../files/row-reader.js';

export const FOCUS_MEASURES_COLUMNS = ['municipality', 'month', 'goal', 'target', 'passive'];

export async function readFocusMeasures(
  path: string,
  displayName: string,
  knownMunicipalities: ReadonlySet<number>,
): Promise<MonthlyAggregates> {
  const table = await readCsvFile(path, displayName);
  return focusMeasuresFromTable(table, knownMunicipalities);
}

/** Validates every row; refuses the whole file with every problem found. */
export function focusMeasuresFromTable(
  table: CsvTable,
  knownMunicipalities: ReadonlySet<number>,
): MonthlyAggregates {
  requireColumns(table, FOCUS_MEASURES_COLUMNS);
  const problems: InputProblem[] = [];
  const rows: MonthlyAggregate[] = [];
  const firstLine = new Map<string, number>();
  const hasScope = table.columns.includes('scope');
  for (const row of table.rows) {
    const reader = new RowReader(table, row, problems);
    const municipality = reader.municipality('municipality', knownMunicipalities);
    const month = reader.month('month');
    const goal = reader.code('goal', FOCUS_GOALS);
    const scope: MeasureScope | undefined = hasScope
      ? reader.code(
          'scope',
          MEASURE_SCOPES,
          'skal være "all", en ydelsesgruppe eller en ydelsestype (fx "kontanthjaelp")',
        )
      : 'all';
    const target = reader.integer(
      'target',
      0,
      Number.MAX_SAFE_INTEGER,
      'skal være et ikke-negativt heltal',
    );
    const passive = reader.integer(
      'passive',
      0,
      Number.MAX_SAFE_INTEGER,
      'skal være et ikke-negativt heltal',
    );
    if (target !== undefined && passive !== undefined && passive > target) {
      reader.problem('passive', `flere passive end personer i målgruppen (target er ${target})`);
      continue;
    }
    if (
      municipality === undefined ||
      month === undefined ||
      goal === undefined ||
      scope === undefined ||
      target === undefined ||
      passive === undefined
    )
      continue;
    const key = `${municipality}|${month}|${goal}|${scope}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push({
        file: table.file,
        line: row.line,
        reason: `kommune ${municipality}, måned ${month}, mål "${goal}", scope "${scope}" står også i linje ${earlier}`,
      });
      continue;
    }
    firstLine.set(key, row.line);
    rows.push({ municipality, month, goal, scope, target, passive });
  }
  if (problems.length > 0) throw new InputError(problems);
  return new MonthlyAggregates(rows);
}
