/**
 * Deadlines, due and overdue, per municipality and for the whole country.
 * A deadline counts from the municipality's newest issued decision (a later
 * decision replaces what an earlier one asked for), in its current form (a
 * corrected notice date corrects its deadlines). Some deadlines ask
 * somebody to do something — the notice, the account, the sample review,
 * the review of all passive cases — and are met by a fulfilment (an
 * account submitted meets the account deadline); the others mark a period
 * (the recovery period, the extension, the start of the minimum
 * requirements) and are never overdue.
 */
import { addDays, type IsoDate } from '../core/calendar/iso-date.js';
import type { DeadlineKind } from '../core/lifecycle/deadline.js';
import { DEADLINE_LABELS } from '../reports/legal-text.js';
import type { JsonValue } from '../storage/schema.js';
import type { Actor } from './actor.js';
import { requireScope } from './case-access.js';
import { appendAudit } from './audit.js';
import { CaseError } from './case-error.js';
import { enteredDate, today, type CaseSystem } from './case-system.js';
import { notCorrected } from './corrections.js';
import { appendCaseEvent } from './supervision-cases.js';

/** The Danish name of a deadline kind. */
export function deadlineLabel(kind: string): string {
  return (DEADLINE_LABELS as Readonly<Record<string, string | undefined>>)[kind] ?? kind;
}

/** The deadlines that ask somebody to act. */
export const OBLIGATION_KINDS: readonly DeadlineKind[] = [
  'notice',
  'account',
  'sample_review',
  'passive_case_review',
];

export type DeadlineState = 'fulfilled' | 'overdue' | 'due' | 'later' | 'period';

export interface DeadlineView {
  readonly id: number;
  readonly municipality: number;
  readonly decisionId: number;
  readonly year: number;
  readonly kind: string;
  readonly label: string;
  readonly dueDate: string;
  readonly legalBasis: JsonValue;
  readonly obligation: boolean;
  readonly fulfilledOn: string | null;
  readonly state: DeadlineState;
}

export interface DeadlineQuery {
  readonly municipality?: number | undefined;
  /** The day to judge by (default: today). */
  readonly on?: string | undefined;
  /** How many days ahead a deadline is `due` (default 30). */
  readonly withinDays?: number | undefined;
}

/** Every current deadline of the newest decisions, with its state on the day. */
export async function listDeadlines(
  system: CaseSystem,
  query: DeadlineQuery = {},
): Promise<DeadlineView[]> {
  const on = query.on === undefined ? today(system) : enteredDate(query.on, 'Datoen');
  const horizon = addDays(on, query.withinDays ?? 30);
  let select = system.database
    .selectFrom('deadlines as deadline')
    .innerJoin('decisions as decision', 'decision.id', 'deadline.decision_id')
    .leftJoin('deadline_fulfilments as fulfilment', 'fulfilment.deadline_id', 'deadline.id')
    .select([
      'deadline.id',
      'deadline.municipality_code',
      'deadline.decision_id',
      'decision.year',
      'deadline.kind',
      'deadline.due_date',
      'deadline.legal_basis',
      'fulfilment.fulfilled_on',
    ])
    .where(notCorrected('deadlines', 'deadline'))
    .where(notCorrected('decisions', 'decision'))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('decisions as later')
            .select('later.id')
            .whereRef('later.municipality_code', '=', 'decision.municipality_code')
            .whereRef('later.year', '>', 'decision.year'),
        ),
      ),
    )
    .orderBy('deadline.due_date')
    .orderBy('deadline.municipality_code');
  if (query.municipality !== undefined)
    select = select.where('deadline.municipality_code', '=', query.municipality);
  const rows = await select.execute();
  const views = new Map<number, DeadlineView>();
  for (const row of rows) {
    const obligation = (OBLIGATION_KINDS as readonly string[]).includes(row.kind);
    const existing = views.get(row.id);
    const fulfilledOn = existing?.fulfilledOn ?? row.fulfilled_on;
    const state: DeadlineState = !obligation
      ? 'period'
      : fulfilledOn !== null
        ? 'fulfilled'
        : row.due_date < on
          ? 'overdue'
          : row.due_date <= horizon
            ? 'due'
            : 'later';
    views.set(row.id, {
      id: row.id,
      municipality: row.municipality_code,
      decisionId: row.decision_id,
      year: row.year,
      kind: row.kind,
      label: deadlineLabel(row.kind),
      dueDate: row.due_date,
      legalBasis: row.legal_basis,
      obligation,
      fulfilledOn,
      state,
    });
  }
  return [...views.values()];
}

/** The deadlines that need attention: overdue, or due within the horizon. */
export async function dueDeadlines(
  system: CaseSystem,
  query: DeadlineQuery = {},
): Promise<DeadlineView[]> {
  const all = await listDeadlines(system, query);
  return all.filter((deadline) => deadline.state === 'overdue' || deadline.state === 'due');
}

/** Records that a deadline was met (e.g. the review of all passive cases delivered). */
export async function fulfilDeadline(
  system: CaseSystem,
  actor: Actor,
  request: { readonly deadlineId: number; readonly fulfilledOn: string; readonly note?: string },
): Promise<number> {
  const fulfilledOn: IsoDate = enteredDate(request.fulfilledOn, 'Datoen');
  return system.database.transaction().execute(async (transaction) => {
    const deadline = await transaction
      .selectFrom('deadlines')
      .select(['id', 'case_id', 'municipality_code', 'kind'])
      .where('id', '=', request.deadlineId)
      .executeTakeFirst();
    if (deadline === undefined)
      throw new CaseError(
        'no_such_deadline',
        `Frist ${request.deadlineId} findes ikke.`,
        'not_found',
      );
    await requireScope(
      actor,
      ['ministry', 'municipality'],
      deadline.municipality_code,
      'At melde en frist overholdt',
    );
    const row = await transaction
      .insertInto('deadline_fulfilments')
      .values({
        deadline_id: deadline.id,
        fulfilled_on: fulfilledOn,
        note: request.note ?? null,
        created_by: actor.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendCaseEvent(transaction, actor, {
      caseId: deadline.case_id,
      kind: 'deadline_fulfilled',
      eventDate: fulfilledOn,
      summary: `Frist overholdt: ${deadlineLabel(deadline.kind)}`,
      subjectTable: 'deadlines',
      subjectId: deadline.id,
    });
    await appendAudit(transaction, actor, {
      action: 'deadline.fulfil',
      subjectTable: 'deadlines',
      subjectId: deadline.id,
      municipalityCode: deadline.municipality_code,
    });
    return row.id;
  });
}
