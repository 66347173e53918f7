/**
 * A municipality under administration has its minimum requirements (bek.
 * nr. 301 § 12, stk. 1, nr. 1) checked every month: from the month they
 * apply (the `minimum_requirements_from` deadline of the decision that put
 * it under administration) through the last month measured, each month's
 * figures of both requirements from the newest finished measurement run
 * that has the month, judged by the percentage in force that month.
 */
import { monthOfDate } from '../core/calendar/year-month.js';
import { isoDate } from '../core/calendar/iso-date.js';
import type { JsonValue } from '../storage/schema.js';
import type { CaseSystem } from './case-system.js';
import { notCorrected } from './corrections.js';
import { currentStatuses } from './supervision-cases.js';

export interface MinimumRequirementCheck {
  readonly municipality: number;
  readonly month: string;
  readonly requirement: string;
  readonly target: number;
  readonly met: number;
  /** Percent; null when the target group is empty. */
  readonly share: number | null;
  /** The percentage required. */
  readonly required: number;
  readonly fulfilled: boolean;
  readonly legalBasis: JsonValue;
  readonly measurementRunId: number;
}

export interface MinimumRequirementQuery {
  readonly municipality?: number | undefined;
  /** Only this month (`YYYY-MM`). */
  readonly month?: string | undefined;
}

/** The monthly checks of every municipality now under administration (or of one). */
export async function minimumRequirementChecks(
  system: CaseSystem,
  query: MinimumRequirementQuery = {},
): Promise<MinimumRequirementCheck[]> {
  const { database } = system;
  const statuses = await currentStatuses(database);
  const administered = [...statuses]
    .filter(
      ([code, status]) => status === 'administration' && (query.municipality ?? code) === code,
    )
    .map(([code]) => code);
  if (administered.length === 0) return [];
  const starts = await database
    .selectFrom('deadlines as deadline')
    .select(['deadline.municipality_code', 'deadline.due_date'])
    .where('deadline.kind', '=', 'minimum_requirements_from')
    .where('deadline.municipality_code', 'in', administered)
    .where(notCorrected('deadlines', 'deadline'))
    .orderBy('deadline.id')
    .execute();
  const firstMonth = new Map<number, string>();
  for (const row of starts)
    firstMonth.set(row.municipality_code, monthOfDate(isoDate(row.due_date)));
  const runs = await database
    .selectFrom('measurement_runs')
    .select('id')
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .execute();
  if (runs.length === 0) return [];
  let select = database
    .selectFrom('measured_minimum_requirements')
    .selectAll()
    .where(
      'measurement_run_id',
      'in',
      runs.map((run) => run.id),
    )
    .where('municipality_code', 'in', administered)
    .orderBy('measurement_run_id', 'desc');
  if (query.month !== undefined) select = select.where('month', '=', query.month);
  const rows = await select.execute();
  // The newest run that has a month wins for that month.
  const chosen = new Map<string, MinimumRequirementCheck>();
  for (const row of rows) {
    const from = firstMonth.get(row.municipality_code);
    if (from === undefined || row.month < from) continue;
    const key = `${row.municipality_code} ${row.month} ${row.requirement}`;
    if (chosen.has(key)) continue;
    chosen.set(key, {
      municipality: row.municipality_code,
      month: row.month,
      requirement: row.requirement,
      target: row.target,
      met: row.met,
      share: row.share,
      required: row.required,
      fulfilled: row.fulfilled,
      legalBasis: row.legal_basis,
      measurementRunId: row.measurement_run_id,
    });
  }
  return [...chosen.values()].sort(
    (a, b) =>
      a.municipality - b.municipality ||
      a.month.localeCompare(b.month) ||
      a.requirement.localeCompare(b.requirement),
  );
}
