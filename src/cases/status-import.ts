/**
 * Importing the statuses municipalities already had when the system was
 * taken into use (regime.md: a municipality may be under supervision,
 * extended or under administration before the first assessment the system
 * runs). `tilsyn cases import --file statuses.csv` reads a `;`-separated
 * file:
 *
 * | column              | required | what                                                            |
 * | ------------------- | -------- | --------------------------------------------------------------- |
 * | `kode`              | yes      | the municipality code                                           |
 * | `status`            | yes      | `supervised`, `extended`, `administration` or `none`, or the Danish label |
 * | `fra dato`          | yes      | the day the status began, `ÅÅÅÅ-MM-DD`, not after today          |
 * | `udvalgt år`        | no       | the assessment year that selected it                             |
 * | `baseline tilbud`   | no       | the offers focus measure (percent) at the selection              |
 * | `baseline samtaler` | no       | the conversations focus measure (percent) at the selection       |
 *
 * All or nothing: any bad line refuses the whole file, naming file, line and
 * field of every problem. A municipality whose case already has a status
 * (from an assessment or an earlier import) is refused too: the import is
 * for the start, a later change goes through the case system. Each line
 * becomes an `imported_statuses` record and a case event with source
 * `import`, audited.
 */
import { SUPERVISION_STATUS_LABELS, type SupervisionStatus } from '../core/domain/supervision.js';
import { parseCsv, requireColumns } from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import { municipalityNames } from '../pipeline/legal-inputs.js';
import { requireRole, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { today, type CaseSystem } from './case-system.js';
import { appendCaseEvent, caseIdOf } from './supervision-cases.js';

export const STATUS_IMPORT_COLUMNS = ['kode', 'status', 'fra dato'] as const;

/** What each accepted spelling of a status means (compared in lower case). */
const STATUS_NAMES: ReadonlyMap<string, SupervisionStatus> = new Map([
  ...(Object.entries(SUPERVISION_STATUS_LABELS) as [SupervisionStatus, string][]).flatMap(
    ([status, label]) => [
      [status, status] as const,
      [label.toLocaleLowerCase('da'), status] as const,
    ],
  ),
  ['forlænget', 'extended'],
  ['administration', 'administration'],
]);

export interface ImportedStatusLine {
  readonly line: number;
  readonly municipality: number;
  readonly status: SupervisionStatus;
  readonly fromDate: string;
  readonly selectedYear?: number | undefined;
  readonly baselineOffers?: number | undefined;
  readonly baselineConversations?: number | undefined;
}

/** Parses and checks the file; throws an InputError naming every bad line and field. */
export async function readStatusImport(
  file: string,
  text: string,
  todayIso: string,
): Promise<ImportedStatusLine[]> {
  const table = parseCsv(file, text);
  requireColumns(table, STATUS_IMPORT_COLUMNS);
  const names = await municipalityNames();
  const problems: InputProblem[] = [];
  const lines: ImportedStatusLine[] = [];
  const firstLine = new Map<number, number>();
  for (const row of table.rows) {
    const field = (column: string) => (row.values[column] ?? '').trim();
    const problem = (column: string, reason: string) => {
      problems.push({ file, line: row.line, column, value: field(column), reason });
    };
    const before = problems.length;
    const code = /^\d{3}$/.test(field('kode')) ? Number(field('kode')) : undefined;
    if (code === undefined || !names.known.has(code))
      problem('kode', 'skal være en af de 98 kommunekoder');
    const status = STATUS_NAMES.get(field('status').toLocaleLowerCase('da'));
    if (status === undefined)
      problem(
        'status',
        `skal være supervised, extended, administration eller none (eller ${Object.values(
          SUPERVISION_STATUS_LABELS,
        )
          .map((label) => `"${label}"`)
          .join(', ')})`,
      );
    const fromDate = field('fra dato');
    if (!isIsoDate(fromDate)) problem('fra dato', 'skal være en dato ÅÅÅÅ-MM-DD');
    else if (fromDate > todayIso) problem('fra dato', `ligger efter i dag (${todayIso})`);
    const selectedText = field('udvalgt år');
    const selectedYear = /^\d{4}$/.test(selectedText) ? Number(selectedText) : undefined;
    if (selectedText !== '' && selectedYear === undefined)
      problem('udvalgt år', 'skal være et årstal');
    const baseline = (column: string) => {
      const value = field(column);
      if (value === '') return undefined;
      const number = /^\d{1,3}([.,]\d+)?$/.test(value)
        ? Number(value.replace(',', '.'))
        : undefined;
      if (number === undefined || number > 100)
        problem(column, 'skal være en andel i procent mellem 0 og 100 (fx 31,5)');
      return number;
    };
    const baselineOffers = baseline('baseline tilbud');
    const baselineConversations = baseline('baseline samtaler');
    if (
      status === 'none' &&
      (selectedText !== '' || field('baseline tilbud') !== '' || field('baseline samtaler') !== '')
    )
      problem('status', 'en kommune uden skærpet tilsyn kan ikke have udvalgt år eller baseline');
    if (code !== undefined && names.known.has(code)) {
      const earlier = firstLine.get(code);
      if (earlier !== undefined) problem('kode', `kommunen står også i linje ${earlier}`);
      else firstLine.set(code, row.line);
    }
    if (problems.length > before || code === undefined || status === undefined) continue;
    lines.push({
      line: row.line,
      municipality: code,
      status,
      fromDate,
      selectedYear,
      baselineOffers,
      baselineConversations,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  if (lines.length === 0)
    throw new InputError({ file, reason: 'filen har ingen linjer at indlæse' });
  return lines;
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Imports the statuses of a file (its display name and text) as one
 * transaction: every line or none. Answers how many were imported.
 */
export async function importStatuses(
  system: CaseSystem,
  actor: Actor,
  input: { readonly file: string; readonly text: string },
): Promise<number> {
  requireRole(actor, ['ministry'], 'At indlæse eksisterende statusser');
  const lines = await readStatusImport(input.file, input.text, today(system));
  return system.database.transaction().execute(async (transaction) => {
    const existing = await transaction
      .selectFrom('case_events as event')
      .innerJoin('supervision_cases as case', 'case.id', 'event.case_id')
      .select('case.municipality_code')
      .where('event.status_after', 'is not', null)
      .where(
        'case.municipality_code',
        'in',
        lines.map((line) => line.municipality),
      )
      .execute();
    const hasStatus = new Set(existing.map((row) => row.municipality_code));
    const refused = lines.filter((line) => hasStatus.has(line.municipality));
    if (refused.length > 0)
      throw new InputError(
        refused.map((line) => ({
          file: input.file,
          line: line.line,
          column: 'kode',
          value: String(line.municipality),
          reason:
            'kommunens sag har allerede en status i systemet; importen er kun til kommuner uden historik',
        })),
      );
    for (const line of lines) {
      const caseId = await caseIdOf(transaction, line.municipality);
      const record = await transaction
        .insertInto('imported_statuses')
        .values({
          case_id: caseId,
          municipality_code: line.municipality,
          status: line.status,
          from_date: line.fromDate,
          selected_year: line.selectedYear ?? null,
          baseline_offers: line.baselineOffers ?? null,
          baseline_conversations: line.baselineConversations ?? null,
          file: input.file,
          line: line.line,
          created_by: actor.userId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendCaseEvent(transaction, actor, {
        caseId,
        kind: 'status_imported',
        eventDate: line.fromDate,
        statusAfter: line.status,
        summary: `${SUPERVISION_STATUS_LABELS[line.status]} fra ${line.fromDate} (indlæst fra ${input.file}, linje ${line.line})`,
        subjectTable: 'imported_statuses',
        subjectId: record.id,
        source: 'import',
      });
      await appendAudit(transaction, actor, {
        action: 'case.import_status',
        subjectTable: 'imported_statuses',
        subjectId: record.id,
        municipalityCode: line.municipality,
        details: {
          file: input.file,
          line: line.line,
          status: line.status,
          fromDate: line.fromDate,
        },
      });
    }
    return lines.length;
  });
}
