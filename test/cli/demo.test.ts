import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-demo-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('tilsyn demo, the main job', () => {
  it('generates, loads, measures and assesses a small synthetic data set, writing every result', async () => {
    const result = await runCli(['demo', '--scale', '0.01', '--from', '2021', '--to', '2022'], {
      cwd: root,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('1. Genererer datasættet');
    expect(result.stdout).toContain('2. Indlæser og kontrollerer det');
    // Each step's own time on its own line, after the step (not cumulative on the next step's line).
    expect(result.stdout).toMatch(
      /1\. Genererer datasættet …\n {5}tog \d+,\d s\n {2}2\. Indlæser og kontrollerer det …\n/,
    );
    expect(result.stdout.match(/^ {5}tog \d+,\d s$/gm)).toHaveLength(4);
    expect(result.stdout).toMatch(/Opgørelsen af 2021: omfattes ikke af skærpet tilsyn: \d+/);
    expect(result.stdout).toContain('Sagsforløb 2021–2022');
    const output = join(root, 'tilsyn-data', 'demo', 'resultater');
    expect((await readdir(output)).sort()).toEqual([
      'benchmark_measures.csv',
      'benefit_rates.csv',
      'early_effort.csv',
      'early_effort_alerts.csv',
      'expected_rates.csv',
      'focus_measures.csv',
      'measure_run.json',
      'minimum_requirements.csv',
      'national_focus_measures.csv',
      'opgoerelser.json',
      'opgoerelser.txt',
    ]);
    const report = await readFile(join(output, 'opgoerelser.txt'), 'utf8');
    expect(report).toContain('Årlig opgørelse 2022 — regler v2023 (bek. nr. 301 af 20/03/2023)');
    expect(report).toMatch(
      /Resultatmål: forventede ydelsesgrader fra benchmarkmodel benchmark-2022-/,
    );
  });

  it('reuses the data set and the load on the next run, with the same results', async () => {
    const output = join(root, 'tilsyn-data', 'demo', 'resultater', 'opgoerelser.json');
    const before = await readFile(output, 'utf8');
    const result = await runCli(['demo', '--scale', '0.01', '--from', '2021', '--to', '2022'], {
      cwd: root,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('1. Datasættet findes allerede og genbruges');
    expect(result.stdout).toContain('2. Indlæsningen er allerede i brug og genbruges');
    expect(await readFile(output, 'utf8')).toBe(before);
    const loads = await readdir(join(root, 'tilsyn-data', 'loads'));
    expect(loads.filter((name) => name !== 'CURRENT')).toHaveLength(1);
  });

  it('refuses assessment years outside the synthetic data set (exit 2)', async () => {
    const result = await runCli(['demo', '--from', '2019', '--to', '2020'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('det syntetiske datasæt dækker 2019–2025');
  });
});
