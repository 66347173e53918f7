/**
 * The whole supervision process through the HTTP API only: a synthetic
 * national load is measured, the assessment of 2024 approved and issued
 * with a dated notice, the municipality submits its account and recovery
 * plan with milestones, the ministry invites to a meeting (the week's
 * notice enforced), the AMK records its contacts, 2025 is issued, and the
 * history and deadlines are read back — and read again after the server
 * is restarted on the same embedded database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { TilsynApp } from '../../src/http/tilsyn-app.js';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { addUser } from '../../src/cases/users.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { syntheticCaseLoad, type CaseLoad } from '../support/case-load.js';

let load: CaseLoad;
let directory: string;
let database: Database;
let app: TilsynApp;
let clock = new Date('2025-04-22T08:00:00Z');

async function start(): Promise<void> {
  database = await openDatabase({ kind: 'pglite', directory });
  app = await buildApp({ database, dataDirectory: load.dataDirectory, now: () => clock });
}

async function stop(): Promise<void> {
  await app.close();
  await database.destroy();
}

beforeAll(async () => {
  load = await syntheticCaseLoad();
  directory = await mkdtemp(join(tmpdir(), 'tilsyn-api-process-'));
  await start();
  // The first user is made at the command line (tilsyn users add); the rest through the API.
  await addUser(database, CLI_ACTOR, {
    username: 'tilsyn',
    role: 'ministry',
    password: 'ministeriets kodeord',
  });
});

afterAll(async () => {
  await stop();
  await rm(directory, { recursive: true, force: true });
  await load.remove();
});

interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

async function logIn(username: string, password: string): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password },
  });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((candidate) => candidate.name === 'tilsyn_session');
  return {
    cookie: `tilsyn_session=${cookie?.value ?? ''}`,
    csrfToken: response.json<{ csrfToken: string }>().csrfToken,
  };
}

async function call(
  session: Session,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
): Promise<{ status: number; body: unknown }> {
  const response = await app.inject({
    method,
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    ...(payload === undefined ? {} : { payload }),
  });
  return { status: response.statusCode, body: response.body === '' ? null : response.json() };
}

async function ok<T>(session: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  const answer = await call(session, method, url, payload);
  if (answer.status >= 300)
    throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

async function finished(session: Session, url: string): Promise<{ status: string }> {
  for (;;) {
    const run = await ok<{ status: string; error: string | null }>(session, 'GET', url);
    if (!['queued', 'running'].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function issueYear(
  ministry: Session,
  measurementRunId: number,
  year: number,
  sendDate: string | undefined,
): Promise<number> {
  const { runId } = await ok<{ runId: number }>(ministry, 'POST', '/api/assessment-runs', {
    measurementRunId,
    year,
  });
  expect(await finished(ministry, `/api/assessment-runs/${runId}`)).toMatchObject({
    status: 'draft',
  });
  expect((await call(ministry, 'POST', `/api/assessment-runs/${runId}/issue`, {})).status).toBe(
    409,
  );
  await ok(ministry, 'POST', `/api/assessment-runs/${runId}/approve`);
  const decisions = await ok<
    { municipality: number; decision: string; details: { decision?: { possible?: string[] } } }[]
  >(ministry, 'GET', `/api/assessment-runs/${runId}/decisions`);
  expect(decisions).toHaveLength(98);
  for (const row of decisions.filter((entry) => entry.decision === 'requires_judgement')) {
    const answer = await call(ministry, 'POST', `/api/assessment-runs/${runId}/judgements`, {
      municipality: row.municipality,
      decision: 'stays_out',
      reason: 'Vurderet ud fra de kendte tal',
    });
    expect([201, 422]).toContain(answer.status);
  }
  await ok(ministry, 'POST', `/api/assessment-runs/${runId}/issue`, {
    ...(sendDate === undefined ? {} : { sendDate }),
  });
  return runId;
}

describe('the whole supervision process through the API (PGlite)', () => {
  it('runs from a load to the second year and reads the same after a restart', async () => {
    let ministry = await logIn('tilsyn', 'ministeriets kodeord');

    const { runId: measurementRunId } = await ok<{ runId: number }>(
      ministry,
      'POST',
      '/api/measurement-runs',
      { load: load.loadId, fromYear: 2024, toYear: 2025 },
    );
    expect(await finished(ministry, `/api/measurement-runs/${measurementRunId}`)).toMatchObject({
      status: 'done',
    });

    // The public reads the measured shares as percentages, the same in JSON and in Excel CSV.
    const query = '?municipality=101&from=2025-12&to=2025-12&scope=all';
    const json = await app.inject({ method: 'GET', url: `/api/public/focus-measures${query}` });
    const rows = json.json<{
      items: { goal: string; target: number; passive: number; passiveShare: number | null }[];
    }>().items;
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row.passiveShare).toBeCloseTo((row.passive / row.target) * 100, 10);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/public/focus-measures${query}&format=csv`,
    });
    const [header = '', ...lines] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const shareColumn = header.split(';').indexOf('Passivandel (%)');
    expect(shareColumn).toBeGreaterThan(-1);
    expect(lines.map((line) => line.split(';')[shareColumn])).toEqual(
      rows.map((row) => (row.passiveShare ?? 0).toFixed(1).replace('.', ',')),
    );

    const firstRun = await issueYear(ministry, measurementRunId, 2024, '2025-04-28');
    const issued = await ok<{ municipality: number; decision: string }[]>(
      ministry,
      'GET',
      `/api/assessment-runs/${firstRun}/decisions`,
    );
    const selected = issued.find((row) => row.decision === 'selected')?.municipality ?? -1;
    expect(selected).toBeGreaterThan(0);

    const caseOf = () =>
      ok<{ status: string; history: { kind: string; subjectId: number | null }[] }>(
        ministry,
        'GET',
        `/api/municipalities/${selected}/case`,
      );
    expect((await caseOf()).status).toBe('supervised');

    // The notice's real send date, recorded later.
    const decisionId =
      (await caseOf()).history.find((event) => event.kind === 'decision_issued')?.subjectId ?? -1;
    await ok(ministry, 'POST', `/api/decisions/${decisionId}/notice-date`, {
      sendDate: '2025-04-30',
    });

    // The ministry creates the municipality's and the AMK's users.
    const amkName = (
      await ok<{ municipalities: { municipality: number; amk: string }[] }>(
        ministry,
        'GET',
        '/api/overview',
      )
    ).municipalities.find((row) => row.municipality === selected)?.amk;
    await ok(ministry, 'POST', '/api/users', {
      username: 'kommunen',
      role: 'municipality',
      municipalityCode: selected,
      password: 'kommunens kodeord',
    });
    await ok(ministry, 'POST', '/api/users', {
      username: 'amk',
      role: 'amk',
      amk: amkName,
      password: 'amk-ens kodeord',
    });
    let municipality = await logIn('kommunen', 'kommunens kodeord');
    let amk = await logIn('amk', 'amk-ens kodeord');

    // The municipality submits its account and recovery plan with milestones.
    const account = await ok<{ id: number }>(
      municipality,
      'POST',
      `/api/municipalities/${selected}/accounts`,
      { submittedOn: '2025-07-20', summary: 'Redegørelse for indsatsen' },
    );
    await ok(municipality, 'POST', `/api/municipalities/${selected}/recovery-plans`, {
      submittedOn: '2025-07-20',
      accountId: account.id,
      description: 'Flere samtaler og tilbud',
      milestones: [
        { goal: 'offers', month: '2025-09', targetPassiveShare: 0 },
        { goal: 'conversations', month: '2025-12', targetPassiveShare: 100 },
      ],
    });
    const checks = await ok<{ deviation: boolean }[]>(
      municipality,
      'GET',
      `/api/municipalities/${selected}/milestone-checks`,
    );
    expect(checks).toHaveLength(2);

    // A meeting with six days' notice is refused with a clear 422; a week is enough.
    const short = await call(ministry, 'POST', `/api/municipalities/${selected}/meetings`, {
      invitationDate: '2025-09-01',
      meetingDate: '2025-09-07',
    });
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({ error: 'meeting_notice_too_short' });
    expect((short.body as { message: string }).message).toMatch(/varsel|uge|dage/i);
    await ok(ministry, 'POST', `/api/municipalities/${selected}/meetings`, {
      invitationDate: '2025-09-01',
      meetingDate: '2025-09-08',
    });

    // The AMK records its contact.
    await ok(amk, 'POST', `/api/municipalities/${selected}/amk-contacts`, {
      firstContactDate: '2025-05-12',
      wantsAssistance: 'yes',
      mappingDone: true,
      effort: 'Afdækning af sagsgangene',
    });

    // The next year is issued (send date defaults to the day of issue).
    // A year later: yesterday's logins have expired (a session lasts hours), so everyone logs in again.
    clock = new Date('2026-04-21T08:00:00Z');
    expect((await call(ministry, 'GET', '/api/session')).status).toBe(401);
    ministry = await logIn('tilsyn', 'ministeriets kodeord');
    municipality = await logIn('kommunen', 'kommunens kodeord');
    amk = await logIn('amk', 'amk-ens kodeord');
    await issueYear(ministry, measurementRunId, 2025, undefined);

    const readBack = async () => ({
      case: await ok<{ history: { kind: string }[] }>(
        municipality,
        'GET',
        `/api/municipalities/${selected}/case`,
      ),
      deadlines: await ok<unknown[]>(
        ministry,
        'GET',
        `/api/municipalities/${selected}/deadlines?on=2026-04-22`,
      ),
      national: await ok<unknown[]>(ministry, 'GET', '/api/deadlines?on=2026-04-22'),
      meetings: await ok<unknown[]>(amk, 'GET', `/api/municipalities/${selected}/meetings`),
      contacts: await ok<unknown[]>(amk, 'GET', `/api/municipalities/${selected}/amk-contacts`),
      plan: await ok<unknown>(municipality, 'GET', `/api/municipalities/${selected}/recovery-plan`),
    });
    const before = await readBack();
    const kinds = before.case.history.map((event) => event.kind);
    for (const kind of [
      'decision_issued',
      'notice_sent',
      'notice_date_corrected',
      'account_submitted',
      'recovery_plan_submitted',
      'meeting_invited',
      'amk_contact',
    ])
      expect(kinds).toContain(kind);
    expect(kinds.filter((kind) => kind === 'decision_issued')).toHaveLength(2);
    expect(before.deadlines.length).toBeGreaterThan(0);
    expect(before.meetings).toHaveLength(1);
    expect(before.contacts).toHaveLength(1);

    // The server stops and starts again on the same database: the sessions and everything else survive.
    await stop();
    await start();
    expect(await readBack()).toEqual(before);
    // Issuing renders and stores each decision’s letter (HTML, text and PDF).
  }, 180_000);
});
