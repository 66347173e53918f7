/**
 * Issuing an approved assessment run: each municipality's decision is
 * recorded with its legal basis, its case moves to the new status, and —
 * for every decision but "omfattes ikke" (which gets no letter and sets no
 * deadline) — its notice is created with the send date (entered, or the day
 * of issue) and the deadlines that run from it (the core's
 * `decisionDeadlines`). All of it in one transaction; issued decisions are
 * never recomputed.
 *
 * A notice's real send date can be recorded later (`recordNoticeDate`): a
 * new notice corrects the old one, and new deadlines correct the old ones.
 */
import type { Kysely } from 'kysely';
import type { IsoDate } from '../core/calendar/iso-date.js';
import {
  DECISION_LABELS,
  SUPERVISION_STATUS_LABELS,
  type DecisionKind,
  type RuleDecisionKind,
} from '../core/domain/supervision.js';
import { decisionDeadlines } from '../core/lifecycle/decision-deadlines.js';
import { datedLetterInput } from '../core/letters/letter-inputs-of.js';
import type { LetterInput } from '../core/letters/letter-input.js';
import { rulesForAssessment } from '../core/rules/rules-in-force.js';
import { legalSourceJson } from '../reports/legal-source-json.js';
import type { DatabaseSchema, JsonValue } from '../storage/schema.js';
import { requireRole, type Actor } from './actor.js';
import {
  assessmentRun,
  STATUS_LABELS,
  stateAfterResolution,
  stateJson,
  stateOf,
  statesBefore,
} from './assessment-runs.js';
import { appendAudit } from './audit.js';
import { CaseError } from './case-error.js';
import { enteredDate, today, type CaseSystem } from './case-system.js';
import { currentLetterOf, storedInput, storeLetter } from './letters.js';
import { parseLetterInput } from '../inputs/read-letter-input.js';
import { appendCaseEvent, caseIdOf } from './supervision-cases.js';

type Db = Kysely<DatabaseSchema>;

export interface IssueRequest {
  readonly runId: number;
  /** The send date of every notice (default: the day of issue). */
  readonly sendDate?: string | undefined;
  /** Send dates of single municipalities' notices, overriding `sendDate`. */
  readonly sendDates?: Readonly<Record<number, string>> | undefined;
}

export interface IssueResult {
  readonly runId: number;
  readonly year: number;
  readonly decisions: number;
  readonly notices: number;
  readonly deadlines: number;
  /** The letters stored (none for a run computed before letters were stored). */
  readonly letters: number;
}

/**
 * The letter input the run computed for the decision issued, or `undefined`
 * for a run computed before letter inputs were stored with the run.
 */
function letterDraft(
  letterInputs: JsonValue | null,
  kind: RuleDecisionKind,
  runDecisionId: number,
): LetterInput | undefined {
  if (letterInputs === null || typeof letterInputs !== 'object' || Array.isArray(letterInputs))
    return undefined;
  const draft = (letterInputs as Readonly<Record<string, JsonValue>>)[kind];
  if (draft === undefined) return undefined;
  return parseLetterInput(JSON.stringify(draft), `run_decisions/${String(runDecisionId)}`);
}

