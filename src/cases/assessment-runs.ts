/**
 * Assessment runs: the annual assessment of one year from a measurement
 * run, as a job, under the rule book (the core's `runAssessments`). Each
 * municipality is assessed from its case as the issued decisions of the
 * years before left it. The result is a draft until a ministry user approves
 * it; a decision that `requires_judgement` ("kræver vurdering") must be
 * resolved by the ministry with a reason before the run is issued.
 *
 * Issuing (`issue-run.ts`) records the decisions; they are never recomputed.
 * A later load or rule change makes a new run, and `differencesToIssued`
 * lists how it differs from the issued one.
 */
import type { Kysely } from 'kysely';
import { missingAssessmentInputs } from '../core/assessment/assessment-inputs.js';
import { NOT_SUPERVISED, type Baseline, type CaseState } from '../core/assessment/case-state.js';
import { notCorrected } from './corrections.js';
import type { ExpectedRate } from '../core/benchmark/expected-rates.js';
import { yearMonth, yearMonthOf } from '../core/calendar/year-month.js';
import { MinimumRequirementCounts } from '../core/administration/minimum-requirements.js';
import type { FocusGoal } from '../core/domain/focus-goal.js';
import {
  DECISION_KINDS,
  DECISION_LABELS,
  isSupervisionStatus,
  STATUS_AFTER,
  type RuleDecisionKind,
} from '../core/domain/supervision.js';
import { MonthlyAggregates } from '../core/focus-measures/monthly-aggregates.js';
import { possibleLetterInputs } from '../core/letters/letter-inputs-of.js';
import { runAssessments } from '../core/lifecycle/run-assessments.js';
import { rulesForAssessment } from '../core/rules/rules-in-force.js';
import { assessmentRatesOf } from '../inputs/read-official-figures.js';
import { municipalityNames } from '../pipeline/legal-inputs.js';
import { assessmentJson } from '../reports/assessment-json.js';
import type { AssessmentRunRow, DatabaseSchema, JsonValue } from '../storage/schema.js';
import { requireRole, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { CaseError } from './case-error.js';
import type { CaseSystem } from './case-system.js';
import { failRun, measurementRun, type StartedJob } from './measurement-runs.js';

type Db = Kysely<DatabaseSchema>;

export interface AssessmentRunRequest {
  readonly measurementRunId: number;
  /** The assessment year. */
  readonly year: number;
}

/** Queues the assessment of `year` from a finished measurement run. */
export async function startAssessmentRun(
  system: CaseSystem,
  actor: Actor,
  request: AssessmentRunRequest,
): Promise<StartedJob> {
  requireRole(actor, ['ministry'], 'At starte en vurderingskørsel');
  const { year, measurementRunId } = request;
  const measured = await measurementRun(system.database, measurementRunId);
  if (measured.status !== 'done')
    throw new CaseError(
      'measurement_not_done',
      `Målekørsel ${measurementRunId} er ikke færdig (status: ${measured.status}).`,
      'conflict',
    );
  if (!Number.isInteger(year) || measured.to_month < yearMonthOf(year, 12))
    throw new CaseError(
      'year_not_measured',
      `Målekørsel ${measurementRunId} dækker ${measured.from_month} – ${measured.to_month} og kan ikke vurdere ${year}: december ${year} er ikke målt.`,
    );
  const rules = rulesForAssessment(system.book, year);
  const run = await system.database.transaction().execute(async (transaction) => {
    const inserted = await transaction
      .insertInto('assessment_runs')
      .values({
        measurement_run_id: measurementRunId,
        year,
        rules_version: rules.version.id,
        inputs: JSON.stringify({
          measurementRunId,
          loadId: measured.load_id,
          measuredRulesVersion: measured.rules_version,
          expectedRates: 'benchmarkmodellen',
        }),
        created_by: actor.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(transaction, actor, {
      action: 'assessment_run.start',
      subjectTable: 'assessment_runs',
      subjectId: inserted.id,
      details: { measurementRunId, year },
    });
    return inserted;
  });
  const handle = system.jobs.enqueue(() => assess(system, actor, run.id, request));
  return { runId: run.id, finished: handle.finished };
}

async function assess(
  system: CaseSystem,
  actor: Actor,
  runId: number,
  request: AssessmentRunRequest,
): Promise<void> {
  const { database, book } = system;
  const { year, measurementRunId } = request;
  try {
    await database
      .updateTable('assessment_runs')
      .set({
        status: 'running',
        started_at: system.now(),
        progress: 0.1,
        progress_text: 'Læser målene',
      })
      .where('id', '=', runId)
      .execute();
    const names = await municipalityNames();
    const inputs = {
      municipalities: names.codes,
      aggregates: await aggregatesOf(database, measurementRunId),
      rates: assessmentRatesOf(await expectedRatesOf(database, measurementRunId)),
      minimumRequirements: await minimumRequirementCountsOf(database, measurementRunId),
    };
    const missing = missingAssessmentInputs(book, inputs, year);
    if (missing.length > 0) {
      const first = missing[0];
      throw new CaseError(
        'assessment_inputs_missing',
        `Målekørsel ${measurementRunId} mangler ${missing.length} tal til vurderingen af ${year}` +
          (first === undefined
            ? '.'
            : `, fx ${first.kind === 'focus_measures' ? `fokusmål for kommune ${first.municipality} (${first.goal}, ${first.months.join(', ')})` : `ydelsesandele for kommune ${'municipality' in first ? first.municipality : ''} ${first.year}`}.`),
      );
    }
    const before = await statesBefore(database, year);
    await database
      .updateTable('assessment_runs')
      .set({ progress: 0.5, progress_text: 'Vurderer' })
      .where('id', '=', runId)
      .execute();
    const history = runAssessments(book, year, year, inputs, before.states);
    const document = assessmentJson(history, names.plainNameOf);
    const assessed = history.years[0];
    if (assessed === undefined) throw new Error(`No assessment of ${year}`);
    const entries = jsonYearMunicipalities(document);
    await database.transaction().execute(async (transaction) => {
      for (const [index, entry] of assessed.municipalities.entries()) {
        const details: Record<string, JsonValue> = {
          ...entries[index],
          stateBefore: stateJson(entry.before),
        };
        await transaction
          .insertInto('run_decisions')
          .values({
            assessment_run_id: runId,
            municipality_code: entry.municipality,
            year,
            decision: entry.decision.kind,
            status_before: entry.before.status,
            status_after: entry.decision.kind === 'requires_judgement' ? null : entry.after.status,
            legal_basis: JSON.stringify(
              (details['decision'] as { legalBasis?: JsonValue } | undefined)?.legalBasis ?? null,
            ),
            details: JSON.stringify({ ...details, stateAfter: stateJson(entry.after) }),
            letter_inputs: lettersJson(
              possibleLetterInputs({
                year: assessed,
                entry,
                municipality: {
                  code: entry.municipality,
                  name: names.plainNameOf(entry.municipality),
                },
              }),
            ),
          })
          .execute();
      }
      await transaction
        .updateTable('assessment_runs')
        .set({
          status: 'draft',
          progress: 1,
          progress_text: 'Kladde',
          finished_at: system.now(),
          results: JSON.stringify({ ...document, basedOnDecisionId: before.lastDecisionId }),
        })
        .where('id', '=', runId)
        .execute();
      await appendAudit(transaction, actor, {
        action: 'assessment_run.draft',
        subjectTable: 'assessment_runs',
        subjectId: runId,
        details: { year, municipalities: assessed.municipalities.length },
      });
    });
  } catch (error) {
    await failRun(system, actor, 'assessment_runs', runId, error);
  }
}

/** The letter inputs of a run decision as JSON text, or null when it has none. */
function lettersJson(letters: Readonly<Record<string, unknown>>): string | null {
  return Object.keys(letters).length === 0 ? null : JSON.stringify(letters);
}

function jsonYearMunicipalities(document: Record<string, unknown>): Record<string, JsonValue>[] {
  const years = document['years'] as readonly { municipalities: unknown[] }[];
  return JSON.parse(JSON.stringify(years[0]?.municipalities ?? [])) as Record<string, JsonValue>[];
}

/** A case state as JSON (undefined figures as null). */
export function stateJson(state: CaseState): JsonValue {
  return {
    status: state.status,
    selectedYear: state.selectedYear ?? null,
    baseline: {
      offers: state.baseline.offers ?? null,
      conversations: state.baseline.conversations ?? null,
    },
  };
}

/** A case state read back from JSON. */
export function stateOf(value: unknown): CaseState {
  const record = (value ?? {}) as {
    status?: string;
    selectedYear?: number | null;
    baseline?: Partial<Record<FocusGoal, number | null>>;
  };
  const status = record.status ?? 'none';
  if (!isSupervisionStatus(status) || status === 'none') return NOT_SUPERVISED;
  const baseline: Baseline = {
    offers: record.baseline?.offers ?? undefined,
    conversations: record.baseline?.conversations ?? undefined,
  };
  return { status, selectedYear: record.selectedYear ?? undefined, baseline };
}

/**
 * Each municipality's case before the assessment of `year`: the state its
 * last issued decision of an earlier year left (corrections win), and the
 * id of the newest decision, so that issuing can tell whether it changed.
 * A status imported from the time before the system (`tilsyn cases
 * import`) that began before 1 April of `year + 1`, when the assessment of
 * `year` is decided, is the starting state; an issued decision overrides it.
 */
export async function statesBefore(
  database: Db,
  year: number,
): Promise<{ states: Map<number, CaseState>; lastDecisionId: number }> {
  const states = new Map<number, CaseState>();
  const imported = await database
    .selectFrom('imported_statuses as imported')
    .select([
      'imported.municipality_code',
      'imported.status',
      'imported.selected_year',
      'imported.baseline_offers',
      'imported.baseline_conversations',
    ])
    .where('imported.from_date', '<', `${year + 1}-04-01`)
    .where(notCorrected('imported_statuses', 'imported'))
    .orderBy('imported.id')
    .execute();
  for (const row of imported) {
    states.set(
      row.municipality_code,
      row.status === 'none'
        ? NOT_SUPERVISED
        : {
            status: row.status,
            selectedYear: row.selected_year ?? undefined,
            baseline: {
              offers: row.baseline_offers ?? undefined,
              conversations: row.baseline_conversations ?? undefined,
            },
          },
    );
  }
  const rows = await effectiveDecisions(database)
    .select(['decision.municipality_code', 'decision.details', 'decision.year'])
    .where('decision.year', '<', year)
    .orderBy('decision.year')
    .orderBy('decision.id')
    .execute();
  for (const row of rows) {
    states.set(
      row.municipality_code,
      stateOf((row.details as { stateAfter?: unknown } | null)?.stateAfter),
    );
  }
  const newest = await database
    .selectFrom('decisions')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return { states, lastDecisionId: newest?.id ?? 0 };
}

/** Issued decisions not corrected by a later one. */
export function effectiveDecisions(database: Db) {
  return database
    .selectFrom('decisions as decision')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('decisions as correction')
            .select('correction.id')
            .whereRef('correction.corrects_id', '=', 'decision.id'),
        ),
      ),
    );
}

