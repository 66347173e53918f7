/**
 * A load killed with SIGKILL (the hardest interruption: no cleanup runs) must
 * leave the previous load in use, readable in full, and no half-written load;
 * the next tilsyn run removes what the killed process left in staging.
 *
 * Runs the compiled CLI (`npm test` builds it first) as a child process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbSession } from '../../src/loading/duckdb-session.js';
import { currentLoadId, openLoad } from '../../src/loading/load-catalog.js';
import { createWorkspace, query, type Workspace } from '../support/load-folders.js';

const CLI = fileURLToPath(new URL('../../bin/tilsyn.js', import.meta.url));
const COMPILED = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

let workspace: Workspace;
let large: string;
let previous: string;

beforeAll(async () => {
  if (!existsSync(COMPILED)) throw new Error('run "npm run build" first (npm test does)');
  workspace = await createWorkspace();
  const first = spawnSync(
    process.execPath,
    [CLI, 'load', await workspace.loadFolder(), '--data-dir', workspace.dataDirectory],
    { encoding: 'utf8' },
  );
  expect(first.status).toBe(0);
  previous = (await currentLoadId(workspace.dataDirectory)) ?? '';
  // A million conversations (about 50 MB): a load that takes seconds.
  large = await workspace.loadFolder({}, 'large');
  const session = await DuckDbSession.open({ memoryLimit: '1GB', threads: 2, tempDirectory: '' });
  await session.run(
    `COPY (SELECT 'p' || lpad((i % 200000)::VARCHAR, 7, '0') AS person_id,
                  (DATE '2019-01-01' + (i // 200000)::INTEGER)::VARCHAR AS date,
                  'jobsamtale' AS kind, 'personligt' AS form, 'jobcenter' AS held_by
           FROM range(1000000) t(i))
     TO '${join(large, 'conversations.csv')}' (HEADER true)`,
  );
  session.close();
});
afterAll(async () => {
  await workspace.cleanUp();
});

async function stagingFolders(): Promise<string[]> {
  return (await readdir(join(workspace.dataDirectory, 'loads'))).filter((entry) =>
    entry.startsWith('.staging-'),
  );
}

/** Starts a load of the large folder and kills it with SIGKILL once `ready()` holds. */
async function killLoadWhen(ready: () => Promise<boolean>): Promise<void> {
  const child = spawn(process.execPath, [
    CLI,
    'load',
    large,
    '--data-dir',
    workspace.dataDirectory,
  ]);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const state = { finished: false };
  void exited.then(() => {
    state.finished = true;
  });
  while (!state.finished && !(await ready()))
    await new Promise((resolve) => setTimeout(resolve, 5));
  if (state.finished) throw new Error('the load finished before it could be killed');
  child.kill('SIGKILL');
  await exited;
}

async function expectPreviousLoadIntact(): Promise<void> {
  expect(await currentLoadId(workspace.dataDirectory)).toBe(previous);
  const loads = (await readdir(join(workspace.dataDirectory, 'loads'))).filter(
    // LOCK: the killed load's store lock, stale now (its process has ended).
    (entry) => !entry.startsWith('.') && entry !== 'CURRENT' && entry !== 'LOCK',
  );
  expect(loads).toEqual([previous]);
  const load = await openLoad(workspace.dataDirectory);
  for (const stored of load.manifest.stored) {
    const [count] = await query(`SELECT count(*)::INTEGER AS n FROM '${load.file(stored.name)}'`);
    expect(count?.['n'], stored.name).toBe(stored.rows);
  }
}

describe('a load killed with SIGKILL', () => {
  it('as soon as its staging folder appears leaves the previous load in use', async () => {
    await killLoadWhen(async () => (await stagingFolders()).length > 0);
    await expectPreviousLoadIntact();
    expect(await stagingFolders()).toHaveLength(1);
  });

  it('while it writes Parquet files leaves the previous load in use and no new load folder', async () => {
    await killLoadWhen(async () => {
      for (const staging of await stagingFolders()) {
        const files = await readdir(join(workspace.dataDirectory, 'loads', staging)).catch(
          () => [],
        );
        if (files.some((file) => file.endsWith('.parquet'))) return true;
      }
      return false;
    });
    await expectPreviousLoadIntact();
    expect((await stagingFolders()).length).toBeGreaterThan(0);
  });

  it('leaves staging folders that the next tilsyn run removes', () => {
    const next = spawnSync(
      process.execPath,
      [CLI, 'loads', '--data-dir', workspace.dataDirectory],
      {
        encoding: 'utf8',
      },
    );
    expect(next.status).toBe(0);
    expect(next.stdout).toContain(`*  ${previous}`);
    return stagingFolders().then(async (left) => {
      expect(left).toEqual([]);
      expect(await readdir(join(workspace.dataDirectory, 'loads'))).not.toContain('LOCK');
    });
  });

  it('is followed by a load that completes and is put in use', () => {
    const again = spawnSync(
      process.execPath,
      [CLI, 'load', large, '--data-dir', workspace.dataDirectory],
      { encoding: 'utf8' },
    );
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    return currentLoadId(workspace.dataDirectory).then((id) => {
      expect(id).not.toBe(previous);
    });
  });
});
