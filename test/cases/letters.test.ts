/**
 * The letters stored with their decisions and meetings, on PGlite and on
 * PostgreSQL: a synthetic national load is measured and the assessment of
 * 2024 issued; every decision with a letter gets its letter stored, dated
 * with the notice's send date and stating the deadlines the case records;
 * each stored letter regenerates byte for byte (HTML, text and PDF) from its
 * stored input; a later rule change and a new assessment run leave it as it
 * is; a recorded send date and a moved meeting write new letters that
 * correct the old, which stay.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, type Actor } from '../../src/cases/actor.js';
import {
  approveRun,
  possibleDecisions,
  resolveJudgement,
  startAssessmentRun,
} from '../../src/cases/assessment-runs.js';
import { caseSystem, type CaseSystem } from '../../src/cases/case-system.js';
import { issueRun, recordNoticeDate } from '../../src/cases/issue-run.js';
import {
  currentLetterOf,
  renderLetterForms,
  sha256,
  storedDecisionLetter,
  storedInput,
  verifyLetter,
} from '../../src/cases/letters.js';
import { inviteMeeting } from '../../src/cases/meetings.js';
import { startMeasurementRun } from '../../src/cases/measurement-runs.js';
import { actorOf, addUser } from '../../src/cases/users.js';
import { WebDataSource } from '../../src/cases/views/web-data.js';
import { webLetter } from '../../src/cases/views/web-letters.js';
import { isoDate } from '../../src/core/calendar/iso-date.js';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { datedLetterInput } from '../../src/core/letters/letter-inputs-of.js';
import { rulesForAssessment } from '../../src/core/rules/rules-in-force.js';
import { parseLetterInput } from '../../src/inputs/read-letter-input.js';
import { LETTER_TEMPLATE_VERSION } from '../../src/core/letters/compose-letter.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import { withOverrides } from '../../src/core/rules/rule-book.js';
import { parseRuleOverride } from '../../src/core/rules/rule-overrides.js';
import { pdfText } from '../support/pdf-text.js';
import { syntheticCaseLoad, type CaseLoad } from '../support/case-load.js';
import { DATABASE_KINDS, useTestDatabase } from '../support/databases.js';

let load: CaseLoad;

beforeAll(async () => {
  load = await syntheticCaseLoad();
});

afterAll(async () => {
  await load.remove();
});

/** The web's figures: only used for a letter composed on request (none here). */
const WEB_SOURCE = new WebDataSource({
  figures: {
    kind: 'files',
    focus: 'examples/aggregates/focus_measures.csv',
    rates: 'examples/aggregates/expected_rates.csv',
  },
  month: yearMonth('2024-12'),
  rules: OFFICIAL_RULES,
});

