/**
 * The whole supervision process at service level, on PGlite and on
 * PostgreSQL: a synthetic national load is measured, the assessment of 2024
 * approved and issued, the notice dated (and its real send date recorded
 * later), the selected municipality's account and recovery plan with
 * milestones submitted, a meeting invited with the notice rule enforced, AMK
 * contacts recorded, the assessment of 2025 issued, and the case history and
 * deadlines read back — and again after the database is closed and opened.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, type Actor } from '../../src/cases/actor.js';
import { listAmkContacts, recordAmkContact } from '../../src/cases/amk-contacts.js';
import {
  approveRun,
  assessmentRun,
  differencesToIssued,
  resolveJudgement,
  startAssessmentRun,
  possibleDecisions,
} from '../../src/cases/assessment-runs.js';
import { readAuditLog } from '../../src/cases/audit.js';
import { amkOf } from '../../src/cases/case-access.js';
import { caseOverview } from '../../src/cases/case-overview.js';
import { caseSystem, type CaseSystem } from '../../src/cases/case-system.js';
import { dueDeadlines } from '../../src/cases/deadlines.js';
import { issueRun, recordNoticeDate } from '../../src/cases/issue-run.js';
import { inviteMeeting } from '../../src/cases/meetings.js';
import { measurementRun, startMeasurementRun } from '../../src/cases/measurement-runs.js';
import {
  milestoneChecks,
  submitAccount,
  submitRecoveryPlan,
} from '../../src/cases/recovery-plans.js';
import { actorOf, addUser } from '../../src/cases/users.js';
import { isoDate } from '../../src/core/calendar/iso-date.js';
import { decisionDeadlines } from '../../src/core/lifecycle/decision-deadlines.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import { rulesForAssessment } from '../../src/core/rules/rules-in-force.js';
import { loadsFolder } from '../../src/loading/load-catalog.js';
import { syntheticCaseLoad, type CaseLoad } from '../support/case-load.js';
import { DATABASE_KINDS, useTestDatabase } from '../support/databases.js';

let load: CaseLoad;

beforeAll(async () => {
  load = await syntheticCaseLoad();
});

afterAll(async () => {
  await load.remove();
});

describe.each(DATABASE_KINDS)('the whole supervision process (%s)', (kind) => {
  const test = useTestDatabase(kind);
  let clock = new Date('2026-04-20T08:00:00Z');
  const systemOf = (): CaseSystem =>
    caseSystem({ database: test.database, dataDirectory: load.dataDirectory, now: () => clock });

  it('runs from a load to the second year and keeps everything across a restart', async () => {
    const system = systemOf();
    const ministry = actorOf(
      await addUser(test.database, CLI_ACTOR, {
        username: 'tilsyn',
        role: 'ministry',
        password: 'ministeriets kodeord',
      }),
    );

    // A measurement run of 2024–2025 from the load, as a job.
    const measured = await startMeasurementRun(system, ministry, {
      load: load.loadId,
      fromYear: 2024,
      toYear: 2025,
    });
    await measured.finished;
    const measurement = await measurementRun(test.database, measured.runId);
    expect(measurement).toMatchObject({ status: 'done', progress: 1, error: null });

    // The assessment of 2024: a draft, refused until approved, approved only by the ministry.
    clock = new Date('2025-04-22T08:00:00Z');
    const first = await issuedYear(system, ministry, measured.runId, 2024, '2025-04-28');
    const selected = first.selected;

    // The notice is dated with the entered day; the deadlines run from it (the core's rules).
    const rules2024 = rulesForAssessment(OFFICIAL_RULES, 2024);
    let overview = await caseOverview(system, selected);
    expect(overview.status).toBe('supervised');
    expect(overview.notices.map((notice) => notice.sendDate)).toEqual(['2025-04-28']);
    const decisionId = overview.decisions[0]?.id ?? -1;

    // The real send date is recorded later: a new notice corrects the first, and the deadlines follow.
    await recordNoticeDate(system, ministry, { decisionId, sendDate: '2025-04-30' });
    overview = await caseOverview(system, selected, { on: '2025-05-01' });
    expect(overview.notices.map((notice) => notice.sendDate)).toEqual(['2025-04-28', '2025-04-30']);
    expect(overview.notices[1]?.correctsId).toBe(overview.notices[0]?.id);
    const expected = decisionDeadlines({
      decision: 'selected',
      year: 2024,
      rules: rules2024,
      noticeDate: isoDate('2025-04-30'),
    });
    expect(overview.deadlines.map((deadline) => [deadline.kind, deadline.dueDate])).toEqual(
      expected.map((deadline) => [deadline.kind, deadline.date]),
    );
    const accountDue = expected.find((deadline) => deadline.kind === 'account')?.date ?? '';

    // Without an account the account deadline is overdue the day after, for the municipality and the country.
    const dayAfter = isoDate(
      new Date(Date.parse(`${accountDue}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
    );
    const overdue = await dueDeadlines(system, { on: dayAfter });
    expect(overdue).toContainEqual(
      expect.objectContaining({ municipality: selected, kind: 'account', state: 'overdue' }),
    );

    // The municipality submits its account and recovery plan; another municipality may not.
    const municipality = actorOf(
      await addUser(test.database, ministry, {
        username: `kommune-${selected}`,
        role: 'municipality',
        municipalityCode: selected,
        password: 'kommunens kodeord',
      }),
    );
    const other = actorOf(
      await addUser(test.database, ministry, {
        username: 'kommune-anden',
        role: 'municipality',
        municipalityCode: selected === 101 ? 147 : 101,
        password: 'kommunens kodeord',
      }),
    );
    await expect(
      submitAccount(system, other, {
        municipality: selected,
        submittedOn: '2025-07-01',
        summary: 'x',
      }),
    ).rejects.toMatchObject({ code: 'other_municipality', kind: 'forbidden' });
    const accountId = await submitAccount(system, municipality, {
      municipality: selected,
      submittedOn: '2025-07-20',
      summary: 'Redegørelse for indsatsen og årsagerne til resultaterne',
    });
    await submitRecoveryPlan(system, municipality, {
      municipality: selected,
      submittedOn: '2025-07-20',
      accountId,
      description: 'Flere samtaler og tilbud i jobcentret',
      milestones: [
        { goal: 'offers', month: '2025-09', targetPassiveShare: 0 },
        { goal: 'conversations', month: '2025-12', targetPassiveShare: 100 },
      ],
    });
    expect(await dueDeadlines(system, { municipality: selected, on: dayAfter })).toEqual([]);

    // Milestones against the measured 12-month averages: above the milestone is a deviation.
    const checks = await milestoneChecks(system, selected);
    expect(checks).toHaveLength(2);
    for (const check of checks) {
      expect(check.actual).toBeTypeOf('number');
      expect(check.deviation).toBe((check.actual ?? 0) > check.targetPassiveShare);
    }
    expect(checks.find((check) => check.goal === 'conversations')?.deviation).toBe(false);

    // A meeting: six days' notice is refused, a week is enough.
    await expect(
      inviteMeeting(system, ministry, {
        municipality: selected,
        invitationDate: '2025-09-01',
        meetingDate: '2025-09-07',
      }),
    ).rejects.toMatchObject({ code: 'meeting_notice_too_short' });
    await inviteMeeting(system, ministry, {
      municipality: selected,
      invitationDate: '2025-09-01',
      meetingDate: '2025-09-08',
    });

    // The municipality's AMK records its contacts; another AMK may not.
    const amkName = await amkOf(selected);
    const amk = actorOf(
      await addUser(test.database, ministry, { username: 'amk', role: 'amk', amk: amkName }),
    );
    const otherAmk = actorOf(
      await addUser(test.database, ministry, {
        username: 'amk-anden',
        role: 'amk',
        amk: amkName === 'AMK Syd' ? 'AMK Øst' : 'AMK Syd',
      }),
    );
    const contact = {
      municipality: selected,
      firstContactDate: '2025-05-12',
      wantsAssistance: 'undecided',
      mappingDone: false,
      effort: 'Indledende møde med jobcenterchefen',
    };
    await expect(recordAmkContact(system, otherAmk, contact)).rejects.toMatchObject({
      code: 'other_amk',
    });
    const contactId = await recordAmkContact(system, amk, contact);
    await recordAmkContact(system, amk, {
      ...contact,
      wantsAssistance: 'yes',
      mappingDone: true,
      effort: 'Afdækning af sagsgangene; taskforce i jobcentret',
      correctsId: contactId,
    });
    expect(
      (await listAmkContacts(system, { municipality: selected })).map(
        (row) => row.wants_assistance,
      ),
    ).toEqual(['yes']);

    // The assessment of 2025 starts from the issued 2024 decisions and is issued in turn.
    clock = new Date('2026-04-21T08:00:00Z');
    const second = await issuedYear(system, ministry, measured.runId, 2025, undefined);
    overview = await caseOverview(system, selected, { on: '2026-04-22' });
    expect(overview.decisions.map((decision) => [decision.year, decision.statusBefore])).toEqual([
      [2024, 'none'],
      [2025, 'supervised'],
    ]);
    // A supervised municipality always gets a notice; without an entered date it is the day of issue.
    expect(second.decisionOf(selected)).not.toBe('stays_out');
    expect(overview.notices.at(-1)?.sendDate).toBe('2026-04-21');

    // A new run of an issued year is compared, and can never be issued over the old one.
    const again = await startAssessmentRun(system, ministry, {
      measurementRunId: measured.runId,
      year: 2024,
    });
    await again.finished;
    expect((await assessmentRun(test.database, again.runId)).status).toBe('draft');
    const differences = await differencesToIssued(test.database, again.runId);
    expect(differences.issuedRunId).toBe(first.runId);
    expect(differences.differences).toEqual([]);
    await approveRun(system, ministry, again.runId);
    await expect(issueRun(system, ministry, { runId: again.runId })).rejects.toMatchObject({
      code: 'year_already_issued',
    });

    // The history tells the story in order.
    const kinds = overview.events.map((event) => event.kind);
    for (const expectedKind of [
      'decision_issued',
      'notice_sent',
      'notice_date_corrected',
      'account_submitted',
      'recovery_plan_submitted',
      'meeting_invited',
      'amk_contact',
      'amk_contact_corrected',
    ])
      expect(kinds).toContain(expectedKind);
    expect(kinds.filter((eventKind) => eventKind === 'decision_issued')).toHaveLength(2);
    expect(overview.meetings).toEqual([
      expect.objectContaining({ meetingDate: '2025-09-08', noticeDays: 7 }),
    ]);

    // Every write is in the audit log with its actor.
    const audit = await readAuditLog(test.database);
    expect(audit.filter((entry) => entry.action === 'assessment_run.issue')).toHaveLength(2);
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'account.submit', actor: `kommune-${selected}` }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'meeting.invite', actor: 'tilsyn' }),
    );

    // Closed and opened again: nothing is lost.
    const before = JSON.stringify(await caseOverview(system, selected, { on: '2026-04-22' }));
    const reopened = await test.reopen();
    const afterRestart = caseSystem({
      database: reopened,
      dataDirectory: load.dataDirectory,
      now: () => clock,
    });
    expect(JSON.stringify(await caseOverview(afterRestart, selected, { on: '2026-04-22' }))).toBe(
      before,
    );
    // Issuing renders and stores each decision’s letter (HTML, text and PDF).
  }, 180_000);

  it('records a failed job with its error and changes nothing else', async () => {
    const system = systemOf();
    const counts = async () =>
      Promise.all(
        (['measured_focus_measures', 'benchmark_results', 'decisions'] as const).map(
          async (table) =>
            (
              await test.database
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<string>().as('count'))
                .executeTakeFirstOrThrow()
            ).count,
        ),
      );
    const before = await counts();
    // Hold the job queue while the load disappears under the queued job.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    system.jobs.enqueue(() => gate);
    const started = await startMeasurementRun(system, CLI_ACTOR, {
      load: load.loadId,
      fromYear: 2025,
      toYear: 2025,
    });
    const folder = join(loadsFolder(load.dataDirectory), load.loadId);
    await rename(folder, `${folder}.moved`);
    release();
    await started.finished;
    await rename(`${folder}.moved`, folder);
    const failed = await measurementRun(test.database, started.runId);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/findes ikke|ENOENT/);
    expect(await counts()).toEqual(before);
  });

  it('refuses to record a measurement run from a load whose stored bytes changed', async () => {
    const system = systemOf();
    const file = join(loadsFolder(load.dataDirectory), load.loadId, 'offers.parquet');
    const original = await readFile(file);
    const damaged = Buffer.from(original);
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = (damaged[middle] ?? 0) ^ 0x01; // one bit, the same size
    await writeFile(file, damaged);
    try {
      const started = await startMeasurementRun(system, CLI_ACTOR, {
        load: load.loadId,
        fromYear: 2025,
        toYear: 2025,
      });
      await started.finished;
      const failed = await measurementRun(test.database, started.runId);
      expect(failed.status).toBe('failed');
      expect(failed.error).toContain('offers.parquet');
    } finally {
      await writeFile(file, original);
    }
  });
});

interface IssuedYear {
  readonly runId: number;
  readonly selected: number;
  decisionOf(municipality: number): string | undefined;
}

/**
 * Assesses `year`, checks that a draft cannot be issued and that only the
 * ministry approves, resolves every "kræver vurdering" with a reason, and
 * issues it.
 */
