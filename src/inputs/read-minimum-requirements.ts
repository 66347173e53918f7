/**
 * Reads a `minimum_requirements` file (`tilsyn measure` writes it; data.md):
 * `municipality`, `month`, `requirement` (`offers`, `conversations`),
 * `target`, `met`. The file's `share`, `required` and `fulfilled`, when
 * present, are not read: the assessment judges the counts by the rules in
 * force in each month (the percentage and its §), as `tilsyn measure` did.
 */
import {
  MINIMUM_REQUIREMENTS,
  MinimumRequirementCounts,
  type MinimumRequirementRow,
} from '../core/administration/minimum-requirements.js';
import { requireColumns, type CsvTable } from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import { readCsvFile } from '../files/read-text-file.js';
import { RowReader } from '../files/row-reader.js';

export const MINIMUM_REQUIREMENTS_COLUMNS = [
  'municipality',
  'month',
  'requirement',
  'target',
  'met',
];

export async function readMinimumRequirements(
  path: string,
  displayName: string,
  knownMunicipalities: ReadonlySet<number>,
): Promise<MinimumRequirementCounts> {
  const table = await readCsvFile(path, displayName);
  return minimumRequirementsFromTable(table, knownMunicipalities);
}

/** Validates every row; refuses the whole file with every problem found. */
export function minimumRequirementsFromTable(
  table: CsvTable,
  knownMunicipalities: ReadonlySet<number>,
): MinimumRequirementCounts {
  requireColumns(table, MINIMUM_REQUIREMENTS_COLUMNS);
  const problems: InputProblem[] = [];
  const rows: MinimumRequirementRow[] = [];
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const reader = new RowReader(table, row, problems);
    const municipality = reader.municipality('municipality', knownMunicipalities);
    const month = reader.month('month');
    const requirement = reader.code(
      'requirement',
      MINIMUM_REQUIREMENTS,
      'skal være "offers" eller "conversations"',
    );
    const count = (column: string) =>
      reader.integer(column, 0, Number.MAX_SAFE_INTEGER, 'skal være et ikke-negativt heltal');
    const target = count('target');
    const met = count('met');
    if (target !== undefined && met !== undefined && met > target) {
      reader.problem(
        'met',
        `flere, der opfylder kravet, end personer i målgruppen (target er ${target})`,
      );
      continue;
    }
    if (
      municipality === undefined ||
      month === undefined ||
      requirement === undefined ||
      target === undefined ||
      met === undefined
    )
      continue;
    const key = `${municipality}|${month}|${requirement}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push({
        file: table.file,
        line: row.line,
        reason: `kommune ${municipality}, måned ${month}, krav "${requirement}" står også i linje ${earlier}`,
      });
      continue;
    }
    firstLine.set(key, row.line);
    rows.push({ municipality, month, requirement, target, met });
  }
  if (problems.length > 0) throw new InputError(problems);
  return new MinimumRequirementCounts(rows);
}
