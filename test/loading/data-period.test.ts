/**
 * A load knows the period its data cover (the first and last month with a
 * record), shows it in `tilsyn loads`, and refuses to be measured in months
 * after it: an ongoing benefit period carried forward into months without
 * data gives believable but invented figures.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoad } from '../../src/loading/load-catalog.js';
import type { LoadManifest } from '../../src/loading/load-manifest.js';
import { createWorkspace, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

let workspace: Workspace;
let data: string;
beforeAll(async () => {
  workspace = await createWorkspace();
  data = workspace.dataDirectory;
  expect((await runCli(['load', await workspace.loadFolder(), '--data-dir', data])).code).toBe(0);
});
afterAll(async () => {
  await workspace.cleanUp();
});

function measure(from: string, to: string, out: string) {
  return runCli([
    'measure',
    '--load',
    'current',
    '--from',
    from,
    '--to',
    to,
    '--out',
    join(workspace.root, out),
    '--data-dir',
    data,
  ]);
}

describe('the data period of a load', () => {
  it('is recorded in the manifest: the first and the last month with a record', async () => {
    // The fixture: a benefit period from 2018-06-01; the last records are hours in 2023-06.
    expect((await openLoad(data)).manifest.dataPeriod).toEqual({
      first: '2018-06',
      last: '2023-06',
    });
  });

  it('is shown by tilsyn loads', async () => {
    const result = await runCli(['loads', '--data-dir', data]);
    expect(result.stdout).toContain('    Data fra 2018-06 til og med 2023-06');
  });

  it('bounds the months that can be measured: a month after it is refused with the period', async () => {
    const result = await measure('2023-01', '2030-01', 'after');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'indlæsningen har data fra 2018-06 til og med 2023-06; der kan ikke måles efter 2023-06 (bedt om til og med 2030-01)',
    );
    expect(result.stderr).not.toContain('Intern fejl');
  });

  it('lets the last month with data be measured', async () => {
    const result = await measure('2023-01', '2023-06', 'inside');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('refuses an explanation of a month after it', async () => {
    const result = await runCli([
      'explain',
      '--load',
      'current',
      '--person',
      'p001',
      '--month',
      '2024-01',
      '--data-dir',
      data,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('der kan ikke måles efter 2023-06');
  });

  it('is unknown for a load made before it was recorded: loads says so and nothing is refused', async () => {
    const load = await openLoad(data);
    const path = join(load.folder, 'manifest.json');
    const manifest = JSON.parse(await readFile(path, 'utf8')) as LoadManifest & {
      dataPeriod?: unknown;
    };
    delete manifest.dataPeriod;
    await writeFile(path, JSON.stringify(manifest));
    expect((await runCli(['loads', '--data-dir', data])).stdout).toContain(
      '    Dataperiode ukendt (indlæst med en ældre version eller uden daterede rækker)',
    );
    expect((await measure('2023-06', '2023-07', 'old')).code).toBe(0);
  });
});