async function issuedYear(
  system: CaseSystem,
  ministry: Actor,
  measurementRunId: number,
  year: number,
  sendDate: string | undefined,
): Promise<IssuedYear> {
  const started = await startAssessmentRun(system, ministry, { measurementRunId, year });
  await started.finished;
  const run = await assessmentRun(system.database, started.runId);
  expect(run).toMatchObject({ status: 'draft', error: null });
  await expect(issueRun(system, ministry, { runId: run.id })).rejects.toMatchObject({
    code: 'run_not_approved',
  });
  await expect(
    approveRun(system, { userId: undefined, name: 'revisor', role: 'auditor' }, run.id),
  ).rejects.toMatchObject({ kind: 'forbidden' });
  await approveRun(system, ministry, run.id);
  const open = await system.database
    .selectFrom('run_decisions')
    .select(['municipality_code', 'details'])
    .where('assessment_run_id', '=', run.id)
    .where('decision', '=', 'requires_judgement')
    .execute();
  for (const row of open) {
    const [decision] = possibleDecisions(row.details);
    await resolveJudgement(system, ministry, {
      runId: run.id,
      municipality: row.municipality_code,
      decision: decision ?? 'stays_out',
      reason: 'Vurderet ud fra de kendte tal og kommunens redegørelse',
    });
  }
  const issued = await issueRun(system, ministry, { runId: run.id, sendDate });
  expect(issued.decisions).toBe(98);
  const decisions = await system.database
    .selectFrom('decisions')
    .select(['municipality_code', 'decision'])
    .where('assessment_run_id', '=', run.id)
    .orderBy('municipality_code')
    .execute();
  const selected = decisions.find((row) => row.decision === 'selected')?.municipality_code;
  if (year === 2024) expect(selected).toBeTypeOf('number');
  return {
    runId: run.id,
    selected: selected ?? -1,
    decisionOf: (municipality) =>
      decisions.find((row) => row.municipality_code === municipality)?.decision,
  };
}