async function aggregatesOf(database: Db, runId: number): Promise<MonthlyAggregates> {
  const rows = await database
    .selectFrom('measured_focus_measures')
    .select(['municipality_code', 'month', 'goal', 'scope', 'target', 'passive'])
    .where('measurement_run_id', '=', runId)
    .where('scope', '=', 'all')
    .execute();
  return new MonthlyAggregates(
    rows.map((row) => ({
      municipality: row.municipality_code,
      month: yearMonth(row.month),
      goal: row.goal as FocusGoal,
      scope: 'all',
      target: row.target,
      passive: row.passive,
    })),
  );
}

async function expectedRatesOf(database: Db, runId: number): Promise<ExpectedRate[]> {
  const rows = await database
    .selectFrom('benchmark_results')
    .select('details')
    .where('measurement_run_id', '=', runId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.details as unknown as ExpectedRate);
}

async function minimumRequirementCountsOf(
  database: Db,
  runId: number,
): Promise<MinimumRequirementCounts> {
  const rows = await database
    .selectFrom('measured_minimum_requirements')
    .select(['municipality_code', 'month', 'requirement', 'target', 'met'])
    .where('measurement_run_id', '=', runId)
    .execute();
  return new MinimumRequirementCounts(
    rows.map((row) => ({
      municipality: row.municipality_code,
      month: yearMonth(row.month),
      requirement: row.requirement as FocusGoal,
      target: row.target,
      met: row.met,
    })),
  );
}

