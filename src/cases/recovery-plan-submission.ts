/**
 * The municipality's account (redegørelse) and recovery plan
 * (genopretningsplan) with its milestones — a target passive share per
 * focus goal and month — submitted in one transaction with the case's
 * history and the audit log. Bek. nr. 301 § 7: the municipality sends the
 * account with the plan by the deadline its notice set; the deadline counts
 * as met on the day of submission.
 */
import { parseYearMonth } from '../core/calendar/year-month.js';
import { isFocusGoal, FOCUS_GOAL_LABELS } from '../core/domain/focus-goal.js';
import type { Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { CaseError } from './case-error.js';
import { today, type CaseSystem } from './case-system.js';
import { appendCaseEvent, caseIdOf } from './supervision-cases.js';

export interface RecoveryPlanSubmission {
  readonly municipality: number;
  /** The account: what went wrong and why, in the municipality's words. */
  readonly account: string;
  /** The plan: what the municipality will do. */
  readonly plan: string;
  readonly milestones: readonly {
    readonly goal: string;
    readonly month: string;
    readonly target: number;
  }[];
}

export interface SubmittedPlan {
  readonly accountId: number;
  readonly planId: number;
  readonly submittedOn: string;
}

export async function submitRecoveryPlan(
  system: Pick<CaseSystem, 'database' | 'now'>,
  actor: Actor,
  submission: RecoveryPlanSubmission,
): Promise<SubmittedPlan> {
  if (actor.role !== 'system' && actor.municipalityCode !== submission.municipality)
    throw new CaseError(
      'forbidden',
      'Kun kommunen selv kan indsende sin redegørelse og genopretningsplan.',
      'forbidden',
    );
  if (submission.account.trim() === '' || submission.plan.trim() === '')
    throw new CaseError('invalid', 'Redegørelsen og planen skal begge udfyldes.', 'invalid');
  if (submission.milestones.length === 0)
    throw new CaseError('invalid', 'Planen skal have mindst én milepæl.', 'invalid');
  for (const [index, milestone] of submission.milestones.entries()) {
    const where = `Milepæl ${String(index + 1)}`;
    if (!isFocusGoal(milestone.goal))
      throw new CaseError('invalid', `${where}: ukendt fokusmål "${milestone.goal}".`, 'invalid');
    if (parseYearMonth(milestone.month) === undefined)
      throw new CaseError('invalid', `${where}: måneden skal have formen ÅÅÅÅ-MM.`, 'invalid');
    if (!(milestone.target >= 0 && milestone.target <= 100))
      throw new CaseError(
        'invalid',
        `${where}: andelen passive skal være mellem 0 og 100 %.`,
        'invalid',
      );
  }
  const submittedOn = today(system);
  return system.database.transaction().execute(async (database) => {
    const caseId = await caseIdOf(database, submission.municipality);
    const account = await database
      .insertInto('accounts')
      .values({
        case_id: caseId,
        municipality_code: submission.municipality,
        submitted_on: submittedOn,
        summary: submission.account.trim(),
        submitted_by: actor.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const plan = await database
      .insertInto('recovery_plans')
      .values({
        case_id: caseId,
        municipality_code: submission.municipality,
        account_id: account.id,
        submitted_on: submittedOn,
        description: submission.plan.trim(),
        submitted_by: actor.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database
      .insertInto('recovery_plan_milestones')
      .values(
        submission.milestones.map((milestone) => ({
          recovery_plan_id: plan.id,
          goal: milestone.goal,
          month: milestone.month,
          target_passive_share: milestone.target,
        })),
      )
      .execute();
    const open = await database
      .selectFrom('deadlines')
      .leftJoin('deadline_fulfilments', 'deadline_fulfilments.deadline_id', 'deadlines.id')
      .select('deadlines.id')
      .where('deadlines.municipality_code', '=', submission.municipality)
      .where('deadlines.kind', '=', 'account')
      .where('deadline_fulfilments.id', 'is', null)
      .orderBy('deadlines.due_date')
      .executeTakeFirst();
    if (open !== undefined)
      await database
        .insertInto('deadline_fulfilments')
        .values({
          deadline_id: open.id,
          fulfilled_on: submittedOn,
          note: 'Redegørelse og genopretningsplan indsendt',
          subject_table: 'recovery_plans',
          subject_id: plan.id,
          created_by: actor.userId ?? null,
        })
        .execute();
    const goals = [...new Set(submission.milestones.map((milestone) => milestone.goal))]
      .map((goal) => (isFocusGoal(goal) ? FOCUS_GOAL_LABELS[goal].toLowerCase() : goal))
      .join(' og ');
    await appendCaseEvent(database, actor, {
      caseId,
      kind: 'recovery_plan_submitted',
      eventDate: submittedOn,
      summary: `Redegørelse og genopretningsplan indsendt med ${String(submission.milestones.length)} milepæle (${goals}).`,
      subjectTable: 'recovery_plans',
      subjectId: plan.id,
    });
    await appendAudit(database, actor, {
      action: 'recovery_plan.submit',
      subjectTable: 'recovery_plans',
      subjectId: plan.id,
      municipalityCode: submission.municipality,
    });
    return { accountId: account.id, planId: plan.id, submittedOn };
  });
}
