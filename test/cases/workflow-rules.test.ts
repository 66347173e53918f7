/**
 * The rules of the workflow that the whole-process test may not meet with
 * the synthetic data, on an assessment run written straight into the
 * database as the assessment job writes it: "kræver vurdering" resolved by
 * the ministry with a reason before issuing; the monthly minimum-requirement
 * check of a municipality under administration from the month the
 * requirements apply; case reviews with auditor assignment and one finding
 * per case.
 */
import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { resolveJudgement } from '../../src/cases/assessment-runs.js';
import { readAuditLog } from '../../src/cases/audit.js';
import {
  assignAuditor,
  recordCaseReview,
  recordFinding,
  reviewCases,
} from '../../src/cases/case-reviews.js';
import { caseSystem } from '../../src/cases/case-system.js';
import { issueRun } from '../../src/cases/issue-run.js';
import { minimumRequirementChecks } from '../../src/cases/minimum-requirement-checks.js';
import { currentStatus } from '../../src/cases/supervision-cases.js';
import { actorOf, addUser } from '../../src/cases/users.js';
import { isoDate } from '../../src/core/calendar/iso-date.js';
import { addMonths, yearMonth } from '../../src/core/calendar/year-month.js';
import { decisionDeadlines } from '../../src/core/lifecycle/decision-deadlines.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import { rulesForAssessment } from '../../src/core/rules/rules-in-force.js';
import { DATABASE_KINDS, useTestDatabase } from '../support/databases.js';

const SUPERVISED_2023 = {
  status: 'supervised',
  selectedYear: 2023,
  baseline: { offers: 31, conversations: 42 },
};

