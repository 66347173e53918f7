/**
 * A municipality under administration has its minimum requirements (bek.
 * nr. 301 § 12, stk. 1, nr. 1) checked every month: from the month they
 * apply (the `minimum_requirements_from` deadline of the decision that put
 * it under administration) through the last month measured — or, when the
 * administration has ended, through the month before the decision that
 * ended it — each month's figures of both requirements from the newest
 * finished measurement run that has the month, judged by the percentage in
 * force that month.
 */
import { monthOfDate } from '../core/calendar/year-month.js';
import { isoDate } from '../core/calendar/iso-date.js';
import type { JsonValue } from '../storage/schema.js';
import type { Database } from '../storage/database.js';
import { notCorrected } from './corrections.js';

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
  /** Whether the administration this month belongs to has ended. */
  readonly administrationEnded: boolean;
}

export interface MinimumRequirementQuery {
  readonly municipality?: number | undefined;
  /** Only this month (`YYYY-MM`). */
  readonly month?: string | undefined;
  /**
   * Also the months of administrations that have ended (a municipality's
   * page shows its whole history); by default only municipalities under
   * administration now.
   */
  readonly includeEnded?: boolean | undefined;
}

/** The monthly checks of every municipality now under administration (or of one). */
/** One administration of a municipality: its first month and, when it has ended, its first month after. */
interface AdministrationPeriod {
  readonly municipality: number;
  readonly from: string;
  /** The month of the decision that ended it (not itself checked); undefined while it lasts. */
  readonly until: string | undefined;
}

/** The monthly checks of every municipality now under administration (or of one). */
export async function minimumRequirementChecks(
  system: { readonly database: Database },
  query: MinimumRequirementQuery = {},
): Promise<MinimumRequirementCheck[]> {
  const periods = (await administrationPeriods(system.database, query.municipality)).filter(
    (period) => query.includeEnded === true || period.until === undefined,
  );
  if (periods.length === 0) return [];
  const { database } = system;
  const administered = [...new Set(periods.map((period) => period.municipality))];
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
    const period = periods.find(
      (candidate) =>
        candidate.municipality === row.municipality_code &&
        row.month >= candidate.from &&
        (candidate.until === undefined || row.month < candidate.until),
    );
    if (period === undefined) continue;
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
      administrationEnded: period.until !== undefined,
    });
  }
  return [...chosen.values()].sort(
    (a, b) =>
      a.municipality - b.municipality ||
      a.month.localeCompare(b.month) ||
      a.requirement.localeCompare(b.requirement),
  );
}

/**
 * Each administration: it starts in the month of a `minimum_requirements_from`
 * deadline (not corrected) and lasts until the first status recorded after
 * that decision that is not administration (an `administration_continues`
 * decision keeps it going).
 */
async function administrationPeriods(
  database: Database,
  municipality: number | undefined,
): Promise<AdministrationPeriod[]> {
  let starts = database
    .selectFrom('deadlines as deadline')
    .select(['deadline.municipality_code', 'deadline.due_date', 'deadline.decision_id'])
    .where('deadline.kind', '=', 'minimum_requirements_from')
    .where(notCorrected('deadlines', 'deadline'))
    .orderBy('deadline.id');
  if (municipality !== undefined)
    starts = starts.where('deadline.municipality_code', '=', municipality);
  const startRows = await starts.execute();
  if (startRows.length === 0) return [];
  const statusEvents = await database
    .selectFrom('case_events as event')
    .innerJoin('supervision_cases as case', 'case.id', 'event.case_id')
    .select([
      'case.municipality_code',
      'event.id',
      'event.event_date',
      'event.status_after',
      'event.subject_table',
      'event.subject_id',
    ])
    .where('event.status_after', 'is not', null)
    .where(
      'case.municipality_code',
      'in',
      startRows.map((row) => row.municipality_code),
    )
    .orderBy('event.id')
    .execute();
  return startRows.map((start) => {
    const events = statusEvents.filter(
      (event) => event.municipality_code === start.municipality_code,
    );
    const opening = events.find(
      (event) => event.subject_table === 'decisions' && event.subject_id === start.decision_id,
    );
    const end = events.find(
      (event) =>
        (opening === undefined || event.id > opening.id) &&
        event.event_date >= (opening?.event_date ?? start.due_date) &&
        event.status_after !== 'administration',
    );
    return {
      municipality: start.municipality_code,
      from: monthOfDate(isoDate(start.due_date)),
      until: end === undefined ? undefined : monthOfDate(isoDate(end.event_date)),
    };
  });
}
