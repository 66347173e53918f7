/**
 * The § 8 case-review sample (bek. nr. 1409, the 2019 rules) drawn from a
 * stored load through the API (the case system's `recordCaseSampleFromLoad`)
 * and compared with what `tilsyn measure --persons` + `tilsyn sample` draw
 * from the same load with the same seed: the same person keys in the same
 * order. Against PGlite and PostgreSQL.
 *
 * Two loads:
 * - the hand-worked load of the list of all passive cases
 *   (`test/support/passive-case-persons.ts`): København (101) misses both
 *   goals in 2024; kontanthjælp (K1–K6) and uddannelseshjælp (U1) missed,
 *   dagpenge did not. The assessment of 2024 follows v2023, which has no
 *   sample review, so the ministry asks for the 2019 parameters
 *   (`ruleVersion` v2021): fewer than 20 cases in each group, so every case
 *   is drawn, 7 in all, K1–K4 and U1 passive, K5 and K6 not;
 * - the load of `test/cli/sample-from-load.test.ts`: København in 2021, 50
 *   on kontanthjælp (24 passive for conversations), 20 on dagpenge (none):
 *   max(20, ⌈15 % × 50⌉) = 20 of the 50 on kontanthjælp, 10 passive and 10
 *   not, so the seed decides who is drawn.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthRange, yearMonth } from '../../src/core/calendar/year-month.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { addTestUser, logIn, useTestApi, type LoggedIn, type TestApi } from '../support/api.js';
import type { PersonRecords } from '../support/load-records.js';
import { CPR, KEY, PERSONS, pseudonym } from '../support/passive-case-persons.js';
import { runCli } from '../support/run-cli.js';
import { writeRawFiles } from '../support/write-load-store.js';

const root = await mkdtemp(join(tmpdir(), 'tilsyn-api-sample-'));
const env = { TILSYN_PSEUDONYM_KEY: KEY };

/** 70 persons in København since June 2019: the load of test/cli/sample-from-load.test.ts. */
const cpr = (index: number) => `010180${1000 + index}`;
const WIDE: readonly PersonRecords[] = Array.from({ length: 70 }, (_, index) => ({
  id: cpr(index),
  periods: [
    {
      municipality: 101,
      benefit: index < 50 ? ('kontanthjaelp' as const) : ('dagpenge' as const),
      from: '2019-06-01',
    },
  ],
  conversations:
    index < 24
      ? []
      : monthRange(yearMonth('2019-06'), yearMonth('2021-12')).map((month) => ({
          date: `${month}-15`,
        })),
}));

interface DrawnCase {
  readonly personId: string;
  readonly benefit: string;
  readonly passive: boolean;
}

/** Loads `persons` into `folder/data` and draws the sample with the CLI, as a user would. */
async function loadAndSampleWithCli(
  folder: string,
  persons: readonly PersonRecords[],
  year: number,
  sampleArguments: readonly string[],
): Promise<DrawnCase[]> {
  await mkdir(join(folder, 'raw'), { recursive: true });
  await writeRawFiles(join(folder, 'raw'), persons, { municipalities: [101, 147] });
  expect((await runCli(['load', 'raw', '--data-dir', 'data'], { cwd: folder, env })).code).toBe(0);
  const measured = await runCli(
    [
      'measure',
      '--load',
      'current',
      '--data-dir',
      'data',
      '--from',
      `${year}-01`,
      '--to',
      `${year}-12`,
      '--out',
      'measures',
      '--persons',
      'persons.csv',
    ],
    { cwd: folder, env },
  );
  expect(measured.stderr).toBe('');
  const sampled = await runCli(
    [
      'sample',
      '--persons',
      'persons.csv',
      '--focus',
      'measures/focus_measures.csv',
      '--municipality',
      '101',
      '--year',
      String(year),
      ...sampleArguments,
      '--out',
      'sample.json',
    ],
    { cwd: folder, env },
  );
  expect(sampled.stderr).toBe('');
  expect(sampled.code).toBe(0);
  return (JSON.parse(await readFile(join(folder, 'sample.json'), 'utf8')) as { cases: DrawnCase[] })
    .cases;
}

let cliPassiveLoad: DrawnCase[] = [];
let cliWideSeed7: DrawnCase[] = [];

