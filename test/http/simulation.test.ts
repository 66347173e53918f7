/**
 * The reform simulation of the web application over the example aggregates:
 * the rules it offers, the same answer as `tilsyn assess --set`, the
 * refusals in Danish naming the rule, who may simulate, and that nothing is
 * stored.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationRules, WebSimulationResult } from '../../src/cases/views/web-simulation.js';
import { addTestToken, addTestUser, useTestApi, exampleWebOptions } from '../support/api.js';
import { runCli } from '../support/run-cli.js';

const FOCUS = 'examples/aggregates/focus_measures.csv';
const RATES = 'examples/aggregates/expected_rates.csv';

interface CliSimulation {
  years: {
    year: number;
    decisionCounts: { official: Record<string, number>; simulated: Record<string, number> };
    differences: {
      code: number;
      name: string;
      change: string;
      official: { decision: string; statusBefore: string; statusAfter: string };
      simulated: { decision: string; statusBefore: string; statusAfter: string };
      reasons: unknown[];
    }[];
  }[];
}

const api = useTestApi('pglite', exampleWebOptions());
const tokens: Record<'ministry' | 'amk' | 'municipality' | 'auditor', string> = {
  ministry: '',
  amk: '',
  municipality: '',
  auditor: '',
};

beforeAll(async () => {
  const database = api.database.database;
  await addTestUser(database, { username: 'styrelsen', role: 'ministry' });
  await addTestUser(database, { username: 'amk', role: 'amk', amk: 'AMK Øst' });
  await addTestUser(database, { username: 'aarhus', role: 'municipality', municipality: 751 });
  await addTestUser(database, { username: 'revisor', role: 'auditor' });
  tokens.ministry = await addTestToken(database, 'styrelsen');
  tokens.amk = await addTestToken(database, 'amk');
  tokens.municipality = await addTestToken(database, 'aarhus');
  tokens.auditor = await addTestToken(database, 'revisor');
});

function rulesOf(token: string | undefined, query = '') {
  return api.app.inject({
    method: 'GET',
    url: `/api/web/simulation/rules${query}`,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

function simulate(token: string | undefined, body: unknown) {
  return api.app.inject({
    method: 'POST',
    url: '/api/web/simulation',
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    payload: body as object,
  });
}

async function cliSimulation(settings: readonly string[]): Promise<CliSimulation> {
  const result = await runCli([
    'assess',
    '--from',
    '2021',
    '--to',
    '2024',
    '--focus',
    resolve(FOCUS),
    '--rates',
    resolve(RATES),
    ...settings.flatMap((setting) => ['--set', setting]),
    '--json',
  ]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as CliSimulation;
}

/** The view's answer in the shape of the CLI's differences: only the municipalities that differ. */
function differencesOf(result: WebSimulationResult) {
  return result.years.map((year) => ({
    year: year.year,
    differences: year.municipalities
      .filter((row) => row.change !== null)
      .sort((a, b) => a.code - b.code)
      .map((row) => ({
        code: row.code,
        name: row.name,
        change: row.change,
        official: {
          decision: row.official.decision,
          statusBefore: row.official.statusBefore,
          statusAfter: row.official.statusAfter,
        },
        simulated: {
          decision: row.simulated.decision,
          statusBefore: row.simulated.statusBefore,
          statusAfter: row.simulated.statusAfter,
        },
        reasons: row.reasons,
      })),
  }));
}

function countsOf(result: WebSimulationResult, side: 'official' | 'simulated') {
  return result.years.map((year) => {
    const counts: Record<string, number> = {};
    for (const row of year.municipalities)
      counts[row[side].decision] = (counts[row[side].decision] ?? 0) + 1;
    return counts;
  });
}

