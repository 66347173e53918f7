/**
 * `measure --load RAWFOLDER` stores a pseudonymised load in the system's
 * temporary folder for the run. Interrupted (Ctrl-C, SIGTERM) it must remove
 * it; killed outright, the next run removes it.
 *
 * Runs the compiled CLI (`npm test` builds it first) as a child process, with
 * its own temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbSession } from '../../src/loading/duckdb-session.js';
import { createWorkspace, type Workspace } from '../support/load-folders.js';

const CLI = fileURLToPath(new URL('../../bin/tilsyn.js', import.meta.url));
const COMPILED = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

let workspace: Workspace;
let raw: string;
beforeAll(async () => {
  if (!existsSync(COMPILED)) throw new Error('run "npm run build" first (npm test does)');
  workspace = await createWorkspace();
  // A million conversations: a run that takes seconds.
  raw = await workspace.loadFolder({}, 'raw');
  const session = await DuckDbSession.open({ memoryLimit: '1GB', threads: 2, tempDirectory: '' });
  await session.run(
    `COPY (SELECT 'p' || lpad((i % 200000)::VARCHAR, 7, '0') AS person_id,
                  (DATE '2019-01-01' + (i // 200000)::INTEGER)::VARCHAR AS date,
                  'jobsamtale' AS kind, 'personligt' AS form, 'jobcenter' AS held_by
           FROM range(1000000) t(i))
     TO '${join(raw, 'conversations.csv')}' (HEADER true)`,
  );
  session.close();
});
afterAll(async () => {
  await workspace.cleanUp();
});

async function temporaryStores(temporary: string): Promise<string[]> {
  return (await readdir(temporary)).filter((entry) => entry.startsWith('tilsyn-load-'));
}

function measureArguments(out: string): string[] {
  return [CLI, 'measure', '--load', raw, '--from', '2019-01', '--to', '2019-12', '--out', out];
}

describe('the temporary load of measure --load RAWFOLDER', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'is removed when the run is interrupted with %s',
    async (signal) => {
      const temporary = join(workspace.root, `tmp-${signal}`);
      await mkdir(temporary);
      const child = spawn(process.execPath, measureArguments(join(temporary, 'out')), {
        env: { ...process.env, TMPDIR: temporary },
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => {
        child.once('exit', (_code, killedBy) => {
          resolve(killedBy);
        });
      });
      const state = { finished: false };
      void exited.then(() => {
        state.finished = true;
      });
      // Wait until the load is being written in the temporary folder.
      const loading = async () => {
        for (const store of await temporaryStores(temporary))
          if (existsSync(join(temporary, store, 'loads'))) return true;
        return false;
      };
      while (!state.finished && !(await loading()))
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(state.finished).toBe(false);
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(await temporaryStores(temporary)).toEqual([]);
    },
    120_000,
  );

  it('left by a killed process is removed by the next run; other folders are left alone', async () => {
    const temporary = join(workspace.root, 'tmp-stale');
    await mkdir(temporary);
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(ended.stdout);
    const abandoned = join(temporary, 'tilsyn-load-abandoned');
    await mkdir(join(abandoned, 'loads'), { recursive: true });
    await writeFile(join(abandoned, '.tilsyn-owner.json'), JSON.stringify({ pid: deadPid }));
    const running = join(temporary, 'tilsyn-load-running');
    await mkdir(running);
    await writeFile(join(running, '.tilsyn-owner.json'), JSON.stringify({ pid: process.pid }));
    const unmarked = join(temporary, 'tilsyn-load-not-ours');
    await mkdir(unmarked);
    const run = spawnSync(process.execPath, measureArguments(join(temporary, 'out')), {
      env: { ...process.env, TMPDIR: temporary },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect((await temporaryStores(temporary)).sort()).toEqual([
      'tilsyn-load-not-ours',
      'tilsyn-load-running',
    ]);
  }, 120_000);
});
