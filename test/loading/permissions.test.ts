import { chmod, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

const KEY = '9c2e7a41f0b83d56e1a94c07b2f5d8e36a1c0f92b7e4d53a8f06c1b9e2d7a450';

let workspace: Workspace;
beforeAll(async () => {
  workspace = await createWorkspace();
});
afterAll(async () => {
  await workspace.cleanUp();
});

const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);

describe('the load store', () => {
  it('is private to its owner: the data directory and its folders 700, its files 600', async () => {
    const previous = process.umask(0o022);
    try {
      const data = join(workspace.root, 'private');
      const result = await runCli([
        'load',
        await workspace.loadFolder(),
        '--data-dir',
        data,
        '--accept-valid-rows',
      ]);
      expect(result.code).toBe(0);
      expect(await modeOf(data)).toBe('700');
      const entries = await readdir(data, { recursive: true, withFileTypes: true });
      expect(entries.filter((entry) => entry.name.endsWith('.parquet')).length).toBeGreaterThan(3);
      for (const entry of entries) {
        const name = join(entry.parentPath, entry.name).slice(data.length + 1);
        const mode = await modeOf(join(entry.parentPath, entry.name));
        expect([name, mode]).toEqual([name, entry.isDirectory() ? '700' : '600']);
      }
    } finally {
      process.umask(previous);
    }
  });
});

describe('a key file', () => {
  async function loadWithKeyFile(mode: number): Promise<string> {
    const keyFile = join(workspace.root, `nøgle-${mode.toString(8)}`);
    await writeFile(keyFile, `${KEY}\n`);
    await chmod(keyFile, mode);
    const result = await runCli([
      'load',
      await workspace.loadFolder(),
      '--data-dir',
      join(workspace.root, `key-${mode.toString(8)}`),
      '--pseudonym-key-file',
      keyFile,
    ]);
    expect(result.code).toBe(0);
    return result.stderr;
  }

  it('readable by others is used with a warning saying how to make it private', async () => {
    const keyFile = join(workspace.root, 'nøgle-644');
    expect(await loadWithKeyFile(0o644)).toBe(
      `Advarsel: nøglefilen ${keyFile} kan læses af andre end ejeren (rettigheder 644); gør den privat med "chmod 600 ${keyFile}"\n`,
    );
  });

  it('readable by its owner only is used without a word', async () => {
    expect(await loadWithKeyFile(0o600)).toBe('');
  });
});
