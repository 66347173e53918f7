/**
 * A stored load is checked before it is used: the manifest records the size
 * and SHA-256 of every stored file; every use checks the sizes, `tilsyn loads
 * --verify` and an official measurement check the checksums; a damaged load is
 * refused naming the file, and `tilsyn loads` shows it as damaged.
 */
import { createHash } from 'node:crypto';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoad } from '../../src/loading/load-catalog.js';
import { createWorkspace, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

let workspace: Workspace;
let data: string;
let first: string;
let second: string;

async function load(folder: string): Promise<string> {
  const result = await runCli(['load', folder, '--data-dir', data]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (await openLoad(data)).id;
}

/** A fresh, intact copy of a load folder to damage, returned as a path. */
async function copyOfLoad(id: string, name: string): Promise<string> {
  const { cp } = await import('node:fs/promises');
  const target = join(workspace.root, name);
  await cp(join(data, 'loads', id), target, { recursive: true });
  return target;
}

function measure(load: string, out: string) {
  return runCli([
    'measure',
    '--load',
    load,
    '--from',
    '2021-01',
    '--to',
    '2021-03',
    '--out',
    join(workspace.root, out),
    '--data-dir',
    data,
  ]);
}

beforeAll(async () => {
  workspace = await createWorkspace();
  data = workspace.dataDirectory;
  first = await load(await workspace.loadFolder());
  second = await load(
    await workspace.loadFolder({
      'offers.csv': 'person_id,type,from,to\np001,virksomhedspraktik,2021-01-04,2021-01-29\n',
    }),
  );
});
afterAll(async () => {
  await workspace.cleanUp();
});

describe('the manifest of a load', () => {
  it('records the size and SHA-256 of every stored file', async () => {
    const opened = await openLoad(data, first);
    expect(opened.manifest.stored.length).toBeGreaterThan(5);
    for (const stored of opened.manifest.stored) {
      const bytes = await readFile(join(opened.folder, stored.file));
      expect(stored.bytes).toBe(bytes.length);
      expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});

describe('a damaged load', () => {
  it('is refused when a stored file was removed, naming the file', async () => {
    const folder = await copyOfLoad(first, 'removed');
    await rm(join(folder, 'work_hours.parquet'));
    const result = await measure(folder, 'out-removed');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(folder, 'work_hours.parquet')}: indlæsningen er beskadiget: filen mangler`,
    );
    expect(result.stderr).not.toContain('Intern fejl');
  });

  it("is refused when another load's file was copied in, naming the file", async () => {
    const folder = await copyOfLoad(first, 'copied');
    await copyFile(join(data, 'loads', second, 'offers.parquet'), join(folder, 'offers.parquet'));
    const result = await measure(folder, 'out-copied');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(folder, 'offers.parquet')}: indlæsningen er beskadiget`,
    );
  });

  it('is refused by an official measurement when one bit was flipped, naming the file', async () => {
    const folder = await copyOfLoad(first, 'flipped');
    const file = join(folder, 'benefit_periods.parquet');
    const bytes = await readFile(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    await writeFile(file, bytes);
    const result = await measure(folder, 'out-flipped');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${file}: indlæsningen er beskadiget: filens SHA-256 stemmer ikke med manifestet`,
    );
  });

  it('is refused when a stored file is added that the manifest does not list', async () => {
    const folder = await copyOfLoad(first, 'added');
    const { manifest } = await openLoad(data, folder);
    await writeFile(
      join(folder, 'manifest.json'),
      JSON.stringify({
        ...manifest,
        stored: manifest.stored.filter((file) => file.name !== 'focus_measures'),
      }),
    );
    await expect(openLoad(data, folder)).rejects.toThrow(
      `${join(folder, 'focus_measures.parquet')}: indlæsningen er beskadiget: filen står ikke i manifestet`,
    );
  });

  it('is shown as damaged by tilsyn loads, and the checksums are checked with --verify', async () => {
    const loads = join(data, 'loads');
    await rm(join(loads, first, 'work_hours.parquet'));
    const bytes = await readFile(join(loads, second, 'benefit_periods.parquet'));
    bytes[100] = (bytes[100] ?? 0) ^ 0x10;
    await writeFile(join(loads, second, 'benefit_periods.parquet'), bytes);

    const listed = await runCli(['loads', '--data-dir', data]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`    BESKADIGET: work_hours.parquet: filen mangler`);
    expect(listed.stdout).not.toContain('benefit_periods.parquet');

    const verified = await runCli(['loads', '--verify', '--data-dir', data]);
    expect(verified.code).toBe(2);
    expect(verified.stdout).toContain(`    BESKADIGET: work_hours.parquet: filen mangler`);
    expect(verified.stdout).toContain(
      `    BESKADIGET: benefit_periods.parquet: filens SHA-256 stemmer ikke med manifestet`,
    );

    const json = JSON.parse((await runCli(['loads', '--json', '--data-dir', data])).stdout) as {
      id: string;
      integrity: { state: string };
    }[];
    expect(json.find((entry) => entry.id === first)?.integrity.state).toBe('damaged');
  });
});

describe('a load whose manifest is older than the checksums', () => {
  it('is still used and listed, and tilsyn loads says it cannot be checked', async () => {
    const clean = await createWorkspace();
    try {
      const result = await runCli([
        'load',
        await clean.loadFolder(),
        '--data-dir',
        clean.dataDirectory,
      ]);
      expect(result.code).toBe(0);
      const opened = await openLoad(clean.dataDirectory);
      const old = {
        ...opened.manifest,
        stored: opened.manifest.stored.map(({ name, file, rows }) => ({ name, file, rows })),
      };
      await writeFile(join(opened.folder, 'manifest.json'), JSON.stringify(old));
      const listed = await runCli(['loads', '--verify', '--data-dir', clean.dataDirectory]);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain(
        '    Kan ikke kontrolleres: manifestet er fra en ældre version uden filernes størrelse og SHA-256',
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
        join(clean.root, 'out'),
        '--data-dir',
        clean.dataDirectory,
      ]);
      expect(measured.stderr).toBe('');
      expect(measured.code).toBe(0);
    } finally {
      await clean.cleanUp();
    }
  });
});