beforeAll(async () => {
  [cliPassiveLoad, cliWideSeed7] = await Promise.all([
    loadAndSampleWithCli(join(root, 'passive'), PERSONS, 2024, [
      '--rule-version',
      'v2021',
      '--seed',
      '7',
    ]),
    loadAndSampleWithCli(join(root, 'wide'), WIDE, 2021, ['--seed', '7']),
  ]);
}, 240_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface ReviewCase {
  readonly id: number;
  readonly personKey: string;
  readonly details: { readonly benefit: string; readonly passive: boolean };
  readonly finding: string | null;
  readonly compliant: boolean | null;
}

function usersOf(api: TestApi) {
  const users = {} as { ministry: LoggedIn; auditor: LoggedIn; municipality: LoggedIn };
  beforeAll(async () => {
    const database = api.database.database;
    users.ministry = await logIn(
      api.app,
      await addTestUser(database, { username: 'tilsyn', role: 'ministry' }),
    );
    users.auditor = await logIn(
      api.app,
      await addTestUser(database, { username: 'revisor', role: 'auditor' }),
    );
    users.municipality = await logIn(
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
  return { users, as };
}

describe.each(DATABASE_KINDS)('the § 8 case-review sample from a load (%s)', (kind) => {
  const api = useTestApi(kind, { dataDirectory: join(root, 'passive', 'data') });
  const { users, as } = usersOf(api);

  it('draws the cases tilsyn sample draws, and an auditor records one finding per case', async () => {
    const recorded = await as(users.ministry, 'POST', '/api/municipalities/101/case-samples', {
      load: 'current',
      year: 2024,
      ruleVersion: 'v2021',
      seed: 7,
      drawnOn: '2025-02-03',
    });
    expect(recorded.statusCode).toBe(201);
    const { id, cases, seed } = recorded.json<{ id: number; cases: number; seed: number }>();
    expect([cases, seed]).toEqual([7, 7]);

    const assigned = await as(users.ministry, 'POST', `/api/reviews/sample/${id}/auditor`, {
      auditorUsername: 'revisor',
    });
    expect(assigned.statusCode).toBe(201);
    const read = await as(users.auditor, 'GET', `/api/reviews/sample/${id}/cases`);
    expect(read.statusCode).toBe(200);
    const rows = read.json<ReviewCase[]>();
    expect(rows.map((row) => ({ personId: row.personKey, ...row.details }))).toEqual(
      cliPassiveLoad.map(({ personId, benefit, passive }) => ({ personId, benefit, passive })),
    );
    const passive = (names: readonly string[]) => names.map(pseudonym).sort();
    expect(
      rows
        .filter((row) => row.details.passive)
        .map((row) => row.personKey)
        .sort(),
    ).toEqual(passive(['K1', 'K2', 'K3', 'K4', 'U1']));
    expect(
      rows
        .filter((row) => !row.details.passive)
        .map((row) => row.personKey)
        .sort(),
    ).toEqual(passive(['K5', 'K6']));
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(Object.values(CPR).join('|')));

    for (const [index, row] of rows.entries()) {
      const finding = await as(
        users.auditor,
        'POST',
        `/api/reviews/sample/cases/${row.id}/finding`,
        { compliant: index % 2 === 0, finding: `Sag ${index + 1} gennemgået.` },
      );
      expect(finding.statusCode).toBe(201);
    }
    const corrected = await as(
      users.auditor,
      'POST',
      `/api/reviews/sample/cases/${rows[0]?.id ?? 0}/finding`,
      { compliant: false, finding: 'Sag 1 gennemgået igen: ingen samtale i 2024.' },
    );
    expect(corrected.statusCode).toBe(201);
    const after = (await as(users.municipality, 'GET', `/api/reviews/sample/${id}/cases`)).json<
      ReviewCase[]
    >();
    expect(after.map((row) => [row.finding, row.compliant])).toEqual([
      ['Sag 1 gennemgået igen: ingen samtale i 2024.', false],
      ...rows.slice(1).map((_, index) => [`Sag ${index + 2} gennemgået.`, index % 2 === 1]),
    ]);
  });

  it('records the sample with its load, seed and rules in the case history and the audit log', async () => {
    const history = await as(users.municipality, 'GET', '/api/municipalities/101/case');
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Stikprøve til sagsgennemgang pr. 2025-02-03: 7 sager');
    const database = api.database.database;
    const sample = await database
      .selectFrom('case_review_samples')
      .select(['load_id', 'drawn_on', 'description'])
      .executeTakeFirstOrThrow();
    expect(sample.drawn_on).toBe('2025-02-03');
    expect(sample.load_id).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]+$/);
    expect(sample.description).toBe(
      'Stikprøve til uvildig sagsgennemgang (bek. nr. 1409 af 16/12/2019 § 8, stk. 2) ved opgørelsen af 2024 ' +
        '(regler v2021, seed 7): 7 sager af målgruppen pr. 31. december 2024',
    );
    const audit = await database
      .selectFrom('audit_log')
      .select(['actor', 'municipality_code'])
      .where('action', '=', 'case_review_sample.record')
      .execute();
    expect(audit).toEqual([{ actor: 'tilsyn', municipality_code: 101 }]);
  });

  it('refuses a municipality not selected, an unknown code, a folder as the load and rules without a sample, recording nothing', async () => {
    const post = (code: number, body: object) =>
      as(users.ministry, 'POST', `/api/municipalities/${code}/case-samples`, body);
    const none = await post(751, { load: 'current', year: 2024, ruleVersion: 'v2021' });
    expect(none.statusCode).toBe(409);
    expect(none.json<{ message: string }>().message).toMatch(
      /^Kommune 751 missede ikke et fokusmål, der kunne begrunde en afgørelse ved opgørelsen af 2024, i indlæsning \S+; der er ingen stikprøve at trække\.$/,
    );
    const unknown = await post(102, { load: 'current', year: 2024, ruleVersion: 'v2021' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<{ message: string }>().message).toBe(
      'Kommunekoden 102 er ikke en af de 98 kommuner.',
    );
    const folder = await post(101, { load: '/etc', year: 2024, ruleVersion: 'v2021' });
    expect(folder.statusCode).toBe(422);
    expect(folder.json<{ error: string }>().error).toBe('bad_load');
    const noSample = await post(101, { load: 'current', year: 2024 });
    expect(noSample.statusCode).toBe(422);
    expect(noSample.json<{ error: string; message: string }>()).toMatchObject({
      error: 'no_sample_case_review',
      message: expect.stringMatching(
        /^Opgørelsen af 2024 følger v2023 .*angiv ruleVersion v2019 eller v2021\.$/,
      ) as unknown,
    });
    const badVersion = await post(101, { load: 'current', year: 2024, ruleVersion: 'v2023' });
    expect(badVersion.statusCode).toBe(422);
    expect(badVersion.json<{ error: string }>().error).toBe('bad_rule_version');
    const byMunicipality = await as(
      users.municipality,
      'POST',
      '/api/municipalities/101/case-samples',
      { load: 'current', year: 2024, ruleVersion: 'v2021' },
    );
    expect(byMunicipality.statusCode).toBe(403);
    const samples = await api.database.database
      .selectFrom('case_review_samples')
      .select('id')
      .execute();
    expect(samples).toHaveLength(1);
  });
});

describe.each(DATABASE_KINDS)('the seeded draw from a larger load (%s)', (kind) => {
  const api = useTestApi(kind, { dataDirectory: join(root, 'wide', 'data') });
  const { users, as } = usersOf(api);

  const drawn = async (id: number) =>
    (await as(users.ministry, 'GET', `/api/reviews/sample/${id}/cases`))
      .json<ReviewCase[]>()
      .map((row) => row.personKey);

  it('draws 20 of the 50 on kontanthjælp, the same persons in the same order as tilsyn sample with the seed', async () => {
    const recorded = await as(users.ministry, 'POST', '/api/municipalities/101/case-samples', {
      load: 'current',
      year: 2021,
      seed: 7,
    });
    expect(recorded.statusCode).toBe(201);
    const { id, cases } = recorded.json<{ id: number; cases: number }>();
    expect(cases).toBe(20);
    expect(await drawn(id)).toEqual(cliWideSeed7.map((entry) => entry.personId));
  });

  it('answers the seed it chose when none is given, and that seed draws the same sample again', async () => {
    const first = await as(users.ministry, 'POST', '/api/municipalities/101/case-samples', {
      load: 'current',
      year: 2021,
    });
    expect(first.statusCode).toBe(201);
    const chosen = first.json<{ id: number; seed: number }>();
    const again = await as(users.ministry, 'POST', '/api/municipalities/101/case-samples', {
      load: 'current',
      year: 2021,
      seed: chosen.seed,
    });
    expect(again.statusCode).toBe(201);
    const repeated = await drawn(again.json<{ id: number }>().id);
    expect(repeated).toHaveLength(20);
    expect(repeated).toEqual(await drawn(chosen.id));
    const description = await api.database.database
      .selectFrom('case_review_samples')
      .select('description')
      .where('id', '=', chosen.id)
      .executeTakeFirstOrThrow();
    expect(description.description).toContain(`seed ${chosen.seed} valgt tilfældigt`);
  });
});