describe('the adjustable rules', () => {
  it('lists the focus goal thresholds with the value in force, the unit and the quoted §', async () => {
    const response = await rulesOf(tokens.ministry, '?year=2024');
    expect(response.statusCode, response.body).toBe(200);
    const rules = response.json<SimulationRules>();
    expect(rules.figures).toBe('files');
    expect([rules.firstYear, rules.lastYear]).toEqual([2021, 2024]);
    const focus = rules.groups.find((group) => group.area === 'focus_goals');
    const offers = focus?.rules.find((rule) => rule.id === 'focus.offers.threshold');
    expect(offers).toMatchObject({
      label: 'Fokusmål om tilbud: passivandelen skal i gennemsnit være under',
      value: 30,
      input: '30',
      unitText: '%',
      reference: {
        kind: 'citation',
        citation: 'bek. nr. 301 af 20/03/2023 § 5, nr. 1',
        paragraph: '§ 5',
        nr: 1,
      },
    });
    expect(offers?.reference).toHaveProperty(
      'quote',
      expect.stringContaining('mindre end 30 pct.'),
    );
    expect(offers?.official.map((value) => value.valueText)).toEqual(['20 %', '30 %']);
  });

  it('reads the values in force for the year asked for', async () => {
    // The assessment of 2021 is made under the rules of 1 April 2022 (v2021: below 20 %).
    const rules = (await rulesOf(tokens.ministry, '?year=2021')).json<SimulationRules>();
    const offers = rules.groups
      .flatMap((group) => group.rules)
      .find((rule) => rule.id === 'focus.offers.threshold');
    expect(offers?.value).toBe(20);
    expect(rules.ruleDate).toBe('2022-04-01');
  });

  it('offers no measurement rule over aggregated files, and no citation of a §', async () => {
    const rules = (await rulesOf(tokens.ministry)).json<SimulationRules>();
    const all = rules.groups.flatMap((group) => group.rules);
    expect(all.length).toBeGreaterThan(5);
    expect(all.filter((rule) => rule.stage === 'measurement')).toEqual([]);
    expect(all.filter((rule) => rule.unit === 'paragraph')).toEqual([]);
    expect(all.map((rule) => rule.id)).not.toContain('focus.offers.ordinary_work_hours');
    expect(rules.limits).toContain('reglerne for målingerne fra persondata kan ikke ændres');
  });
});