describe.each(DATABASE_KINDS)('the letters stored with the decisions (%s)', (kind) => {
  const test = useTestDatabase(kind);
  const clock = new Date('2025-04-22T08:00:00Z');
  let system: CaseSystem;
  let ministry: Actor;
  let measurementRunId: number;
  let selected: number;

  beforeAll(async () => {
    system = caseSystem({
      database: test.database,
      dataDirectory: load.dataDirectory,
      now: () => clock,
    });
    ministry = actorOf(
      await addUser(test.database, CLI_ACTOR, {
        username: 'tilsyn',
        role: 'ministry',
        password: 'ministeriets kodeord',
      }),
    );
    const measured = await startMeasurementRun(system, ministry, {
      load: load.loadId,
      fromYear: 2024,
      toYear: 2024,
    });
    await measured.finished;
    measurementRunId = measured.runId;
    const started = await startAssessmentRun(system, ministry, { measurementRunId, year: 2024 });
    await started.finished;
    await approveRun(system, ministry, started.runId);
    const open = await test.database
      .selectFrom('run_decisions')
      .select(['municipality_code', 'details'])
      .where('assessment_run_id', '=', started.runId)
      .where('decision', '=', 'requires_judgement')
      .execute();
    for (const row of open)
      await resolveJudgement(system, ministry, {
        runId: started.runId,
        municipality: row.municipality_code,
        decision: possibleDecisions(row.details)[0] ?? 'stays_out',
        reason: 'Vurderet ud fra de kendte tal og kommunens redegørelse',
      });
    const issued = await issueRun(system, ministry, {
      runId: started.runId,
      sendDate: '2025-04-28',
    });
    expect(issued.letters).toBe(issued.notices);
    const decision = await test.database
      .selectFrom('decisions')
      .select('municipality_code')
      .where('decision', '=', 'selected')
      .orderBy('municipality_code')
      .executeTakeFirstOrThrow();
    selected = decision.municipality_code;
  }, 300_000);

  it('stores one letter with every decision that has a notice, dated with the send date', async () => {
    const notices = await test.database
      .selectFrom('notices')
      .innerJoin('decisions', 'decisions.id', 'notices.decision_id')
      .select(['notices.id', 'notices.decision_id', 'decisions.decision'])
      .execute();
    const letters = await test.database.selectFrom('letters').selectAll().execute();
    expect(notices.length).toBeGreaterThan(0);
    expect(letters.map((letter) => letter.notice_id).sort()).toEqual(
      notices.map((notice) => notice.id).sort(),
    );
    for (const letter of letters) {
      const notice = notices.find((candidate) => candidate.id === letter.notice_id);
      expect(letter.kind).toBe(notice?.decision);
      expect(letter.decision_id).toBe(notice?.decision_id);
      expect(letter.letter_date).toBe('2025-04-28');
      expect(letter.template).toBe(letter.kind);
      expect(letter.template_version).toBe(LETTER_TEMPLATE_VERSION);
    }
  });

  it('states the municipality, the legal basis and the deadlines the case records for the decision', async () => {
    const letter = await storedDecisionLetter(system, selected, 2024);
    expect(letter).toBeDefined();
    if (letter === undefined) return;
    const input = storedInput(letter);
    expect(input.municipality.code).toBe(selected);
    expect(letter.html).toContain(`${input.municipality.name} (kommunekode ${String(selected)})`);
    expect(letter.html).toContain('28. april 2025');
    expect(input.decision?.rule.citation).toMatch(/§ 6/);
    const deadlines = await test.database
      .selectFrom('deadlines')
      .select(['kind', 'due_date'])
      .where('decision_id', '=', letter.decision_id)
      .where('kind', '<>', 'notice')
      .orderBy('id')
      .execute();
    expect(input.decision?.deadlines.map((deadline) => [deadline.kind, deadline.date])).toEqual(
      deadlines.map((deadline) => [deadline.kind, deadline.due_date]),
    );
  });

  it('regenerates every stored letter byte for byte from its stored input: HTML, text and PDF', async () => {
    const letters = await test.database.selectFrom('letters').selectAll().execute();
    for (const letter of letters) {
      const again = await renderLetterForms(storedInput(letter));
      expect(again.html).toBe(letter.html);
      expect(again.text).toBe(letter.text);
      expect(sha256(again.html)).toBe(letter.html_sha256);
      expect(sha256(again.pdf)).toBe(letter.pdf_sha256);
      const verification = await verifyLetter(system, letter.municipality_code, letter.id);
      expect(verification).toMatchObject({ identical: true, letterId: letter.id });
    }
  });

  it('serves the stored letter to the web: its HTML as stored and a PDF of the stored hash, the same bytes each time', async () => {
    const letter = await storedDecisionLetter(system, selected, 2024);
    const html = await webLetter(system, WEB_SOURCE, selected, 2024, 'html');
    expect(html.info).toMatchObject({ source: 'stored', letterId: letter?.id, note: null });
    expect(html.content).toBe(letter?.html);
    const first = await webLetter(system, WEB_SOURCE, selected, 2024, 'pdf');
    const second = await webLetter(system, WEB_SOURCE, selected, 2024, 'pdf');
    expect(sha256(first.content)).toBe(letter?.pdf_sha256);
    expect(Buffer.compare(Buffer.from(first.content), Buffer.from(second.content))).toBe(0);
    const text = await pdfText(first.content as Uint8Array);
    expect(text).toContain(String(selected));
  });

  it('is not changed by a later rule change or a new assessment run of the same year', async () => {
    const before = await storedDecisionLetter(system, selected, 2024);
    // The account deadline changes, and the offers threshold: a new run would assess otherwise.
    const changed = caseSystem({
      database: test.database,
      dataDirectory: load.dataDirectory,
      now: () => clock,
      book: withOverrides(OFFICIAL_RULES, [
        parseRuleOverride(OFFICIAL_RULES, 'deadlines.account_due_months=5'),
        parseRuleOverride(OFFICIAL_RULES, 'focus.offers.threshold=20'),
      ]),
    });
    const rerun = await startAssessmentRun(changed, ministry, { measurementRunId, year: 2024 });
    await rerun.finished;
    // The new run would write another letter for the municipality…
    const draft = await test.database
      .selectFrom('run_decisions')
      .select('letter_inputs')
      .where('assessment_run_id', '=', rerun.runId)
      .where('municipality_code', '=', selected)
      .executeTakeFirstOrThrow();
    const redrawn = Object.values(draft.letter_inputs ?? {}).map((input) =>
      renderLetterForms(
        datedLetterInput(
          parseLetterInput(JSON.stringify(input), 'draft'),
          isoDate('2025-04-28'),
          rulesForAssessment(changed.book, 2024),
        ),
      ),
    );
    for (const other of await Promise.all(redrawn)) expect(other.html).not.toBe(before?.html);
    // …but the issued letter stays as it was sent.
    const after = await storedDecisionLetter(changed, selected, 2024);
    expect(after).toEqual(before);
    if (after === undefined) return;
    expect(await verifyLetter(changed, selected, after.id)).toMatchObject({ identical: true });
    const served = await webLetter(changed, WEB_SOURCE, selected, 2024, 'html');
    expect(served.content).toBe(before?.html);
  }, 120_000);

  it('re-dates the letter when the real send date is recorded: a new letter corrects the old, which stays', async () => {
    const old = await storedDecisionLetter(system, selected, 2024);
    if (old === undefined) throw new Error('no stored letter');
    const decisionId = old.decision_id ?? -1;
    await recordNoticeDate(system, ministry, { decisionId, sendDate: '2025-04-30' });
    const current = await currentLetterOf(test.database, { decisionId });
    expect(current).toMatchObject({ corrects_id: old.id, letter_date: '2025-04-30' });
    expect(current?.html).toContain('30. april 2025');
    const kept = await test.database
      .selectFrom('letters')
      .selectAll()
      .where('id', '=', old.id)
      .executeTakeFirst();
    expect(kept).toEqual(old);
    await expect(
      sql`update letters set html = 'x' where id = ${old.id}`.execute(test.database),
    ).rejects.toThrow(/never changed or deleted/);
    await expect(
      sql`delete from letters where id = ${old.id}`.execute(test.database),
    ).rejects.toThrow(/never changed or deleted/);
  });

  it('stores the meeting invitation with its place, time and notice; a moved meeting’s letter corrects it', async () => {
    const meetingId = await inviteMeeting(system, ministry, {
      municipality: selected,
      invitationDate: '2025-09-01',
      meetingDate: '2025-09-10',
      place: 'i Beskæftigelsesministeriet, mødelokale 1',
      time: '10.00',
    });
    const letter = await currentLetterOf(test.database, { meetingId });
    expect(letter).toMatchObject({ kind: 'meeting_invitation', letter_date: '2025-09-01' });
    expect(letter?.text.replace(/\s+/g, ' ')).toContain(
      '10. september 2025 kl. 10.00, i Beskæftigelsesministeriet, mødelokale 1',
    );
    expect(letter?.text.replace(/\s+/g, ' ')).toContain('9 dage før mødet');
    const moved = await inviteMeeting(system, ministry, {
      municipality: selected,
      invitationDate: '2025-09-02',
      meetingDate: '2025-09-15',
      correctsId: meetingId,
    });
    const movedLetter = await currentLetterOf(test.database, { meetingId: moved });
    expect(movedLetter?.corrects_id).toBe(letter?.id);
    expect(movedLetter?.text.replace(/\s+/g, ' ')).toContain(
      '15. september 2025, i Beskæftigelsesministeriet',
    );
    if (movedLetter === undefined) return;
    expect(await verifyLetter(system, selected, movedLetter.id)).toMatchObject({ identical: true });
  });

  it('refuses to verify a letter under another municipality’s code', async () => {
    const letter = await storedDecisionLetter(system, selected, 2024);
    const other = selected === 101 ? 147 : 101;
    await expect(verifyLetter(system, other, letter?.id ?? -1)).rejects.toMatchObject({
      code: 'no_such_letter',
    });
  });
});
