/**
 * Reform simulation from the command line: `tilsyn assess … --set` on the
 * example aggregates and on a load, and `tilsyn measure … --set`.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecords } from '../support/load-records.js';
import { runCli } from '../support/run-cli.js';
import { loadRecords } from '../support/write-load-store.js';

const FOCUS = resolve('examples/aggregates/focus_measures.csv');
const RATES = resolve('examples/aggregates/expected_rates.csv');
const FILES = ['--focus', FOCUS, '--rates', RATES];

interface SimulationJson {
  schema: string;
  simulation: boolean;
  overrides: { id: string; value: unknown; from: string | null; setting: string }[];
  inputs: { remeasured: boolean };
  years: {
    year: number;
    differences: {
      code: number;
      change: string;
      official: { decision: string };
      simulated: { decision: string };
      reasons: { code: string; goal?: string; official?: unknown; simulated?: unknown }[];
    }[];
  }[];
}

let root = '';
let data = '';

/**
 * A load for Lolland (360) only: ten persons on kontanthjælp from 2021, each
 * with a job conversation in person every month and 20 hours of ordinary work
 * every month (about 240–260 hours in any 12-month window), and no offer.
 */
function lollandPersons(): PersonRecords[] {
  const months: string[] = [];
  for (let year = 2021; year <= 2023; year += 1)
    for (let month = 1; month <= 12; month += 1)
      months.push(`${year}-${String(month).padStart(2, '0')}`);
  return Array.from({ length: 10 }, (_, index) => ({
    id: `p${String(index).padStart(2, '0')}`,
    periods: [{ municipality: 360, benefit: 'kontanthjaelp' as const, from: '2021-01-01' }],
    conversations: months.map((month) => ({ date: `${month}-10`, form: 'personligt' as const })),
    workHours: months.map((month) => ({ month, hours: 20 })),
  }));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-simulation-'));
  data = join(root, 'data');
  await loadRecords(data, lollandPersons());
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function simulationJson(args: string[]): Promise<SimulationJson> {
  const result = await runCli([...args, '--json'], { cwd: root, env: { TILSYN_DATA_DIR: data } });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as SimulationJson;
}

describe('tilsyn assess --set on the example aggregates', () => {
  const command = ['assess', '--from', '2021', '--to', '2025', ...FILES];

  it('lists the municipalities whose decisions change, year by year, under a report header naming the override', async () => {
    const result = await runCli([...command, '--set', 'focus.offers.threshold=20']);
    expect(result.code, result.stderr).toBe(0);
    const [first] = result.stdout.split('\n');
    expect(first).toBe(
      'SIMULERING — ikke gældende regler. Ændrede regler: focus.offers.threshold=20',
    );
    expect(result.stdout).toContain(
      'Opgørelsen af 2021 (regler v2021): ingen kommune får en anden afgørelse.',
    );
    expect(result.stdout).toContain(
      'Opgørelsen af 2023 (regler v2023): 2 kommuner får en anden afgørelse.',
    );
    expect(result.stdout).toContain(
      '  Lolland (360): udvælges i stedet — omfattes af skærpet tilsyn; efter gældende regler omfattes ikke\n' +
        '      af skærpet tilsyn\n' +
        '    • Fokusmålet om tilbud mv.: 22,0 % mod grænsen 20 % — ikke opfyldt; efter gældende regler 22,0 %\n' +
        '      mod grænsen 30 % — opfyldt.\n',
    );
  });

  it('Lolland 2023, worked by hand from the example files, is selected instead', async () => {
    // focus_measures.csv: 360, every month of 2023, offers, all: target 1000, passive 220,
    // so the 12-month average of December 2023 is 22.0 %; conversations 147 of 1000, 14.7 %.
    const focus = (await readFile(FOCUS, 'utf8'))
      .split('\n')
      .filter((line) => /^360,2023-\d\d,(offers|conversations),all,/.test(line))
      .map((line) => line.split(','));
    const share = (goal: string) =>
      focus
        .filter((fields) => fields[2] === goal)
        .reduce((sum, fields) => sum + (Number(fields[5]) / Number(fields[4])) * 100, 0) / 12;
    expect(share('offers')).toBeCloseTo(22, 12);
    expect(share('conversations')).toBeCloseTo(14.7, 12);
    // expected_rates.csv: 360, 2023: actual 15.5 % > expected 15.195833 %: the result goal is missed.
    const rate = (await readFile(RATES, 'utf8'))
      .split('\n')
      .find((line) => line.startsWith('360,2023,'));
    expect(rate).toBe('360,2023,3647,3720,15.195833,15.500000');
    // Under the rules in force (v2023, offers below 30 %) both goals are met: it stays out.
    // With the offers threshold at 20 %, 22.0 % misses a goal that can ground a decision in 2023,
    // and with the result goal missed it is selected (§ 6, stk. 1).
    const json = await simulationJson([...command, '--set', 'focus.offers.threshold=20']);
    const lolland = json.years
      .find((year) => year.year === 2023)
      ?.differences.find((entry) => entry.code === 360);
    expect(lolland?.change).toBe('selected_instead');
    expect(lolland?.official.decision).toBe('stays_out');
    expect(lolland?.simulated.decision).toBe('selected');
    expect(lolland?.reasons).toEqual([
      {
        code: 'focus_goal',
        goal: 'offers',
        official: { measure: 22, threshold: 30, outcome: 'met', canGround: true },
        simulated: { measure: 22, threshold: 20, outcome: 'missed', canGround: true },
        text: 'Fokusmålet om tilbud mv.: 22,0 % mod grænsen 20 % — ikke opfyldt; efter gældende regler 22,0 % mod grænsen 30 % — opfyldt.',
      },
    ]);
  });

  it('names every override in the JSON, and marks it as a simulation', async () => {
    const json = await simulationJson([
      ...command,
      '--set',
      'focus.offers.threshold=20',
      '--set',
      'deadlines.account_due_months@2024-01-01=2',
    ]);
    expect(json.schema).toBe('tilsyn.simulation/1');
    expect(json.simulation).toBe(true);
    expect(json.overrides).toEqual([
      { id: 'focus.offers.threshold', value: 20, from: null, setting: 'focus.offers.threshold=20' },
      {
        id: 'deadlines.account_due_months',
        value: 2,
        from: '2024-01-01',
        setting: 'deadlines.account_due_months@2024-01-01=2',
      },
    ]);
  });

  it.each([
    [['focus.offer.threshold=20'], '"focus.offer.threshold" er ikke en regel i regeltræet'],
    [['focus.offers.threshold=120'], 'focus.offers.threshold skal være fra 0 til 100, ikke 120'],
    [['focus.offers.threshold=tyve'], '"tyve" er ikke et tal'],
    [
      ['focus.offers.ordinary_work_hours=150'],
      'er en regel for målingerne fra persondata; de aggregerede fokusmålinger i --focus kan ikke genberegnes',
    ],
    [
      ['case_review.sample.share_percent=20'],
      'påvirker ikke den årlige opgørelse, men stikprøven ved udvælgelse (tilsyn sample)',
    ],
  ])('--set %s is refused (exit 2) with the id and the reason', async (settings, reason) => {
    const result = await runCli([...command, ...settings.flatMap((setting) => ['--set', setting])]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Afvist: --set ${settings[0] ?? ''}: `);
    expect(result.stderr).toContain(reason);
  });

  it('never writes over an official result, nor into the data directory', async () => {
    const official = join(root, 'official.txt');
    expect((await runCli([...command, '--out', official])).code).toBe(0);
    const over = await runCli([
      ...command,
      '--set',
      'focus.offers.threshold=20',
      '--out',
      official,
    ]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('findes og er ikke en simulering');
    const inData = await runCli(
      [...command, '--set', 'focus.offers.threshold=20', '--out', join(data, 'sim.txt')],
      { env: { TILSYN_DATA_DIR: data } },
    );
    expect(inData.code).toBe(2);
    expect(inData.stderr).toContain('ligger i datamappen');
    const simulated = join(root, 'simulated.txt');
    for (let run = 0; run < 2; run += 1) {
      const result = await runCli([
        ...command,
        '--set',
        'focus.offers.threshold=20',
        '--out',
        simulated,
      ]);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(await readFile(simulated, 'utf8')).toMatch(/^SIMULERING/);
  });
});

describe('tilsyn assess --set from a load', () => {
  const command = ['assess', '--year', '2023', '--load', 'current', '--rates', RATES];

  it("a measurement rule re-measures the load: at 300 hours Lolland's persons are passive for offers and it is selected instead", async () => {
    // 20 hours a month: about 240–260 hours in every window, above the 225 (and 100) hours in force
    // for 2023, so nobody is passive for offers (0 %); at 300 hours all ten are (100 %).
    const json = await simulationJson([
      ...command,
      '--set',
      'focus.offers.ordinary_work_hours=300',
    ]);
    expect(json.inputs.remeasured).toBe(true);
    const [y2023] = json.years;
    expect(y2023?.differences.map((entry) => [entry.code, entry.change])).toEqual([
      [360, 'selected_instead'],
    ]);
    expect(y2023?.differences[0]?.reasons).toEqual([
      {
        code: 'focus_goal',
        goal: 'offers',
        official: { measure: 0, threshold: 30, outcome: 'met', canGround: true },
        simulated: { measure: 100, threshold: 30, outcome: 'missed', canGround: true },
        text: 'Fokusmålet om tilbud mv.: 100,0 % mod grænsen 30 % — ikke opfyldt; efter gældende regler 0,0 % mod grænsen 30 % — opfyldt.',
      },
    ]);
  });

  it('a rule of the assessment reuses the one measurement of the load', async () => {
    const json = await simulationJson([...command, '--set', 'focus.conversations.threshold=0']);
    expect(json.inputs.remeasured).toBe(false);
    expect(json.years[0]?.differences.map((entry) => [entry.code, entry.change])).toEqual([
      [360, 'selected_instead'],
    ]);
  });
});

describe('tilsyn measure --set', () => {
  const measure = ['measure', '--load', 'current', '--from', '2023-01', '--to', '2023-12'];
  const run = (args: string[]) => runCli(args, { cwd: root, env: { TILSYN_DATA_DIR: data } });

  it('writes the simulated files, every changed figure and a marker naming the override, and says which figures change', async () => {
    const result = await run([
      ...measure,
      '--out',
      'sim',
      '--set',
      'focus.offers.ordinary_work_hours=300',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^SIMULERING — ikke gældende regler\. Ændrede regler: focus\.offers\.ordinary_work_hours=300\n/,
    );
    expect(result.stdout).toContain('  focus_measures.csv             ');
    const files = await readdir(join(root, 'sim'));
    expect(files).toContain('SIMULERING.txt');
    expect(files).toContain('simulation_changes.csv');
    const record = JSON.parse(await readFile(join(root, 'sim', 'measure_run.json'), 'utf8')) as {
      rules: { official: boolean; overrides: { setting: string }[] };
    };
    expect(record.rules.official).toBe(false);
    expect(record.rules.overrides.map((override) => override.setting)).toEqual([
      'focus.offers.ordinary_work_hours=300',
    ]);
    const changes = await readFile(join(root, 'sim', 'simulation_changes.csv'), 'utf8');
    expect(changes).toContain('focus_measures.csv,"360,2023-12,offers,all",passive,0,10\n');
    expect(changes).not.toContain('conversations');
  });

  it("refuses a folder holding official measures, and official measures into a simulation's folder", async () => {
    expect((await run([...measure, '--out', 'official'])).code).toBe(0);
    const into = await run([...measure, '--out', 'official', '--set', 'measures.window_days=300']);
    expect(into.code).toBe(2);
    expect(into.stderr).toContain('indeholder officielle målinger');
    const officialInto = await run([...measure, '--out', 'sim']);
    expect(officialInto.code).toBe(2);
    expect(officialInto.stderr).toContain('indeholder en simulering');
  });

  it('refuses a rule that is not a measurement rule, saying what it affects', async () => {
    const result = await run([...measure, '--out', 'x', '--set', 'focus.offers.threshold=20']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'focus.offers.threshold påvirker ikke målingerne, men den årlige opgørelse (tilsyn assess)',
    );
  });
});