describe('a simulation', () => {
  it('gives the decisions of tilsyn assess --set for the same change, to the last digit', async () => {
    const response = await simulate(tokens.ministry, {
      fromYear: 2021,
      toYear: 2024,
      overrides: [{ id: 'focus.offers.threshold', value: '20' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<WebSimulationResult>();
    const cli = await cliSimulation(['focus.offers.threshold=20']);
    expect(differencesOf(result)).toEqual(
      cli.years.map((year) => ({ year: year.year, differences: year.differences })),
    );
    expect(countsOf(result, 'official')).toEqual(
      cli.years.map((year) => year.decisionCounts.official),
    );
    expect(countsOf(result, 'simulated')).toEqual(
      cli.years.map((year) => year.decisionCounts.simulated),
    );
    // The example files change Lolland's 2023 decision (test/cli/simulation.test.ts works it by hand).
    const year2023 = result.years.find((year) => year.year === 2023);
    const lolland = year2023?.municipalities.find((row) => row.code === 360);
    expect(lolland).toMatchObject({
      name: 'Lolland',
      change: 'selected_instead',
      changeText: 'udvælges i stedet',
      official: { decision: 'stays_out' },
      simulated: { decision: 'selected' },
    });
    expect(lolland?.simulated.focusGoals.offers.threshold).toBe(20);
    expect(lolland?.official.focusGoals.offers.threshold).toBe(30);
    expect(year2023?.municipalities[0]?.change).not.toBeNull();
    expect(year2023?.municipalities).toHaveLength(98);
    expect(result.changedDecisions).toBe(
      cli.years.reduce(
        (sum, year) =>
          sum + year.differences.filter((entry) => entry.change !== 'other_deadlines').length,
        0,
      ),
    );
  }, 120_000);

  it('reads a Danish decimal comma and shows only the years asked for, as the CLI does', async () => {
    const response = await simulate(tokens.ministry, {
      fromYear: 2023,
      toYear: 2024,
      overrides: [
        { id: 'focus.offers.threshold', value: '24,8' },
        { id: 'focus.conversations.threshold', value: '15' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<WebSimulationResult>();
    expect(result.years.map((year) => year.year)).toEqual([2023, 2024]);
    expect(result.overrides.map((override) => override.valueText)).toEqual(['24,80 %', '15 %']);
    const cli = await cliSimulation([
      'focus.offers.threshold=24.8',
      'focus.conversations.threshold=15',
    ]);
    expect(differencesOf(result)).toEqual(
      cli.years
        .filter((year) => year.year >= 2023)
        .map((year) => ({ year: year.year, differences: year.differences })),
    );
  }, 120_000);

  it('refuses a value out of the rule’s range with 422 and a Danish message naming the rule', async () => {
    const response = await simulate(tokens.ministry, {
      fromYear: 2024,
      toYear: 2024,
      overrides: [{ id: 'focus.offers.threshold', value: '200' }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      error: 'simulation_refused',
      message:
        'Fokusmål om tilbud: passivandelen skal i gennemsnit være under (focus.offers.threshold) skal være fra 0 til 100, ikke 200.',
      field: 'focus.offers.threshold',
    });
  });

  it('refuses a measurement rule over aggregated files, a text that is no number, and an unknown rule', async () => {
    const refusal = async (id: string, value: string) => {
      const response = await simulate(tokens.ministry, {
        fromYear: 2024,
        toYear: 2024,
        overrides: [{ id, value }],
      });
      expect(response.statusCode).toBe(422);
      return response.json<{ message: string; field?: string }>();
    };
    expect(await refusal('focus.offers.ordinary_work_hours', '150')).toEqual(
      expect.objectContaining({
        field: 'focus.offers.ordinary_work_hours',
        message: expect.stringContaining(
          '(focus.offers.ordinary_work_hours) er en regel for målingerne fra persondata',
        ) as unknown,
      }),
    );
    expect((await refusal('focus.offers.threshold', 'tyve')).message).toBe(
      'Fokusmål om tilbud: passivandelen skal i gennemsnit være under (focus.offers.threshold) skal være fra 0 til 100: "tyve" er ikke et tal.',
    );
    expect((await refusal('focus.offers.treshold', '20')).message).toBe(
      '"focus.offers.treshold" er ikke en regel i regeltræet.',
    );
  });

  it('refuses years outside the figures and a simulation without a change', async () => {
    const years = await simulate(tokens.ministry, {
      fromYear: 2020,
      toYear: 2024,
      overrides: [{ id: 'focus.offers.threshold', value: '20' }],
    });
    expect(years.statusCode).toBe(422);
    expect(years.json()).toMatchObject({
      field: 'fromYear',
      message: 'Årene skal være fra 2021 til 2024, ikke 2020.',
    });
    const none = await simulate(tokens.ministry, { fromYear: 2024, toYear: 2024, overrides: [] });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ message: 'Ændr mindst én regel for at simulere.' });
  });

  it('stores nothing: no case event, decision or audit row is written', async () => {
    const database = api.database.database;
    const count = async (table: 'audit_log' | 'case_events' | 'decisions') =>
      Number(
        (
          await database
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = [await count('audit_log'), await count('case_events'), await count('decisions')];
    const response = await simulate(tokens.ministry, {
      fromYear: 2024,
      toYear: 2024,
      overrides: [{ id: 'focus.offers.threshold', value: '20' }],
    });
    expect(response.statusCode).toBe(200);
    expect([
      await count('audit_log'),
      await count('case_events'),
      await count('decisions'),
    ]).toEqual(before);
  }, 120_000);

  it('is the ministry’s only: the other roles get 403 and the public 401', async () => {
    const body = {
      fromYear: 2024,
      toYear: 2024,
      overrides: [{ id: 'focus.offers.threshold', value: '20' }],
    };
    for (const role of ['amk', 'municipality', 'auditor'] as const) {
      expect((await rulesOf(tokens[role])).statusCode).toBe(403);
      expect((await simulate(tokens[role], body)).statusCode).toBe(403);
    }
    expect((await rulesOf(undefined)).statusCode).toBe(401);
    expect((await simulate(undefined, body)).statusCode).toBe(401);
  });
});
