/**
 * Issue 12 § 1: every command that writes obeys one rule — never over an
 * input of the same run, never into the data store, never over existing
 * results without --force, only where the output can be created at once.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

const FOCUS = 'examples/aggregates/focus_measures.csv';
const RATES = 'examples/aggregates/expected_rates.csv';

let workspace: Workspace;
let data = '';
let root = '';

beforeAll(async () => {
  workspace = await createWorkspace();
  root = workspace.root;
  data = workspace.dataDirectory;
  const loaded = await runCli(['load', await workspace.loadFolder({}, 'raw'), '--data-dir', data]);
  expect(loaded.code, loaded.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await workspace.cleanUp();
});

const measure = (out: string, ...extra: string[]) =>
  runCli(
    [
      'measure',
      '--load',
      'current',
      '--data-dir',
      data,
      '--from',
      '2023-01',
      '--to',
      '2023-02',
      '--workers',
      '1',
      '--out',
      out,
      ...extra,
    ],
    { cwd: root },
  );

describe('the output rule of every command', () => {
  it('load --rejects never writes over the load’s own input', async () => {
    const source = await workspace.loadFolder({}, 'own-input');
    const offers = await readFile(join(source, 'offers.csv'), 'utf8');
    const result = await runCli([
      'load',
      source,
      '--rejects',
      join(source, 'offers.csv'),
      '--data-dir',
      data,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--rejects');
    expect(await readFile(join(source, 'offers.csv'), 'utf8')).toBe(offers);
  });

  it('assess --out never writes over its own --focus file', async () => {
    const focus = join(root, 'fm.csv');
    await writeFile(focus, await readFile(FOCUS));
    const before = await readFile(focus, 'utf8');
    const result = await runCli([
      'assess',
      '--year',
      '2023',
      '--focus',
      focus,
      '--rates',
      RATES,
      '--out',
      focus,
      '--force',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('er også et input til kørslen');
    expect(await readFile(focus, 'utf8')).toBe(before);
  });

  it('assess, risk and benchmark --out never replace an existing file without --force', async () => {
    const out = join(root, 'existing.txt');
    await writeFile(out, 'keep');
    const runs = [
      ['assess', '--year', '2023', '--focus', FOCUS, '--rates', RATES, '--out', out],
      ['risk', '--month', '2023-12', '--focus', FOCUS, '--rates', RATES, '--out', out],
      [
        'benchmark',
        '--year',
        '2023',
        '--framework',
        'test/fixtures/benchmark/framework_conditions.csv',
        '--actual',
        'test/fixtures/benchmark/benefit_rates.csv',
        '--out',
        out,
      ],
    ];
    for (const args of runs) {
      const result = await runCli(args);
      expect(result.stderr, args[0]).toContain('findes allerede; brug --force');
      expect(result.code).toBe(2);
    }
    expect(await readFile(out, 'utf8')).toBe('keep');
    const forced = await runCli([...(runs[0] ?? []), '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('Årlig opgørelse 2023');
  });

  it('measure --out refuses the store, a filesystem root and /proc at once', async () => {
    const refusals: [string, string[], string][] = [
      [join(data, 'loads', 'x'), [], 'ligger i datamappen'],
      [data, ['--force'], 'ligger i datamappen'],
      ['/', ['--force'], 'er en rodmappe'],
      ['/proc/tilsyn-x', [], 'kan ikke oprettes'],
    ];
    for (const [out, extra, reason] of refusals) {
      const result = await measure(out, ...extra);
      expect(result.stderr, out).toContain(reason);
      expect(result.code).toBe(2);
    }
    expect((await readdir('/')).filter((name) => name.endsWith('.csv'))).toEqual([]);
  });

  it('measure --out writes the whole set, and replaces it only with --force', async () => {
    const first = await measure('results');
    expect(first.code, first.stderr).toBe(0);
    // One row is "1 række", not "1 rækker".
    expect(first.stdout).toMatch(/\n {2}measure_run\.json +1 række\n/);
    const files = (await readdir(join(root, 'results'))).sort();
    expect(files).toContain('minimum_requirements.csv');
    expect(files).toContain('measure_run.json');
    const again = await measure('results');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('er ikke tom; brug --force');
    const forced = await measure('results', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect((await readdir(join(root, 'results'))).sort()).toEqual(files);
    expect((await readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('measure --persons never replaces an existing file without --force', async () => {
    await mkdir(join(root, 'persons-out'), { recursive: true });
    await writeFile(join(root, 'persons.csv'), 'keep');
    const result = await measure('persons-out', '--persons', 'persons.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--persons');
    expect(await readFile(join(root, 'persons.csv'), 'utf8')).toBe('keep');
  });
});
