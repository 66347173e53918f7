/**
 * Only regular files inside the load folder are read: a symbolic link out of
 * the folder (to /dev/zero: a read without end), a dangling link, a FIFO (a
 * read that waits forever) or a directory in place of an input file is
 * refused at once with its name, before anything is read.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLoadId } from '../../src/loading/load-catalog.js';
import { createWorkspace, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

let workspace: Workspace;
beforeAll(async () => {
  workspace = await createWorkspace();
});
afterAll(async () => {
  await workspace.cleanUp();
});

function load(folder: string) {
  return runCli(['load', folder, '--data-dir', workspace.dataDirectory]);
}

describe('an entry of the load folder that is not a regular file in the folder', () => {
  it('is refused at once with its name: a link to /dev/zero, a FIFO, a directory, a dangling link', async () => {
    const folder = await workspace.loadFolder();
    await rm(join(folder, 'offers.csv'));
    await symlink('/dev/zero', join(folder, 'offers.csv'));
    await rm(join(folder, 'conversations.csv'));
    expect(spawnSync('mkfifo', [join(folder, 'conversations.csv')]).status).toBe(0);
    await rm(join(folder, 'work_hours.csv'));
    await mkdir(join(folder, 'work_hours.csv'));
    await rm(join(folder, 'exemptions.csv'));
    await symlink(join(folder, 'no-such-file.csv'), join(folder, 'exemptions.csv'));

    const result = await load(folder);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('Intern fejl');
    for (const line of [
      'conversations.csv: er ikke en almindelig fil (en FIFO); kun almindelige filer indlæses',
      'offers.csv: er en symbolsk henvisning, der peger uden for mappen; læg selve filen i mappen',
      'work_hours.csv: er en mappe, ikke en fil',
      'exemptions.csv: er en symbolsk henvisning, der ikke peger på noget',
    ])
      expect(result.stderr).toContain(line);
    expect(await currentLoadId(workspace.dataDirectory)).toBeUndefined();
  });

  it('is refused with its name also when it is not an input file', async () => {
    const folder = await workspace.loadFolder();
    expect(spawnSync('mkfifo', [join(folder, 'noter.fifo')]).status).toBe(0);
    await symlink('/etc/hostname', join(folder, 'andet.csv'));
    const result = await load(folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('noter.fifo: er ikke en almindelig fil (en FIFO)');
    expect(result.stderr).toContain(
      'andet.csv: er en symbolsk henvisning, der peger uden for mappen',
    );
  });

  it('is accepted when it is a link to a regular file inside the folder, and a subfolder is ignored with a warning', async () => {
    const folder = await workspace.loadFolder();
    await mkdir(join(folder, 'udtraek'));
    await rename(join(folder, 'offers.csv'), join(folder, 'udtraek', 'offers-2025.csv'));
    await symlink(join('udtraek', 'offers-2025.csv'), join(folder, 'offers.csv'));
    const result = await load(folder);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Advarsel: udtraek: ukendt mappe ignoreres\n');
    expect(result.stdout).toContain('offers.csv                6 = 6 + 0');
  });
});
