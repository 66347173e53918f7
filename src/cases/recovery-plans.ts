/**
 * The municipality's account (redegørelse) and recovery plan
 * (genopretningsplan) with its milestones — a target passive share per
 * focus goal and month — submitted by the municipality (or recorded by the
 * ministry for it). A new submission corrects the earlier one.
 *
 * The monthly measures of a municipality under supervision are compared
 * with its plan's milestones: a milestone is missed (a deviation) when the
 * focus measure of its month, the 12-month average, is above the milestone.
 */
import type { Kysely } from 'kysely';
import { parseYearMonth, yearMonth, type YearMonth } from '../core/calendar/year-month.js';
import { FOCUS_GOALS, FOCUS_GOAL_LABELS, type FocusGoal } from '../core/domain/focus-goal.js';
import { averagingWindow } from '../core/focus-measures/averaging-window.js';
import { focusMeasure } from '../core/focus-measures/focus-measure.js';
import { MonthlyAggregates } from '../core/focus-measures/monthly-aggregates.js';
import type { DatabaseSchema } from '../storage/schema.js';
import type { Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { requireScope } from './case-access.js';
import { CaseError } from './case-error.js';
import { enteredDate, type CaseSystem } from './case-system.js';
import { notCorrected } from './corrections.js';
import { appendCaseEvent, caseIdOf, currentStatus } from './supervision-cases.js';

type Db = Kysely<DatabaseSchema>;

export interface AccountSubmission {
  readonly municipality: number;
  readonly submittedOn: string;
  readonly summary: string;
  /** The account this one corrects. */
  readonly correctsId?: number | undefined;
}

/** Records the municipality's account; it meets the case's open account deadline. */
export async function submitAccount(
  system: CaseSystem,
  actor: Actor,
  input: AccountSubmission,
): Promise<number> {
  const { municipality } = input;
  await requireScope(actor, ['municipality', 'ministry'], municipality, 'At afgive en redegørelse');
  const submittedOn = enteredDate(input.submittedOn, 'Afgivelsesdatoen');
  const summary = input.summary.trim();
  if (summary === '') throw new CaseError('summary_required', 'Redegørelsen skal have et resumé.');
  return system.database.transaction().execute(async (transaction) => {
    await requireSupervised(transaction, municipality, 'afgive en redegørelse');
    const caseId = await caseIdOf(transaction, municipality);
    await requireCorrectable(transaction, 'accounts', input.correctsId, municipality);
    const decision = await latestDecision(transaction, municipality);
    const account = await transaction
      .insertInto('accounts')
      .values({
        case_id: caseId,
        municipality_code: municipality,
        decision_id: decision?.id ?? null,
        submitted_on: submittedOn,
        summary,
        submitted_by: actor.userId ?? null,
        corrects_id: input.correctsId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const open = await transaction
      .selectFrom('deadlines as deadline')
      .select('deadline.id')
      .where('deadline.case_id', '=', caseId)
      .where('deadline.kind', 'in', ['account', 'sample_review'])
      .where(notCorrected('deadlines', 'deadline'))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('deadline_fulfilments as fulfilment')
              .select('fulfilment.id')
              .whereRef('fulfilment.deadline_id', '=', 'deadline.id'),
          ),
        ),
      )
      .execute();
    for (const deadline of open) {
      await transaction
        .insertInto('deadline_fulfilments')
        .values({
          deadline_id: deadline.id,
          fulfilled_on: submittedOn,
          note: 'Redegørelsen er afgivet',
          subject_table: 'accounts',
          subject_id: account.id,
          created_by: actor.userId ?? null,
        })
        .execute();
    }
    await appendCaseEvent(transaction, actor, {
      caseId,
      kind: input.correctsId === undefined ? 'account_submitted' : 'account_corrected',
      eventDate: submittedOn,
      summary:
        input.correctsId === undefined
          ? 'Redegørelsen er afgivet'
          : `Redegørelsen er rettet (erstatter redegørelse ${input.correctsId})`,
      subjectTable: 'accounts',
      subjectId: account.id,
    });
    await appendAudit(transaction, actor, {
      action: 'account.submit',
      subjectTable: 'accounts',
      subjectId: account.id,
      municipalityCode: municipality,
      details: { submittedOn, corrects: input.correctsId ?? null },
    });
    return account.id;
  });
}

