/**
 * A municipality under administration: its minimum requirements are checked
 * month by month, and the municipality's own page and the API show each
 * month judged against the percentage in force, with its §. The
 * administration is issued through the case system (an assessment run
 * written as the assessment job writes it, then issued); the monthly figures
 * are those a measurement run stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSystem } from '../../src/cases/case-system.js';
import { issueRun } from '../../src/cases/issue-run.js';
import { actorOf, userByUsername } from '../../src/cases/users.js';
import { isoDate } from '../../src/core/calendar/iso-date.js';
import { addMonths, yearMonth } from '../../src/core/calendar/year-month.js';
import { decisionDeadlines } from '../../src/core/lifecycle/decision-deadlines.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import { rulesForAssessment } from '../../src/core/rules/rules-in-force.js';
import { addTestToken } from '../support/api.js';
import { seriousViolations, startWeb, USERS, type WebHarness } from './web-harness.js';

const ISHOEJ = USERS.otherMunicipality.municipality;
const SUPERVISED_2023 = {
  status: 'supervised',
  selectedYear: 2023,
  baseline: { offers: 31, conversations: 42 },
};
let web: WebHarness;
let firstMonth = '';

beforeAll(async () => {
  web = await startWeb();
  const { database } = web;
  const rules = rulesForAssessment(OFFICIAL_RULES, 2024);
  const run = await database
    .insertInto('assessment_runs')
    .values({
      year: 2024,
      rules_version: rules.version.id,
      inputs: JSON.stringify({ constructed: true }),
      status: 'approved',
      results: JSON.stringify({ basedOnDecisionId: 0 }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database
    .insertInto('run_decisions')
    .values({
      assessment_run_id: run.id,
      municipality_code: ISHOEJ,
      year: 2024,
      decision: 'administration',
      status_before: 'supervised',
      status_after: 'administration',
      details: JSON.stringify({
        stateBefore: SUPERVISED_2023,
        stateAfter: { ...SUPERVISED_2023, status: 'administration' },
      }),
    })
    .execute();
  const ministry = await userByUsername(database, USERS.ministry.username);
  if (ministry === undefined) throw new Error('the harness has no ministry user');
  const system = caseSystem({
    database,
    dataDirectory: '/nonexistent',
    now: () => new Date('2025-04-22T08:00:00Z'),
  });
  await issueRun(system, actorOf(ministry), { runId: run.id, sendDate: '2025-04-25' });
  const from = decisionDeadlines({
    decision: 'administration',
    year: 2024,
    rules,
    noticeDate: isoDate('2025-04-25'),
  }).find((deadline) => deadline.kind === 'minimum_requirements_from')?.date;
  firstMonth = (from ?? '').slice(0, 7);
  const measurement = await database
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
  // The month before the requirements apply, then two months: the second misses the offers requirement.
  const months = [-1, 0, 1].map((offset) => addMonths(yearMonth(firstMonth), offset));
  await database
    .insertInto('measured_minimum_requirements')
    .values(
      months.flatMap((month, index) => [
        {
          measurement_run_id: measurement.id,
          municipality_code: ISHOEJ,
          month,
          requirement: 'offers',
          target: 240,
          met: index === 2 ? 161 : 180,
          share: ((index === 2 ? 161 : 180) / 240) * 100,
          required: 70,
          fulfilled: index !== 2,
          legal_basis: JSON.stringify({
            citation: 'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1',
          }),
        },
        {
          measurement_run_id: measurement.id,
          municipality_code: ISHOEJ,
          month,
          requirement: 'conversations',
          target: 240,
          met: 200,
          share: (200 / 240) * 100,
          required: 80,
          fulfilled: true,
          legal_basis: JSON.stringify({
            citation: 'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1',
          }),
        },
      ]),
    )
    .execute();
}, 120_000);

afterAll(async () => {
  await web.close();
});

describe('a municipality under administration', () => {
  it('sees its minimum requirements month by month on its page, the missed month marked in words', async () => {
    const page = await web.openAs('otherMunicipality', `/kommuner/${String(ISHOEJ)}`);
    await page.getByRole('heading', { name: 'Minimumskrav under administration' }).waitFor();
    await page.getByText('1 gang er et krav ikke opfyldt.', { exact: false }).waitFor();
    const table = page.getByRole('table', { name: 'Minimumskravene måned for måned' });
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatch(/Tilbud mv\.\s+240\s+67,1\s+70\s+Ikke opfyldt\s+bek\. nr\. 301/);
    expect(rows[1]).toMatch(/Tilbud mv\.\s+240\s+75,0\s+70\s+Opfyldt/);
    expect(rows[0]).toMatch(/Samtaler\s+240\s+83,3\s+80\s+Opfyldt/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('the minimum-requirement API', () => {
  it('gives the ministry the months from the first month the requirements apply, as Excel CSV', async () => {
    const token = await addTestToken(web.database, USERS.ministry.username);
    const response = await web.app.inject({
      method: 'GET',
      url: `/api/municipalities/${String(ISHOEJ)}/minimum-requirement-checks?format=csv`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const lines = response.body.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'Kommunekode;Måned;Minimumskrav;Målgruppe (personer);Opfylder kravet (personer);Andel (%);Krav (%);Kravet opfyldt;Administrationen er ophørt',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(`183;${firstMonth};Samtaler;240;200;83,3;80;Ja;Nej`);
    expect(lines[4]).toBe(
      `183;${addMonths(yearMonth(firstMonth), 1)};Tilbud mv.;240;161;67,1;70;Nej;Nej`,
    );
    const national = await web.app.inject({
      method: 'GET',
      url: '/api/minimum-requirement-checks',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(national.json<{ municipality: number }[]>().map((row) => row.municipality)).toEqual([
      183, 183, 183, 183,
    ]);
  });
});