/** An assessment run, or a clear refusal. */
export async function assessmentRun(database: Db, runId: number): Promise<AssessmentRunRow> {
  const row = await database
    .selectFrom('assessment_runs')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirst();
  if (row === undefined)
    throw new CaseError('no_such_run', `Vurderingskørsel ${runId} findes ikke.`, 'not_found');
  return row;
}

/** Every assessment run, newest first, without the results document. */
export async function listAssessmentRuns(database: Db) {
  return database
    .selectFrom('assessment_runs')
    .select([
      'id',
      'measurement_run_id',
      'year',
      'rules_version',
      'status',
      'progress',
      'progress_text',
      'error',
      'created_at',
      'finished_at',
      'approved_at',
      'issued_at',
    ])
    .orderBy('id', 'desc')
    .execute();
}

/** A ministry user approves a draft. */
export async function approveRun(system: CaseSystem, actor: Actor, runId: number): Promise<void> {
  requireRole(actor, ['ministry'], 'At godkende en vurderingskørsel');
  await system.database.transaction().execute(async (transaction) => {
    const run = await assessmentRun(transaction, runId);
    if (run.status !== 'draft')
      throw new CaseError(
        'run_not_draft',
        `Vurderingskørsel ${runId} kan ikke godkendes: den er ${STATUS_LABELS[run.status]}.`,
        'conflict',
      );
    await transaction
      .updateTable('assessment_runs')
      .set({ status: 'approved', approved_by: actor.userId ?? null, approved_at: system.now() })
      .where('id', '=', runId)
      .where('status', '=', 'draft')
      .execute();
    await appendAudit(transaction, actor, {
      action: 'assessment_run.approve',
      subjectTable: 'assessment_runs',
      subjectId: runId,
    });
  });
}