export interface MilestoneInput {
  readonly goal: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** The target passive share in percent (the focus measure's unit). */
  readonly targetPassiveShare: number;
}

export interface RecoveryPlanSubmission {
  readonly municipality: number;
  readonly submittedOn: string;
  readonly description: string;
  readonly accountId?: number | undefined;
  readonly milestones: readonly MilestoneInput[];
  readonly correctsId?: number | undefined;
}

/** Records the recovery plan and its milestones. */
export async function submitRecoveryPlan(
  system: CaseSystem,
  actor: Actor,
  input: RecoveryPlanSubmission,
): Promise<number> {
  const { municipality } = input;
  await requireScope(
    actor,
    ['municipality', 'ministry'],
    municipality,
    'At afgive en genopretningsplan',
  );
  const submittedOn = enteredDate(input.submittedOn, 'Afgivelsesdatoen');
  const milestones = checkedMilestones(input.milestones);
  const description = input.description.trim();
  if (description === '')
    throw new CaseError('description_required', 'Genopretningsplanen skal have en beskrivelse.');
  return system.database.transaction().execute(async (transaction) => {
    await requireSupervised(transaction, municipality, 'afgive en genopretningsplan');
    const caseId = await caseIdOf(transaction, municipality);
    await requireCorrectable(transaction, 'recovery_plans', input.correctsId, municipality);
    if (input.accountId !== undefined) {
      const account = await transaction
        .selectFrom('accounts')
        .select('municipality_code')
        .where('id', '=', input.accountId)
        .executeTakeFirst();
      if (account?.municipality_code !== municipality)
        throw new CaseError(
          'no_such_account',
          `Redegørelse ${input.accountId} findes ikke for kommune ${municipality}.`,
          'not_found',
        );
    }
    const plan = await transaction
      .insertInto('recovery_plans')
      .values({
        case_id: caseId,
        municipality_code: municipality,
        account_id: input.accountId ?? null,
        submitted_on: submittedOn,
        description,
        submitted_by: actor.userId ?? null,
        corrects_id: input.correctsId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await transaction
      .insertInto('recovery_plan_milestones')
      .values(
        milestones.map((milestone) => ({
          recovery_plan_id: plan.id,
          goal: milestone.goal,
          month: milestone.month,
          target_passive_share: milestone.targetPassiveShare,
        })),
      )
      .execute();
    await appendCaseEvent(transaction, actor, {
      caseId,
      kind: input.correctsId === undefined ? 'recovery_plan_submitted' : 'recovery_plan_corrected',
      eventDate: submittedOn,
      summary: `Genopretningsplan afgivet med ${milestones.length} milepæle${input.correctsId === undefined ? '' : ` (erstatter plan ${input.correctsId})`}`,
      subjectTable: 'recovery_plans',
      subjectId: plan.id,
    });
    await appendAudit(transaction, actor, {
      action: 'recovery_plan.submit',
      subjectTable: 'recovery_plans',
      subjectId: plan.id,
      municipalityCode: municipality,
      details: { milestones: milestones.length, corrects: input.correctsId ?? null },
    });
    return plan.id;
  });
}

interface Milestone {
  readonly goal: FocusGoal;
  readonly month: YearMonth;
  readonly targetPassiveShare: number;
}

function checkedMilestones(milestones: readonly MilestoneInput[]): Milestone[] {
  if (milestones.length === 0)
    throw new CaseError('milestones_required', 'Genopretningsplanen skal have mindst én milepæl.');
  const seen = new Set<string>();
  return milestones.map((milestone, index) => {
    const where = `Milepæl ${index + 1}`;
    if (!(FOCUS_GOALS as readonly string[]).includes(milestone.goal))
      throw new CaseError(
        'bad_goal',
        `${where}: fokusmålet skal være ${FOCUS_GOALS.join(' eller ')}, ikke "${milestone.goal}".`,
      );
    const month = parseYearMonth(milestone.month);
    if (month === undefined)
      throw new CaseError(
        'bad_month',
        `${where}: måneden skal skrives ÅÅÅÅ-MM, ikke "${milestone.month}".`,
      );
    const share = milestone.targetPassiveShare;
    if (!Number.isFinite(share) || share < 0 || share > 100)
      throw new CaseError(
        'bad_share',
        `${where}: den passive andel skal være en procent mellem 0 og 100, ikke ${share}.`,
      );
    const key = `${milestone.goal} ${month}`;
    if (seen.has(key))
      throw new CaseError('duplicate_milestone', `${where}: ${key} er angivet to gange.`);
    seen.add(key);
    return { goal: milestone.goal as FocusGoal, month, targetPassiveShare: share };
  });
}

async function requireSupervised(database: Db, municipality: number, what: string): Promise<void> {
  const status = await currentStatus(database, municipality);
  if (status === 'none')
    throw new CaseError(
      'not_supervised',
      `Kommune ${municipality} er ikke under skærpet tilsyn og kan ikke ${what}.`,
      'conflict',
    );
}

async function requireCorrectable(
  database: Db,
  table: 'accounts' | 'recovery_plans',
  correctsId: number | undefined,
  municipality: number,
): Promise<void> {
  if (correctsId === undefined) return;
  const row = await database
    .selectFrom(table)
    .select('municipality_code')
    .where('id', '=', correctsId)
    .executeTakeFirst();
  if (row?.municipality_code !== municipality)
    throw new CaseError(
      'no_such_record',
      `Der er ingen ${table === 'accounts' ? 'redegørelse' : 'genopretningsplan'} ${correctsId} for kommune ${municipality} at rette.`,
      'not_found',
    );
}

async function latestDecision(database: Db, municipality: number) {
  return database
    .selectFrom('decisions as decision')
    .select(['decision.id', 'decision.year', 'decision.decision'])
    .where('decision.municipality_code', '=', municipality)
    .where(notCorrected('decisions', 'decision'))
    .orderBy('decision.year', 'desc')
    .orderBy('decision.id', 'desc')
    .executeTakeFirst();
}

export interface RecoveryPlan {
  readonly id: number;
  readonly municipality: number;
  readonly accountId: number | null;
  readonly submittedOn: string;
  readonly description: string;
  readonly correctsId: number | null;
  readonly milestones: readonly Milestone[];
}

/** The municipality's current recovery plan (the last, uncorrected one), if any. */
export async function currentRecoveryPlan(
  database: Db,
  municipality: number,
): Promise<RecoveryPlan | undefined> {
  const plan = await database
    .selectFrom('recovery_plans as plan')
    .selectAll('plan')
    .where('plan.municipality_code', '=', municipality)
    .where(notCorrected('recovery_plans', 'plan'))
    .orderBy('plan.id', 'desc')
    .executeTakeFirst();
  if (plan === undefined) return undefined;
  const milestones = await database
    .selectFrom('recovery_plan_milestones')
    .select(['goal', 'month', 'target_passive_share'])
    .where('recovery_plan_id', '=', plan.id)
    .orderBy('month')
    .orderBy('goal')
    .execute();
  return {
    id: plan.id,
    municipality,
    accountId: plan.account_id,
    submittedOn: plan.submitted_on,
    description: plan.description,
    correctsId: plan.corrects_id,
    milestones: milestones.map((row) => ({
      goal: row.goal as FocusGoal,
      month: yearMonth(row.month),
      targetPassiveShare: row.target_passive_share,
    })),
  };
}

export interface MilestoneCheck {
  readonly goal: FocusGoal;
  readonly goalLabel: string;
  readonly month: YearMonth;
  readonly targetPassiveShare: number;
  /** The focus measure (12-month average) of the month; undefined when not measured yet. */
  readonly actual: number | undefined;
  /** The measurement run the actual figure comes from. */
  readonly measurementRunId: number | undefined;
  /** The actual figure is above the milestone. */
  readonly deviation: boolean;
}

/**
 * Each milestone of the municipality's current plan against the focus
 * measure of its month, from the newest finished measurement run that
 * covers the month; a deviation is flagged when the measure is above the
 * milestone. Milestones of months not yet measured have no figure.
 */
export async function milestoneChecks(
  system: CaseSystem,
  municipality: number,
): Promise<MilestoneCheck[]> {
  const plan = await currentRecoveryPlan(system.database, municipality);
  if (plan === undefined) return [];
  const runs = await system.database
    .selectFrom('measurement_runs')
    .select(['id', 'from_month', 'to_month'])
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .execute();
  const aggregatesOfRun = new Map<number, MonthlyAggregates>();
  const checks: MilestoneCheck[] = [];
  for (const milestone of plan.milestones) {
    const window = averagingWindow(system.book, milestone.month);
    const first = window.counted[0] ?? milestone.month;
    const run = runs.find(
      (candidate) => candidate.from_month <= first && candidate.to_month >= milestone.month,
    );
    let actual: number | undefined;
    if (run !== undefined) {
      let aggregates = aggregatesOfRun.get(run.id);
      if (aggregates === undefined) {
        aggregates = await municipalityAggregates(system.database, run.id, municipality);
        aggregatesOfRun.set(run.id, aggregates);
      }
      actual = focusMeasure(
        system.book,
        aggregates,
        municipality,
        milestone.goal,
        milestone.month,
      ).value;
    }
    checks.push({
      ...milestone,
      goalLabel: FOCUS_GOAL_LABELS[milestone.goal],
      actual,
      measurementRunId: run?.id,
      deviation: actual !== undefined && actual > milestone.targetPassiveShare,
    });
  }
  return checks;
}

async function municipalityAggregates(
  database: Db,
  runId: number,
  municipality: number,
): Promise<MonthlyAggregates> {
  const rows = await database
    .selectFrom('measured_focus_measures')
    .select(['month', 'goal', 'target', 'passive'])
    .where('measurement_run_id', '=', runId)
    .where('municipality_code', '=', municipality)
    .where('scope', '=', 'all')
    .execute();
  return new MonthlyAggregates(
    rows.map((row) => ({
      municipality,
      month: yearMonth(row.month),
      goal: row.goal as FocusGoal,
      scope: 'all',
      target: row.target,
      passive: row.passive,
    })),
  );
}
