/**
 * Reads the per-person file for the § 8 case sample: the target group of the
 * focus goals at 31 December of the assessment year. Columns `person_id` (a
 * pseudonym), `municipality`, `benefit` (a benefit type code of measures.md
 * § 1), `passive_offers`, `passive_conversations` (`true`/`false` or `1`/`0`).
 */
import { restoreNeutralised } from '../files/spreadsheet-cell.js';
import { BENEFIT_TYPES, type BenefitType } from '../core/domain/benefit-type.js';
import { requireColumns, type CsvTable } from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import { cprDigitsOf } from '../loading/cpr-number.js';
import { readCsvFile } from '../files/read-text-file.js';
import { RowReader } from '../files/row-reader.js';

export const SAMPLE_PERSON_COLUMNS = [
  'person_id',
  'municipality',
  'benefit',
  'passive_offers',
  'passive_conversations',
];

export interface TargetGroupPerson {
  readonly personId: string;
  readonly municipality: number;
  readonly benefit: BenefitType;
  readonly passiveOffers: boolean;
  readonly passiveConversations: boolean;
}

export async function readSamplePersons(
  path: string,
  displayName: string,
  knownMunicipalities: ReadonlySet<number>,
): Promise<TargetGroupPerson[]> {
  const table = await readCsvFile(path, displayName);
  return samplePersonsFromTable(table, knownMunicipalities);
}

/** A person may appear once; a CPR number is refused without being repeated in the error. */
export function samplePersonsFromTable(
  table: CsvTable,
  knownMunicipalities: ReadonlySet<number>,
): TargetGroupPerson[] {
  requireColumns(table, SAMPLE_PERSON_COLUMNS);
  const problems: InputProblem[] = [];
  const persons: TargetGroupPerson[] = [];
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const reader = new RowReader(table, row, problems);
    const personIdCell = reader.required('person_id');
    let personId = personIdCell === undefined ? undefined : restoreNeutralised(personIdCell);
    if (personId !== undefined && cprDigitsOf(personId.normalize('NFKC').trim()) !== undefined) {
      problems.push({
        file: table.file,
        line: row.line,
        column: 'person_id',
        reason: 'ligner et CPR-nummer; brug pseudonymer (værdien vises ikke)',
      });
      personId = undefined;
    }
    const municipality = reader.municipality('municipality', knownMunicipalities);
    const benefit = reader.code(
      'benefit',
      BENEFIT_TYPES,
      'skal være en ydelsestype, fx "dagpenge" eller "kontanthjaelp"',
    );
    const passiveOffers = reader.boolean('passive_offers');
    const passiveConversations = reader.boolean('passive_conversations');
    if (
      personId === undefined ||
      municipality === undefined ||
      benefit === undefined ||
      passiveOffers === undefined ||
      passiveConversations === undefined
    )
      continue;
    const earlier = firstLine.get(personId);
    if (earlier !== undefined) {
      reader.problem('person_id', `personen står også i linje ${earlier}`);
      continue;
    }
    firstLine.set(personId, row.line);
    persons.push({ personId, municipality, benefit, passiveOffers, passiveConversations });
  }
  if (problems.length > 0) throw new InputError(problems);
  return persons;
}
