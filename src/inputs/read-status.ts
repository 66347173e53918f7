/**
 * Reads a status file: each municipality's case before the first assessment
 * to run. Columns `municipality`, `status` (`none`, `supervised`, `extended`,
 * `administration`), and optionally `selected_year`, `baseline_offers`,
 * `baseline_conversations` (the focus measures, in percent, at the
 * assessment that selected it). Municipalities not in the file are not under
 * supervision.
 */
import { NOT_SUPERVISED, type CaseState } from '../core/assessment/case-state.js';
import { SUPERVISION_STATUSES } from '../core/domain/supervision.js';
import { requireColumns, type CsvTable } from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import { readCsvFile } from '../files/read-text-file.js';
import { RowReader } from '../files/row-reader.js';

export const STATUS_COLUMNS = ['municipality', 'status'];

export async function readStatus(
  path: string,
  displayName: string,
  knownMunicipalities: ReadonlySet<number>,
  firstAssessmentYear: number,
): Promise<Map<number, CaseState>> {
  const table = await readCsvFile(path, displayName);
  return statusFromTable(table, knownMunicipalities, firstAssessmentYear);
}

/**
 * A selection year must be before the first assessment to run (the case
 * exists before it); `none` carries no selection year or baseline.
 */
export function statusFromTable(
  table: CsvTable,
  knownMunicipalities: ReadonlySet<number>,
  firstAssessmentYear: number,
): Map<number, CaseState> {
  requireColumns(table, STATUS_COLUMNS);
  const problems: InputProblem[] = [];
  const states = new Map<number, CaseState>();
  const firstLine = new Map<number, number>();
  for (const row of table.rows) {
    const reader = new RowReader(table, row, problems);
    const municipality = reader.municipality('municipality', knownMunicipalities);
    const status = reader.code('status', SUPERVISION_STATUSES);
    const selectedText = reader.text('selected_year');
    const selectedYear =
      selectedText === ''
        ? undefined
        : reader.integer(
            'selected_year',
            1900,
            firstAssessmentYear - 1,
            `skal være et årstal før det første opgørelsesår, ${firstAssessmentYear}`,
          );
    const baseline = (column: string) =>
      reader.decimal(column, 0, 100, 'skal være en andel i procent mellem 0 og 100', true);
    const offers = baseline('baseline_offers');
    const conversations = baseline('baseline_conversations');
    if (municipality === undefined || status === undefined) continue;
    if (
      status === 'none' &&
      (selectedText !== '' ||
        reader.text('baseline_offers') !== '' ||
        reader.text('baseline_conversations') !== '')
    ) {
      reader.problem(
        'status',
        'en kommune uden skærpet tilsyn kan ikke have selected_year eller baseline',
      );
      continue;
    }
    const earlier = firstLine.get(municipality);
    if (earlier !== undefined) {
      problems.push({
        file: table.file,
        line: row.line,
        column: 'municipality',
        value: String(municipality),
        reason: `kommunen står også i linje ${earlier}`,
      });
      continue;
    }
    firstLine.set(municipality, row.line);
    states.set(
      municipality,
      status === 'none'
        ? NOT_SUPERVISED
        : { status, selectedYear, baseline: { offers, conversations } },
    );
  }
  if (problems.length > 0) throw new InputError(problems);
  return states;
}
