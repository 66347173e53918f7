/**
 * The load in use is found inside the data directory only: `loads/CURRENT`
 * must hold a load id, never a path, and an empty `--data-dir` is refused
 * rather than read as the default folder.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoad } from '../../src/loading/load-catalog.js';
import { createWorkspace, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

let workspace: Workspace;
let data: string;
let other: string;
let otherId: string;
beforeAll(async () => {
  workspace = await createWorkspace();
  data = workspace.dataDirectory;
  other = join(workspace.root, 'other');
  const folder = await workspace.loadFolder();
  expect((await runCli(['load', folder, '--data-dir', other])).code).toBe(0);
  otherId = (await openLoad(other)).id;
  expect((await runCli(['load', folder, '--data-dir', data])).code).toBe(0);
});
afterAll(async () => {
  await workspace.cleanUp();
});

describe('loads/CURRENT', () => {
  it("is refused as damaged when it leads outside the store, and no other store's load is used", async () => {
    const current = join(data, 'loads', 'CURRENT');
    await writeFile(current, `../../other/loads/${otherId}\n`);
    await expect(openLoad(data)).rejects.toThrow(
      `${current}: filen er beskadiget: den skal indeholde et indlæsnings-id`,
    );
    const measured = await runCli([
      'measure',
      '--load',
      'current',
      '--from',
      '2021-01',
      '--to',
      '2021-01',
      '--out',
      join(workspace.root, 'out'),
      '--data-dir',
      data,
    ]);
    expect(measured.code).toBe(2);
    expect(measured.stderr).toContain(`${current}: filen er beskadiget`);
  });

  it('is shown as damaged by tilsyn loads, which marks no load as in use', async () => {
    const result = await runCli(['loads', '--data-dir', data]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'loads/CURRENT er beskadiget (indeholder ikke et indlæsnings-id): ingen indlæsning er i brug',
    );
    expect(result.stdout).not.toMatch(/^\*/m);
  });
});

describe('--data-dir', () => {
  it('is refused when empty, instead of falling back to ./tilsyn-data', async () => {
    const result = await runCli(['loads', '--data-dir', ''], { cwd: workspace.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--data-dir er tom');
  });
});
