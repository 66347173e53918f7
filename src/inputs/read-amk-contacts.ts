/**
 * Reads the AMK's contact records for Table 3 of the quarterly status report
 * (until the case system keeps them): columns `municipality`, and optionally
 * `first_contact` (`YYYY-MM-DD`), `wants_assistance` (`ja`, `nej`,
 * `ikke_besluttet`), `mapping_done` (`ja`/`nej`) and `effort` (text). One row
 * per municipality.
 */
import { parseIsoDate } from '../core/calendar/iso-date.js';
import {
  WANTS_ASSISTANCE_ANSWERS,
  type AmkContactRecord,
} from '../core/status-report/status-report-types.js';
import { requireColumns } from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import { readCsvFile } from '../files/read-text-file.js';
import { RowReader } from '../files/row-reader.js';

export async function readAmkContacts(
  path: string,
  displayName: string,
  knownMunicipalities: ReadonlySet<number>,
): Promise<AmkContactRecord[]> {
  const table = await readCsvFile(path, displayName);
  requireColumns(table, ['municipality']);
  const problems: InputProblem[] = [];
  const records: AmkContactRecord[] = [];
  const firstLine = new Map<number, number>();
  for (const row of table.rows) {
    const reader = new RowReader(table, row, problems);
    const municipality = reader.municipality('municipality', knownMunicipalities);
    const dateText = reader.text('first_contact');
    const firstContact = dateText === '' ? null : (parseIsoDate(dateText) ?? null);
    if (dateText !== '' && firstContact === null)
      reader.problem('first_contact', 'skal være en dato på formen ÅÅÅÅ-MM-DD');
    const wants =
      reader.text('wants_assistance') === ''
        ? null
        : (reader.code('wants_assistance', WANTS_ASSISTANCE_ANSWERS) ?? null);
    const mappingText = reader.text('mapping_done').toLowerCase();
    let mappingDone: boolean | null = null;
    if (mappingText === 'ja') mappingDone = true;
    else if (mappingText === 'nej') mappingDone = false;
    else if (mappingText !== '') reader.problem('mapping_done', 'skal være ja eller nej');
    const effort = reader.text('effort');
    if (municipality === undefined) continue;
    const earlier = firstLine.get(municipality);
    if (earlier !== undefined) {
      reader.problem('municipality', `kommunen står også i linje ${earlier}`);
      continue;
    }
    firstLine.set(municipality, row.line);
    records.push({
      municipality,
      firstContact,
      wantsAssistance: wants,
      mappingDone,
      effort: effort === '' ? null : effort,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return records;
}