describe.each(DATABASE_KINDS)('the workflow rules (%s)', (kind) => {
  const test = useTestDatabase(kind);
  const system = () =>
    caseSystem({
      database: test.database,
      dataDirectory: '/nonexistent',
      now: () => new Date('2025-04-22T08:00:00Z'),
    });

  it('issues a run only when the ministry has resolved each "kræver vurdering" with a reason', async () => {
    const database = test.database;
    const run = await database
      .insertInto('assessment_runs')
      .values({
        year: 2024,
        rules_version: rulesForAssessment(OFFICIAL_RULES, 2024).version.id,
        inputs: JSON.stringify({ constructed: true }),
        status: 'approved',
        results: JSON.stringify({ basedOnDecisionId: 0 }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database
      .insertInto('run_decisions')
      .values([
        {
          assessment_run_id: run.id,
          municipality_code: 101,
          year: 2024,
          decision: 'requires_judgement',
          status_before: 'none',
          status_after: null,
          details: JSON.stringify({
            decision: {
              reasons: [{ code: 'requires_judgement', possible: ['selected', 'stays_out'] }],
            },
            focusGoals: { offers: { measure: 33.5 }, conversations: { measure: 41 } },
            stateBefore: { status: 'none' },
            stateAfter: { status: 'none' },
          }),
        },
        {
          assessment_run_id: run.id,
          municipality_code: 147,
          year: 2024,
          decision: 'administration',
          status_before: 'supervised',
          status_after: 'administration',
          details: JSON.stringify({
            stateBefore: SUPERVISED_2023,
            stateAfter: { ...SUPERVISED_2023, status: 'administration' },
          }),
        },
      ])
      .execute();
    const ministry = actorOf(
      await addUser(database, CLI_ACTOR, { username: 'tilsyn', role: 'ministry' }),
    );

    await expect(issueRun(system(), ministry, { runId: run.id })).rejects.toMatchObject({
      code: 'judgement_unresolved',
    });
    const resolve = (decision: string, reason: string) =>
      resolveJudgement(system(), ministry, { runId: run.id, municipality: 101, decision, reason });
    await expect(resolve('administration', 'x')).rejects.toMatchObject({
      code: 'decision_not_possible',
    });
    await expect(resolve('selected', '  ')).rejects.toMatchObject({ code: 'reason_required' });
    await resolve('stays_out', 'Første vurdering');
    await resolve('selected', 'Resultatmålet er klart overskredet; fokusmålene peger samme vej');

    const issued = await issueRun(system(), ministry, {
      runId: run.id,
      sendDates: { 147: '2025-04-25' },
    });
    expect(issued).toMatchObject({ decisions: 2, notices: 2 });
    const decisions = await database
      .selectFrom('decisions')
      .select(['municipality_code', 'decision', 'status_after', 'judgement_reason'])
      .orderBy('municipality_code')
      .execute();
    expect(decisions).toEqual([
      {
        municipality_code: 101,
        decision: 'selected',
        status_after: 'supervised',
        judgement_reason: 'Resultatmålet er klart overskredet; fokusmålene peger samme vej',
      },
      {
        municipality_code: 147,
        decision: 'administration',
        status_after: 'administration',
        judgement_reason: null,
      },
    ]);
    expect(await currentStatus(database, 101)).toBe('supervised');
    const audit = await readAuditLog(database, { subjectTable: 'judgement_resolutions' });
    expect(audit.map((entry) => entry.reason)).toEqual([
      'Resultatmålet er klart overskredet; fokusmålene peger samme vej',
      'Første vurdering',
    ]);
  });

  it('checks the minimum requirements every month from the month they apply, by the newest run', async () => {
    const database = test.database;
    const from = decisionDeadlines({
      decision: 'administration',
      year: 2024,
      rules: rulesForAssessment(OFFICIAL_RULES, 2024),
      noticeDate: isoDate('2025-04-25'),
    }).find((deadline) => deadline.kind === 'minimum_requirements_from')?.date;
    expect(from).toBeDefined();
    const firstMonth = (from ?? '').slice(0, 7);
    const measured = async (rows: readonly [string, number][]) => {
      const run = await database
        .insertInto('measurement_runs')
        .values({
          load_id: 'konstrueret',
          rules_version: 'v2023',
          from_month: '2025-01',
          to_month: '2025-12',
          status: 'done',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database
        .insertInto('measured_minimum_requirements')
        .values(
          rows.map(([month, met]) => ({
            measurement_run_id: run.id,
            municipality_code: 147,
            month,
            requirement: 'offers',
            target: 100,
            met,
            share: met,
            required: 70,
            fulfilled: met >= 70,
            legal_basis: JSON.stringify({ citation: 'bek. nr. 301 § 12' }),
          })),
        )
        .execute();
      return run.id;
    };
    // The month before the requirements apply is not checked.
    await measured([
      [addMonths(yearMonth(firstMonth), -1), 10],
      [firstMonth, 50],
    ]);
    const newer = await measured([[firstMonth, 80]]);
    const checks = await minimumRequirementChecks(system(), { municipality: 147 });
    expect(checks.map((check) => [check.month, check.fulfilled, check.measurementRunId])).toEqual([
      [firstMonth, true, newer],
    ]);
    expect(await minimumRequirementChecks(system(), { municipality: 101 })).toEqual([]);
  });

  it('lets only the assigned auditor record the one finding per case, corrected by a new one', async () => {
    const database = test.database;
    const ministry = actorOf(
      await addUser(database, CLI_ACTOR, { username: 'tilsyn2', role: 'ministry' }),
    );
    const auditor = actorOf(
      await addUser(database, ministry, { username: 'revisor', role: 'auditor' }),
    );
    const otherAuditor = actorOf(
      await addUser(database, ministry, { username: 'revisor2', role: 'auditor' }),
    );
    const review = {
      kind: 'passive_cases' as const,
      municipality: 147,
      drawnOn: '2024-12-31',
      description: 'Alle passive sager',
      cases: [
        { personKey: 'p-7f3a', details: { benefit: 'kontanthjaelp' } },
        { personKey: 'p-19c2', details: { benefit: 'dagpenge' } },
      ],
    };
    await expect(
      recordCaseReview(system(), ministry, {
        ...review,
        cases: [{ personKey: '0101701234', details: {} }],
      }),
    ).rejects.toMatchObject({ code: 'cpr_number' });
    const listId = await recordCaseReview(system(), ministry, review);
    await assignAuditor(system(), ministry, {
      kind: 'passive_cases',
      reviewId: listId,
      auditorUsername: 'revisor',
    });
    const [first] = await reviewCases(system(), ministry, 'passive_cases', listId);
    const caseId = first?.id ?? -1;
    await expect(
      recordFinding(system(), otherAuditor, {
        kind: 'passive_cases',
        caseId,
        finding: 'x',
      }),
    ).rejects.toMatchObject({ code: 'not_assigned' });
    await expect(
      reviewCases(system(), otherAuditor, 'passive_cases', listId),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await recordFinding(system(), auditor, {
      kind: 'passive_cases',
      caseId,
      compliant: false,
      finding: 'Ingen samtale i 14 måneder',
    });
    await recordFinding(system(), auditor, {
      kind: 'passive_cases',
      caseId,
      compliant: true,
      finding: 'Samtale fundet i journalen den 3. marts',
    });
    const cases = await reviewCases(system(), auditor, 'passive_cases', listId);
    expect(cases.map((entry) => [entry.personKey, entry.finding, entry.compliant])).toEqual([
      ['p-7f3a', 'Samtale fundet i journalen den 3. marts', true],
      ['p-19c2', null, null],
    ]);
    const findings = await database
      .selectFrom('review_findings')
      .select(['id', 'corrects_id'])
      .orderBy('id')
      .execute();
    expect(findings[1]?.corrects_id).toBe(findings[0]?.id);
  });
});
