import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecords } from '../support/load-records.js';
import { runCli } from '../support/run-cli.js';
import { loadRecords } from '../support/write-load-store.js';

/**
 * A national load small enough for a test: the framework conditions of the
 * benchmark fixture with residents scaled down 200 times, and in each
 * municipality as many persons on kontanthjælp all of 2024 as its actual rate
 * in the fixture implies, plus one person for half the year. Every route from
 * the load (benchmark --load, assess --load) must give exactly what the file
 * route gives (measure → benefit_rates.csv / focus_measures.csv → benchmark →
 * expected_rates.csv → assess).
 */
let root = '';
let data = '';
let framework = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-benchmark-load-'));
  data = join(root, 'data');
  const fixture = (await readFile('test/fixtures/benchmark/framework_conditions.csv', 'utf8'))
    .trim()
    .split('\n');
  const actual = new Map(
    (await readFile('test/fixtures/benchmark/benefit_rates.csv', 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter((fields) => fields[1] === '2024')
      .map((fields) => [Number(fields[0]), Number(fields[6])]),
  );
  const rows = fixture
    .slice(1)
    .map((line) => line.split(','))
    .filter((fields) => fields[1] === '2024')
    .map((fields) => [
      fields[0] ?? '',
      fields[1] ?? '',
      String(Math.round(Number(fields[2]) / 200)),
      ...fields.slice(3),
    ]);
  framework = `${fixture[0] ?? ''}\n${rows.map((fields) => fields.join(',')).join('\n')}\n`;
  await writeFile(join(root, 'framework.csv'), framework);
  const persons: PersonRecords[] = [];
  for (const fields of rows) {
    const municipality = Number(fields[0]);
    const residents = Number(fields[2]);
    const count = Math.max(1, Math.round((residents * (actual.get(municipality) ?? 10)) / 100));
    for (let index = 0; index < count; index += 1) {
      persons.push({
        id: `m${municipality}-${String(index).padStart(5, '0')}`,
        periods: [{ municipality, benefit: 'kontanthjaelp', from: '2024-01-01', to: '2024-12-31' }],
      });
    }
    persons.push({
      id: `m${municipality}-half`,
      periods: [{ municipality, benefit: 'dagpenge', from: '2024-07-01', to: '2024-12-31' }],
    });
  }
  await loadRecords(data, persons, { frameworkConditionsCsv: framework });
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface RateJson {
  municipality: number;
  expectedShare: number;
  actualShare: number;
  expectedCount: number;
  rank: number;
}

describe('tilsyn benchmark --load', () => {
  it('fits the model on the load’s framework conditions and the benefit rates the engine computes from it: the same as the file route', async () => {
    const env = { TILSYN_DATA_DIR: data };
    const fromLoad = await runCli(['benchmark', '--load', 'current', '--year', '2024', '--json'], {
      cwd: root,
      env,
    });
    expect(fromLoad.code, fromLoad.stderr).toBe(0);
    const measured = await runCli(
      ['measure', '--load', 'current', '--from', '2024-01', '--to', '2024-12', '--out', 'm'],
      { cwd: root, env },
    );
    expect(measured.code, measured.stderr).toBe(0);
    const fromFiles = await runCli(
      [
        'benchmark',
        '--framework',
        'framework.csv',
        '--actual',
        'm/benefit_rates.csv',
        '--year',
        '2024',
        '--json',
      ],
      { cwd: root },
    );
    expect(fromFiles.code, fromFiles.stderr).toBe(0);
    const rates = (text: string) => (JSON.parse(text) as { rates: RateJson[] }).rates;
    const loadRates = rates(fromLoad.stdout);
    expect(loadRates).toHaveLength(98);
    expect(loadRates).toEqual(rates(fromFiles.stdout));
    // The half-year person adds 184/366 of a full-time person to the whole-year count.
    const copenhagen = loadRates.find((rate) => rate.municipality === 101);
    // København: 441 760 / 200 = 2 209 residents; 10.0326 % of them = 222 persons all year.
    expect(copenhagen?.actualShare).toBeCloseTo(((222 + 184 / 366) / 2209) * 100, 12);
  });

  it('ranks the benchmark measures computed from the load', async () => {
    const result = await runCli(['benchmark', '--load', 'current', '--year', '2024'], {
      cwd: root,
      env: { TILSYN_DATA_DIR: data },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Benchmarkmålinger, december 2024, alle ydelser');
  });
});

describe('tilsyn assess --load', () => {
  it('decides exactly as the file route: measure, benchmark --out, assess --focus --rates', async () => {
    const env = { TILSYN_DATA_DIR: data };
    const fromLoad = await runCli(['assess', '--year', '2024', '--load', 'current', '--json'], {
      cwd: root,
      env,
    });
    expect(fromLoad.code, fromLoad.stderr).toBe(0);
    for (const command of [
      ['measure', '--load', 'current', '--from', '2024-01', '--to', '2024-12', '--out', 'a'],
      ['benchmark', '--load', 'current', '--year', '2024', '--out', 'a/expected_rates.csv'],
    ]) {
      const result = await runCli(command, { cwd: root, env });
      expect(result.code, result.stderr).toBe(0);
    }
    const fromFiles = await runCli(
      [
        'assess',
        '--year',
        '2024',
        '--focus',
        'a/focus_measures.csv',
        '--rates',
        'a/expected_rates.csv',
        '--json',
      ],
      { cwd: root },
    );
    expect(fromFiles.code, fromFiles.stderr).toBe(0);
    interface Entry {
      code: number;
      decision: { kind: string };
      resultGoal: { differencePoints: number; source: string };
      focusGoals: Record<string, { measure: number | null }>;
    }
    const entries = (text: string) =>
      (JSON.parse(text) as { years: { municipalities: Entry[] }[] }).years[0]?.municipalities ?? [];
    const load = entries(fromLoad.stdout);
    const files = entries(fromFiles.stdout);
    expect(load).toHaveLength(98);
    const comparable = (entry: Entry) => ({
      code: entry.code,
      decision: entry.decision.kind,
      difference: entry.resultGoal.differencePoints,
      focus: entry.focusGoals,
    });
    expect(load.map(comparable)).toEqual(files.map(comparable));
    // Every kontanthjælp recipient has 366 countable days and no effort by December 2024.
    expect(load.filter((entry) => entry.decision.kind === 'selected').length).toBeGreaterThan(0);
    expect(load[0]?.resultGoal.source).toMatch(/^benchmarkmodel benchmark-2024-[0-9a-f]{16}$/);
    expect(files[0]?.resultGoal.source).toMatch(
      /^benchmarkmodel benchmark-2024-[0-9a-f]{16} \(fra filen a\/expected_rates\.csv\)$/,
    );
  });
});
