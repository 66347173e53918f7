/**
 * DuckDB writes to its temporary folder what does not fit in its memory
 * limit. A load with CPR numbers, under a low limit, killed with SIGKILL while
 * it spills (no cleanup runs), must leave no CPR number — in any written
 * form — in a spill file or in any other file under the data directory.
 *
 * Runs the compiled CLI (`npm test` builds it first) as a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbSession } from '../../src/loading/duckdb-session.js';
import { createWorkspace, type Workspace } from '../support/load-folders.js';

const CLI = fileURLToPath(new URL('../../bin/tilsyn.js', import.meta.url));
const COMPILED = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const ROWS = 1_200_000;
const KEY = '3a9f0c7e1b5d2846af0e9c3b7d1f5a2e8c4b6d0f9e3a7c1b5d2f8e6a4c0b9d7e';

/** The ten digits of row i: a day of 1990 and a serial, as SQL. */
const CPR_SQL = `strftime(DATE '1990-01-01' + (i % 365)::INTEGER, '%d%m%y') || lpad((i // 365)::VARCHAR, 4, '0')`;

let workspace: Workspace;
let source: string;
beforeAll(async () => {
  if (!existsSync(COMPILED)) throw new Error('run "npm run build" first (npm test does)');
  workspace = await createWorkspace();
  source = await workspace.loadFolder({}, 'cpr-numbers');
  const session = await DuckDbSession.open({ memoryLimit: '1GB', threads: 2, tempDirectory: '' });
  // Every CPR number in one of the forms an extract writes them in.
  await session.run(
    `COPY (SELECT CASE i % 4 WHEN 0 THEN c WHEN 1 THEN c[1:6] || '-' || c[7:10]
                             WHEN 2 THEN c[1:6] || ' ' || c[7:10] ELSE 'CPR' || c END AS person_id,
                  '2020-05' AS month, (i % 160) + 0.5 AS hours
           FROM (SELECT i, ${CPR_SQL} AS c FROM range(${ROWS}) t(i)))
     TO '${join(source, 'work_hours.csv')}' (HEADER true)`,
  );
  session.close();
});
afterAll(async () => {
  await workspace.cleanUp();
});

/** Total bytes of DuckDB's spill files under `folder`. */
async function spilledBytes(folder: string): Promise<number> {
  let total = 0;
  try {
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true }))
      if (entry.isFile() && entry.name.startsWith('duckdb_temp'))
        total += (await stat(join(entry.parentPath, entry.name))).size;
  } catch {
    // The staging folder may not exist yet.
  }
  return total;
}

/**
 * How many CPR numbers of the test data are written in `bytes`, in any form:
 * runs of digits and separators not inside a hexadecimal pseudonym (where ten
 * digits in a row occur by chance).
 */
function cprNumbersIn(bytes: Buffer): number {
  let found = 0;
  for (const match of bytes
    .toString('latin1')
    .matchAll(/(?<![0-9a-f])[0-9][0-9 ./-]{8,}[0-9](?![0-9a-f])/g)) {
    const digits = match[0].replace(/[^0-9]/g, '');
    for (let start = 0; start + 10 <= digits.length; start += 1) {
      const day = Number(digits.slice(start, start + 2));
      const month = Number(digits.slice(start + 2, start + 4));
      const serial = Number(digits.slice(start + 6, start + 10));
      const dayOfYear = (Date.UTC(1990, month - 1, day) - Date.UTC(1990, 0, 1)) / 86_400_000;
      if (
        digits.slice(start + 4, start + 6) === '90' &&
        month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= 31 &&
        serial * 365 + dayOfYear < ROWS
      )
        found += 1;
    }
  }
  return found;
}

describe('a load killed while DuckDB spills to disk', () => {
  it('leaves no CPR number in a spill file or any other file of the data directory', async () => {
    const data = join(workspace.root, 'data');
    const child = spawn(process.execPath, [CLI, 'load', source, '--data-dir', data], {
      env: { ...process.env, TILSYN_LOAD_MEMORY_LIMIT: '100MB', TILSYN_PSEUDONYM_KEY: KEY },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
    });
    const state = { finished: false };
    void exited.then(() => {
      state.finished = true;
    });
    let spilled = 0;
    while (!state.finished && spilled < 16 * 1024 * 1024) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      spilled = await spilledBytes(data);
    }
    child.kill('SIGKILL');
    await exited;
    expect(spilled).toBeGreaterThanOrEqual(16 * 1024 * 1024);
    let files = 0;
    for (const entry of await readdir(data, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      files += 1;
      expect(cprNumbersIn(await readFile(join(entry.parentPath, entry.name)))).toBe(0);
    }
    expect(files).toBeGreaterThan(0);
  }, 180_000);
});