export const STATUS_LABELS: Readonly<Record<AssessmentRunRow['status'], string>> = {
  queued: 'i kø',
  running: 'i gang',
  failed: 'fejlet',
  draft: 'en kladde',
  approved: 'godkendt',
  issued: 'udstedt',
};

export interface JudgementRequest {
  readonly runId: number;
  readonly municipality: number;
  /** The decision the ministry takes. */
  readonly decision: string;
  /** Why (required). */
  readonly reason: string;
}

/**
 * The ministry resolves a `requires_judgement` decision of a draft or
 * approved run: one of the decisions the assessment named as possible, and
 * why. A new resolution corrects an earlier one.
 */
export async function resolveJudgement(
  system: CaseSystem,
  actor: Actor,
  request: JudgementRequest,
): Promise<number> {
  requireRole(actor, ['ministry'], 'At træffe en afgørelse, der kræver vurdering');
  const reason = request.reason.trim();
  if (reason === '')
    throw new CaseError('reason_required', 'En afgørelse, der kræver vurdering, skal begrundes.');
  return system.database.transaction().execute(async (transaction) => {
    const run = await assessmentRun(transaction, request.runId);
    if (run.status !== 'draft' && run.status !== 'approved')
      throw new CaseError(
        'run_not_open',
        `Vurderingskørsel ${request.runId} er ${STATUS_LABELS[run.status]}; kun en kladde eller en godkendt kørsel kan få en vurdering.`,
        'conflict',
      );
    const runDecision = await transaction
      .selectFrom('run_decisions')
      .selectAll()
      .where('assessment_run_id', '=', request.runId)
      .where('municipality_code', '=', request.municipality)
      .executeTakeFirst();
    if (runDecision === undefined)
      throw new CaseError(
        'no_such_decision',
        `Kommune ${request.municipality} er ikke i vurderingskørsel ${request.runId}.`,
        'not_found',
      );
    if (runDecision.decision !== 'requires_judgement')
      throw new CaseError(
        'no_judgement_needed',
        `Afgørelsen for kommune ${request.municipality} kræver ikke vurdering (${runDecision.decision}).`,
        'conflict',
      );
    const possible = possibleDecisions(runDecision.details);
    if (!possible.includes(request.decision as RuleDecisionKind))
      throw new CaseError(
        'decision_not_possible',
        `Afgørelsen "${request.decision}" er ikke mulig her; mulige afgørelser: ${possible.map((kind) => `${kind} (${DECISION_LABELS[kind]})`).join(', ')}.`,
      );
    const previous = await transaction
      .selectFrom('judgement_resolutions as resolution')
      .select('resolution.id')
      .where('resolution.run_decision_id', '=', runDecision.id)
      .orderBy('resolution.id', 'desc')
      .executeTakeFirst();
    const inserted = await transaction
      .insertInto('judgement_resolutions')
      .values({
        run_decision_id: runDecision.id,
        decision: request.decision,
        reason,
        resolved_by: actor.userId ?? null,
        corrects_id: previous?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(transaction, actor, {
      action: 'assessment_run.resolve_judgement',
      subjectTable: 'judgement_resolutions',
      subjectId: inserted.id,
      municipalityCode: request.municipality,
      reason,
      details: { runId: request.runId, decision: request.decision },
    });
    return inserted.id;
  });
}

/** The decisions a `requires_judgement` assessment names as possible. */
export function possibleDecisions(details: JsonValue): RuleDecisionKind[] {
  const reasons = (details as { decision?: { reasons?: { code?: string; possible?: unknown }[] } })
    .decision?.reasons;
  const judgement = reasons?.find((reason) => reason.code === 'requires_judgement');
  const possible = Array.isArray(judgement?.possible) ? (judgement.possible as unknown[]) : [];
  return possible.filter(
    (kind): kind is RuleDecisionKind =>
      typeof kind === 'string' &&
      kind !== 'requires_judgement' &&
      (DECISION_KINDS as readonly string[]).includes(kind),
  );
}

/** The case a resolved judgement leaves: as the rules would for that decision. */
export function stateAfterResolution(
  kind: RuleDecisionKind,
  year: number,
  before: CaseState,
  details: JsonValue,
): CaseState {
  const status = STATUS_AFTER[kind];
  if (status === 'none') return NOT_SUPERVISED;
  if (kind === 'selected') {
    const goals = (details as { focusGoals?: Record<FocusGoal, { measure?: number | null }> })
      .focusGoals;
    return {
      status,
      selectedYear: year,
      baseline: {
        offers: goals?.offers.measure ?? undefined,
        conversations: goals?.conversations.measure ?? undefined,
      },
    };
  }
  return { ...before, status };
}

export interface DecisionDifference {
  readonly municipality: number;
  readonly issued: DecisionSummary;
  readonly run: DecisionSummary;
  /** What differs: `decision`, `status`, `offers`, `conversations`, `result_goal`. */
  readonly changes: readonly string[];
}

export interface DecisionSummary {
  readonly decision: string;
  readonly statusAfter: string | null;
  readonly offers: number | null;
  readonly conversations: number | null;
  readonly resultGoalDifference: number | null;
}

export interface DifferencesToIssued {
  readonly runId: number;
  readonly year: number;
  /** The issued run of the same year compared with, when there is one. */
  readonly issuedRunId: number | undefined;
  readonly differences: readonly DecisionDifference[];
}

/**
 * How a run differs from the run issued for the same year: per
 * municipality, another decision, another status, or other figures (focus
 * measures, the result goal's difference). Empty when nothing was issued.
 */
export async function differencesToIssued(
  database: Db,
  runId: number,
): Promise<DifferencesToIssued> {
  const run = await assessmentRun(database, runId);
  const issued = await database
    .selectFrom('assessment_runs')
    .select('id')
    .where('year', '=', run.year)
    .where('status', '=', 'issued')
    .where('id', '<>', runId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (issued === undefined)
    return { runId, year: run.year, issuedRunId: undefined, differences: [] };
  const summaries = async (id: number) => {
    const rows = await database
      .selectFrom('run_decisions')
      .select(['municipality_code', 'decision', 'status_after', 'details'])
      .where('assessment_run_id', '=', id)
      .execute();
    return new Map(rows.map((row) => [row.municipality_code, summaryOf(row)]));
  };
  const before = await summaries(issued.id);
  const now = await summaries(runId);
  // The issued side is what was issued: resolved judgements count as decided.
  for (const row of await issuedDecisionsOfRun(database, issued.id)) {
    const summary = before.get(row.municipality_code);
    if (summary)
      before.set(row.municipality_code, {
        ...summary,
        decision: row.decision,
        statusAfter: row.status_after,
      });
  }
  const differences: DecisionDifference[] = [];
  for (const [municipality, current] of now) {
    const old = before.get(municipality);
    if (old === undefined) continue;
    const changes: string[] = [];
    if (old.decision !== current.decision) changes.push('decision');
    if (old.statusAfter !== current.statusAfter) changes.push('status');
    if (!same(old.offers, current.offers)) changes.push('offers');
    if (!same(old.conversations, current.conversations)) changes.push('conversations');
    if (!same(old.resultGoalDifference, current.resultGoalDifference)) changes.push('result_goal');
    if (changes.length > 0) differences.push({ municipality, issued: old, run: current, changes });
  }
  differences.sort((a, b) => a.municipality - b.municipality);
  return { runId, year: run.year, issuedRunId: issued.id, differences };
}

async function issuedDecisionsOfRun(database: Db, runId: number) {
  return effectiveDecisions(database)
    .select(['decision.municipality_code', 'decision.decision', 'decision.status_after'])
    .where('decision.assessment_run_id', '=', runId)
    .execute();
}

const TOLERANCE = 1e-9;

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= TOLERANCE;
}

function summaryOf(row: {
  decision: string;
  status_after: string | null;
  details: JsonValue;
}): DecisionSummary {
  const details = row.details as {
    focusGoals?: Record<FocusGoal, { measure?: number | null }>;
    resultGoal?: { differencePoints?: number | null };
  };
  return {
    decision: row.decision,
    statusAfter: row.status_after,
    offers: details.focusGoals?.offers.measure ?? null,
    conversations: details.focusGoals?.conversations.measure ?? null,
    resultGoalDifference: details.resultGoal?.differencePoints ?? null,
  };
}

/** Starts an assessment run and waits for it (the CLI's way): the run and its decisions by kind. */
export async function runAssessment(
  system: CaseSystem,
  actor: Actor,
  request: AssessmentRunRequest,
): Promise<{ run: AssessmentRunRow; decisions: Record<string, number> }> {
  const started = await startAssessmentRun(system, actor, request);
  await started.finished;
  const run = await assessmentRun(system.database, started.runId);
  const rows = await system.database
    .selectFrom('run_decisions')
    .select('decision')
    .where('assessment_run_id', '=', run.id)
    .execute();
  const decisions: Record<string, number> = {};
  for (const row of rows) decisions[row.decision] = (decisions[row.decision] ?? 0) + 1;
  return { run, decisions };
}
