/**
 * The list of all passive cases recorded from a load through the API (the
 * case system's `recordPassiveCaseListFromLoad`): the hand-worked load of
 * `test/cli/passive-cases.test.ts` is loaded with the real loader, the
 * ministry records København's list at 31 December 2024, assigns an
 * auditor, and the auditor reads the cases (named by the load's pseudonyms,
 * never a CPR number) and records a finding — against PGlite and PostgreSQL.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases.js';
import { addTestUser, logIn, useTestApi, type LoggedIn } from '../support/api.js';
import { CPR, KEY, PERSONS, pseudonym } from '../support/passive-case-persons.js';
import { runCli } from '../support/run-cli.js';
import { writeRawFiles } from '../support/write-load-store.js';

const root = await mkdtemp(join(tmpdir(), 'tilsyn-api-passive-'));
const dataDirectory = join(root, 'data');

beforeAll(async () => {
  const raw = join(root, 'raw');
  await mkdir(raw);
  await writeRawFiles(raw, PERSONS, { municipalities: [101, 147] });
  const loaded = await runCli(['load', 'raw', '--data-dir', 'data'], {
    cwd: root,
    env: { TILSYN_PSEUDONYM_KEY: KEY },
  });
  expect(loaded.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface ReviewCase {
  readonly id: number;
  readonly personKey: string;
  readonly details: Record<string, unknown>;
  readonly finding: string | null;
  readonly compliant: boolean | null;
}

describe.each(DATABASE_KINDS)('the list of all passive cases from a load (%s)', (kind) => {
  const api = useTestApi(kind, { dataDirectory });
  let ministry: LoggedIn;
  let auditor: LoggedIn;
  let municipality: LoggedIn;

  beforeAll(async () => {
    const database = api.database.database;
    ministry = await logIn(
      api.app,
      await addTestUser(database, { username: 'tilsyn', role: 'ministry' }),
    );
    auditor = await logIn(
      api.app,
      await addTestUser(database, { username: 'revisor', role: 'auditor' }),
    );
    municipality = await logIn(
      api.app,
      await addTestUser(database, { username: 'kbh', role: 'municipality', municipality: 101 }),
    );
  });

  const as = (who: LoggedIn, method: 'GET' | 'POST', url: string, payload?: object) =>
    api.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
      ...(payload === undefined ? {} : { payload }),
    });

  it('records the five cases worked by hand, assigns them to an auditor, who reads and judges them', async () => {
    const recorded = await as(ministry, 'POST', '/api/municipalities/101/passive-case-lists', {
      load: 'current',
      year: 2024,
    });
    expect(recorded.statusCode).toBe(201);
    const { id, cases } = recorded.json<{ id: number; cases: number }>();
    expect(cases).toBe(5);

    const assigned = await as(ministry, 'POST', `/api/reviews/passive_cases/${id}/auditor`, {
      auditorUsername: 'revisor',
    });
    expect(assigned.statusCode).toBe(201);

    const read = await as(auditor, 'GET', `/api/reviews/passive_cases/${id}/cases`);
    expect(read.statusCode).toBe(200);
    const rows = read.json<ReviewCase[]>();
    const missing = new Map(rows.map((row) => [row.personKey, row.details['missing']]));
    expect(missing).toEqual(
      new Map([
        [pseudonym('U1'), 'conversations'],
        ...[pseudonym('K1'), pseudonym('K2'), pseudonym('K3')]
          .sort()
          .map((key) => [key, 'both'] as const),
        [pseudonym('K4'), 'offer'],
      ]),
    );
    const k4 = rows.find((row) => row.personKey === pseudonym('K4'));
    expect(k4?.details).toEqual({
      benefit: 'kontanthjaelp',
      listedBenefit: 'kontanthjaelp',
      spellStart: '2022-01-01',
      spellDays: 1096,
      monthsInSpell: 36,
      missing: 'offer',
      lastOffer: '2022-03-01',
      conversations: 12,
      hours: 0,
    });
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(Object.values(CPR).join('|')));

    const finding = await as(
      auditor,
      'POST',
      `/api/reviews/passive_cases/cases/${k4?.id ?? 0}/finding`,
      {
        compliant: false,
        finding: 'Intet tilbud siden marts 2022.',
      },
    );
    expect(finding.statusCode).toBe(201);
    const after = (await as(municipality, 'GET', `/api/reviews/passive_cases/${id}/cases`)).json<
      ReviewCase[]
    >();
    expect(after.find((row) => row.personKey === pseudonym('K4'))).toMatchObject({
      finding: 'Intet tilbud siden marts 2022.',
      compliant: false,
    });
  });

  it("shows the list in the municipality's case history and in the audit log, with the load it came from", async () => {
    const history = await as(municipality, 'GET', '/api/municipalities/101/case');
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Liste over alle passive sager pr. 2024-12-31: 5 sager');
    const database = api.database.database;
    const list = await database
      .selectFrom('passive_case_lists')
      .select(['load_id', 'as_of', 'description'])
      .executeTakeFirstOrThrow();
    expect(list.as_of).toBe('2024-12-31');
    expect(list.load_id).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]+$/);
    expect(list.description).toBe('Alle passive sager pr. 2024-12-31 (regler v2023)');
    const audit = await database
      .selectFrom('audit_log')
      .select(['actor', 'municipality_code'])
      .where('action', '=', 'passive_case_list.record')
      .execute();
    expect(audit).toEqual([{ actor: 'tilsyn', municipality_code: 101 }]);
  });

  it('refuses a municipality with no passive cases in the load, an unknown code and a folder as the load, recording nothing', async () => {
    const none = await as(ministry, 'POST', '/api/municipalities/751/passive-case-lists', {
      load: 'current',
      year: 2024,
    });
    expect(none.statusCode).toBe(409);
    expect(none.json<{ message: string }>().message).toMatch(
      /^Kommune 751 har ingen passive sager pr\. 2024-12-31 i indlæsning \S+; der er ingen liste at gennemgå\.$/,
    );
    const unknown = await as(ministry, 'POST', '/api/municipalities/102/passive-case-lists', {
      load: 'current',
      year: 2024,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<{ message: string }>().message).toBe(
      'Kommunekoden 102 er ikke en af de 98 kommuner.',
    );
    const folder = await as(ministry, 'POST', '/api/municipalities/101/passive-case-lists', {
      load: '/etc',
      year: 2024,
    });
    expect(folder.statusCode).toBe(422);
    expect(folder.json<{ error: string }>().error).toBe('bad_load');
    const lists = await api.database.database
      .selectFrom('passive_case_lists')
      .select('id')
      .execute();
    expect(lists).toHaveLength(1);
  });
});
