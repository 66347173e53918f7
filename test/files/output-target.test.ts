import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkOutputFile,
  checkOutputFolder,
  writeFolderTogether,
  type OutputRule,
} from '../../src/files/output-target.js';

let root = '';
let store = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-output-target-'));
  store = join(root, 'tilsyn-data');
  await mkdir(join(store, 'loads'), { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function rule(inputs: string[] = [], force = false): OutputRule {
  return { inputs, dataDirectory: store, force };
}

describe('the output rule', () => {
  it('refuses to write over an input of the same run, also through a symbolic link', async () => {
    const input = join(root, 'focus.csv');
    await writeFile(input, 'x');
    await symlink(input, join(root, 'link.csv'));
    await expect(checkOutputFile(input, rule([input], true))).rejects.toThrow(
      'er også et input til kørslen',
    );
    await expect(checkOutputFile(join(root, 'link.csv'), rule([input], true))).rejects.toThrow(
      'er også et input til kørslen',
    );
  });

  it('refuses to write into an input folder', async () => {
    const source = join(root, 'raw');
    await mkdir(source, { recursive: true });
    await expect(checkOutputFile(join(source, 'rejects.csv'), rule([source]))).rejects.toThrow(
      'ligger i inputmappen',
    );
  });

  it('refuses to write into the data store, its loads included', async () => {
    await expect(checkOutputFile(join(store, 'x.csv'), rule())).rejects.toThrow(
      'ligger i datamappen',
    );
    await expect(checkOutputFolder(join(store, 'loads', 'out'), rule())).rejects.toThrow(
      'ligger i datamappen',
    );
  });

  it('refuses an existing file or a folder that is not empty without force, and takes them with it', async () => {
    const file = join(root, 'report.txt');
    await writeFile(file, 'old');
    await expect(checkOutputFile(file, rule())).rejects.toThrow(
      'findes allerede; brug --force for at overskrive den',
    );
    await expect(checkOutputFile(file, rule([], true))).resolves.toBeUndefined();
    const folder = join(root, 'measures');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'focus_measures.csv'), 'old');
    await expect(checkOutputFolder(folder, rule())).rejects.toThrow('er ikke tom');
    await expect(checkOutputFolder(folder, rule([], true))).resolves.toBeUndefined();
  });

  it('refuses a filesystem root, and paths that cannot be created, at once', async () => {
    await expect(checkOutputFolder('/', rule([], true))).rejects.toThrow('er en rodmappe');
    const started = Date.now();
    await expect(checkOutputFolder('/proc/tilsyn-x', rule())).rejects.toThrow('kan ikke oprettes');
    await expect(checkOutputFile(join(root, 'missing', 'x.csv'), rule())).rejects.toThrow(
      'findes ikke',
    );
    await expect(checkOutputFile(root, rule())).rejects.toThrow('er en mappe, ikke en fil');
    // Not a timing assertion of speed: the old recursive mkdir never returned at all.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('creates a missing output folder with its missing parents', async () => {
    const folder = join(root, 'a', 'b', 'c');
    await checkOutputFolder(folder, rule());
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('writing a set of files together', () => {
  it('renames the new files into place and keeps other entries', async () => {
    const folder = join(root, 'set');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'a.csv'), 'old a');
    await writeFile(join(folder, 'notes.txt'), 'mine');
    await writeFolderTogether(folder, async (staging) => {
      await writeFile(join(staging, 'a.csv'), 'new a');
      await mkdir(join(staging, 'excel'));
      await writeFile(join(staging, 'excel', 'a.csv'), 'excel a');
    });
    expect(await readFile(join(folder, 'a.csv'), 'utf8')).toBe('new a');
    expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(folder, 'excel', 'a.csv'), 'utf8')).toBe('excel a');
    expect((await readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old set whole when the run fails half way (a full disk)', async () => {
    const folder = join(root, 'whole');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'focus_measures.csv'), 'old focus');
    await writeFile(join(folder, 'measure_run.json'), 'old run');
    await expect(
      writeFolderTogether(folder, async (staging) => {
        await writeFile(join(staging, 'focus_measures.csv'), 'new focus');
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }),
    ).rejects.toThrow('ENOSPC');
    expect(await readFile(join(folder, 'focus_measures.csv'), 'utf8')).toBe('old focus');
    expect(await readFile(join(folder, 'measure_run.json'), 'utf8')).toBe('old run');
    expect((await readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