export async function issueRun(
  system: CaseSystem,
  actor: Actor,
  request: IssueRequest,
): Promise<IssueResult> {
  requireRole(actor, ['ministry'], 'At udstede afgørelser');
  const issueDay = today(system);
  const defaultSendDate =
    request.sendDate === undefined ? issueDay : enteredDate(request.sendDate, 'Afsendelsesdatoen');
  const sendDates = new Map<number, IsoDate>(
    Object.entries(request.sendDates ?? {}).map(([code, date]) => [
      Number(code),
      enteredDate(date, `Afsendelsesdatoen for kommune ${code}`),
    ]),
  );
  return system.database.transaction().execute(async (transaction) => {
    const run = await assessmentRun(transaction, request.runId);
    if (run.status !== 'approved')
      throw new CaseError(
        'run_not_approved',
        `Vurderingskørsel ${run.id} kan ikke udstedes: den er ${STATUS_LABELS[run.status]}` +
          (run.status === 'draft' ? ' og skal først godkendes.' : '.'),
        'conflict',
      );
    const alreadyIssued = await transaction
      .selectFrom('assessment_runs')
      .select('id')
      .where('year', '=', run.year)
      .where('status', '=', 'issued')
      .executeTakeFirst();
    if (alreadyIssued)
      throw new CaseError(
        'year_already_issued',
        `Afgørelserne for ${run.year} er allerede udstedt (kørsel ${alreadyIssued.id}); udstedte afgørelser genberegnes ikke. Se forskellene med differencesToIssued.`,
        'conflict',
      );
    const results = run.results as { basedOnDecisionId?: number } | null;
    const before = await statesBefore(transaction, run.year);
    if ((results?.basedOnDecisionId ?? 0) !== before.lastDecisionId)
      throw new CaseError(
        'run_outdated',
        `Vurderingskørsel ${run.id} bygger på afgørelser, der siden er ændret eller udstedt; start en ny vurderingskørsel.`,
        'conflict',
      );
    const runDecisions = await transaction
      .selectFrom('run_decisions')
      .selectAll()
      .where('assessment_run_id', '=', run.id)
      .orderBy('municipality_code')
      .execute();
    const resolutions = await latestResolutions(transaction, run.id);
    const unresolved = runDecisions.filter(
      (row) => row.decision === 'requires_judgement' && !resolutions.has(row.id),
    );
    if (unresolved.length > 0)
      throw new CaseError(
        'judgement_unresolved',
        `Vurderingskørsel ${run.id} kan ikke udstedes: ${unresolved.length} ${unresolved.length === 1 ? 'afgørelse kræver' : 'afgørelser kræver'} vurdering (kommune ${unresolved.map((row) => row.municipality_code).join(', ')}); ministeriet skal træffe og begrunde dem først.`,
        'conflict',
      );
    const rules = rulesForAssessment(system.book, run.year);
    let notices = 0;
    let deadlines = 0;
    let letters = 0;
    for (const row of runDecisions) {
      const resolution = resolutions.get(row.id);
      const kind = (resolution?.decision ?? row.decision) as RuleDecisionKind;
      const stateBefore = stateOf((row.details as { stateBefore?: unknown }).stateBefore);
      const stateAfter =
        resolution === undefined
          ? stateOf((row.details as { stateAfter?: unknown }).stateAfter)
          : stateAfterResolution(kind, run.year, stateBefore, row.details);
      const caseId = await caseIdOf(transaction, row.municipality_code);
      const details = {
        ...(row.details as Record<string, JsonValue>),
        stateAfter: stateJson(stateAfter),
        ...(resolution === undefined
          ? {}
          : { resolvedFrom: 'requires_judgement', resolutionId: resolution.id }),
      };
      const decision = await transaction
        .insertInto('decisions')
        .values({
          case_id: caseId,
          municipality_code: row.municipality_code,
          assessment_run_id: run.id,
          run_decision_id: row.id,
          year: run.year,
          decision: kind,
          status_before: row.status_before,
          status_after: stateAfter.status,
          legal_basis: JSON.stringify(row.legal_basis),
          judgement_reason: resolution?.reason ?? null,
          details: JSON.stringify(details),
          issued_by: actor.userId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendCaseEvent(transaction, actor, {
        caseId,
        kind: 'decision_issued',
        eventDate: issueDay,
        statusAfter: stateAfter.status,
        summary: `Afgørelse for ${run.year}: ${DECISION_LABELS[kind]} (${SUPERVISION_STATUS_LABELS[stateAfter.status]})${resolution === undefined ? '' : ` — truffet efter vurdering: ${resolution.reason}`}`,
        subjectTable: 'decisions',
        subjectId: decision.id,
      });
      if (kind === 'stays_out') continue;
      const sendDate = sendDates.get(row.municipality_code) ?? defaultSendDate;
      const made = await createNotice(transaction, actor, {
        decisionId: decision.id,
        caseId,
        municipality: row.municipality_code,
        kind,
        year: run.year,
        sendDate,
        rules,
      });
      notices += 1;
      deadlines += made.deadlines;
      const draft = letterDraft(row.letter_inputs, kind, row.id);
      if (draft !== undefined) {
        await storeLetter(transaction, actor, {
          caseId,
          municipality: row.municipality_code,
          decisionId: decision.id,
          noticeId: made.noticeId,
          input: datedLetterInput(draft, sendDate, rules, resolution?.reason),
        });
        letters += 1;
      }
    }
    await transaction
      .updateTable('assessment_runs')
      .set({ status: 'issued', issued_by: actor.userId ?? null, issued_at: system.now() })
      .where('id', '=', run.id)
      .where('status', '=', 'approved')
      .execute();
    await appendAudit(transaction, actor, {
      action: 'assessment_run.issue',
      subjectTable: 'assessment_runs',
      subjectId: run.id,
      details: { year: run.year, decisions: runDecisions.length, notices, deadlines, letters },
    });
    return {
      runId: run.id,
      year: run.year,
      decisions: runDecisions.length,
      notices,
      deadlines,
      letters,
    };
  });
}

async function latestResolutions(database: Db, runId: number) {
  const rows = await database
    .selectFrom('judgement_resolutions as resolution')
    .innerJoin('run_decisions as decision', 'decision.id', 'resolution.run_decision_id')
    .select([
      'resolution.id',
      'resolution.run_decision_id',
      'resolution.decision',
      'resolution.reason',
    ])
    .where('decision.assessment_run_id', '=', runId)
    .orderBy('resolution.id')
    .execute();
  return new Map(rows.map((row) => [row.run_decision_id, row]));
}

interface NoticeInput {
  readonly decisionId: number;
  readonly caseId: number;
  readonly municipality: number;
  readonly kind: Exclude<DecisionKind, 'requires_judgement'>;
  readonly year: number;
  readonly sendDate: IsoDate;
  readonly rules: ReturnType<typeof rulesForAssessment>;
  readonly corrects?: { readonly noticeId: number; readonly deadlines: Map<string, number> };
}

async function createNotice(
  database: Db,
  actor: Actor,
  input: NoticeInput,
): Promise<{ noticeId: number; deadlines: number }> {
  const notice = await database
    .insertInto('notices')
    .values({
      decision_id: input.decisionId,
      case_id: input.caseId,
      municipality_code: input.municipality,
      send_date: input.sendDate,
      created_by: actor.userId ?? null,
      corrects_id: input.corrects?.noticeId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dates = decisionDeadlines({
    decision: input.kind,
    year: input.year,
    rules: input.rules,
    noticeDate: input.sendDate,
  });
  for (const deadline of dates) {
    const inserted = await database
      .insertInto('deadlines')
      .values({
        notice_id: notice.id,
        decision_id: input.decisionId,
        case_id: input.caseId,
        municipality_code: input.municipality,
        kind: deadline.kind,
        due_date: deadline.date,
        legal_basis: JSON.stringify(legalSourceJson(deadline.legalBasis)),
        corrects_id: input.corrects?.deadlines.get(deadline.kind) ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The notice deadline is met by the notice itself.
    if (deadline.kind === 'notice' && deadline.date >= input.sendDate) {
      await database
        .insertInto('deadline_fulfilments')
        .values({
          deadline_id: inserted.id,
          fulfilled_on: input.sendDate,
          note: 'Underretningen er sendt',
          subject_table: 'notices',
          subject_id: notice.id,
          created_by: actor.userId ?? null,
        })
        .execute();
    }
  }
  await appendCaseEvent(database, actor, {
    caseId: input.caseId,
    kind: input.corrects === undefined ? 'notice_sent' : 'notice_date_corrected',
    eventDate: input.sendDate,
    summary:
      input.corrects === undefined
        ? `Underretning om afgørelsen for ${input.year} sendt; ${dates.length} ${dates.length === 1 ? 'frist løber' : 'frister løber'} fra den`
        : `Underretningens afsendelsesdato rettet til ${input.sendDate}; fristerne er regnet om`,
    subjectTable: 'notices',
    subjectId: notice.id,
  });
  return { noticeId: notice.id, deadlines: dates.length };
}

/**
 * Records the real send date of a decision's notice: a new notice corrects
 * the current one, and its deadlines correct the old deadlines of the same
 * kind. The decision itself is not touched.
 */
export async function recordNoticeDate(
  system: CaseSystem,
  actor: Actor,
  request: { readonly decisionId: number; readonly sendDate: string },
): Promise<number> {
  requireRole(actor, ['ministry'], 'At registrere en underretnings afsendelsesdato');
  const sendDate = enteredDate(request.sendDate, 'Afsendelsesdatoen');
  return system.database.transaction().execute(async (transaction) => {
    const decision = await transaction
      .selectFrom('decisions')
      .selectAll()
      .where('id', '=', request.decisionId)
      .executeTakeFirst();
    if (decision === undefined)
      throw new CaseError(
        'no_such_decision',
        `Afgørelse ${request.decisionId} findes ikke.`,
        'not_found',
      );
    const current = await transaction
      .selectFrom('notices as notice')
      .select('notice.id')
      .where('notice.decision_id', '=', decision.id)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('notices as correction')
              .select('correction.id')
              .whereRef('correction.corrects_id', '=', 'notice.id'),
          ),
        ),
      )
      .executeTakeFirst();
    if (current === undefined)
      throw new CaseError(
        'no_notice',
        `Afgørelse ${decision.id} (${decision.decision}) har ingen underretning.`,
        'conflict',
      );
    const old = await transaction
      .selectFrom('deadlines')
      .select(['id', 'kind'])
      .where('notice_id', '=', current.id)
      .execute();
    const rules = rulesForAssessment(system.book, decision.year);
    const made = await createNotice(transaction, actor, {
      decisionId: decision.id,
      caseId: decision.case_id,
      municipality: decision.municipality_code,
      kind: decision.decision as Exclude<DecisionKind, 'requires_judgement'>,
      year: decision.year,
      sendDate,
      rules,
      corrects: { noticeId: current.id, deadlines: new Map(old.map((row) => [row.kind, row.id])) },
    });
    // The letter as sent is dated with the real send date: a new letter replaces the stored one.
    const letter = await currentLetterOf(transaction, { decisionId: decision.id });
    if (letter !== undefined)
      await storeLetter(transaction, actor, {
        caseId: decision.case_id,
        municipality: decision.municipality_code,
        decisionId: decision.id,
        noticeId: made.noticeId,
        input: datedLetterInput(storedInput(letter), sendDate, rules),
        correctsId: letter.id,
      });
    await appendAudit(transaction, actor, {
      action: 'notice.correct_send_date',
      subjectTable: 'notices',
      subjectId: made.noticeId,
      municipalityCode: decision.municipality_code,
      details: { corrects: current.id, sendDate },
    });
    return made.noticeId;
  });
}
