/**
 * One load at a time: a load takes the store lock (loads/LOCK with the
 * holder's process id and start time), a second load is refused naming the
 * holder, a lock left by an ended process is taken over, `tilsyn loads` never
 * removes a running load's staging folder, and a read-only store still
 * answers `tilsyn loads`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { currentLoadId } from '../../src/loading/load-catalog.js';
import { createWorkspace, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

let workspace: Workspace;
let data: string;
let loads: string;
let firstId: string | undefined;
const children: ChildProcess[] = [];

/** A process that runs until killed: the holder of a live lock. */
function liveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)']);
  children.push(child);
  return child.pid ?? 0;
}

/** The id of a process that has ended. */
function endedProcess(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

async function writeLock(pid: number): Promise<void> {
  await writeFile(
    join(loads, 'LOCK'),
    JSON.stringify({ pid, host: hostname(), startedAt: '2026-12-02T14:00:05Z', token: 'a1b2' }),
  );
}

beforeAll(async () => {
  workspace = await createWorkspace();
  data = workspace.dataDirectory;
  loads = join(data, 'loads');
  expect((await runCli(['load', await workspace.loadFolder(), '--data-dir', data])).code).toBe(0);
  firstId = await currentLoadId(data);
});
afterEach(() => {
  while (children.length > 0) children.pop()?.kill('SIGKILL');
});
afterAll(async () => {
  await workspace.cleanUp();
});

describe('the store lock', () => {
  it('is released after a load', async () => {
    expect(await readdir(loads)).not.toContain('LOCK');
  });

  it('refuses a second load while a load runs, naming the process that holds the lock', async () => {
    const pid = liveProcess();
    await writeLock(pid);
    const result = await runCli(['load', await workspace.loadFolder(), '--data-dir', data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `datamappen er optaget: en anden indlæsning er i gang (proces ${pid} på ${hostname()}, startet 2026-12-02 14:00:05 UTC)`,
    );
    expect(await currentLoadId(data)).toBe(firstId);
    expect(JSON.parse(await readFile(join(loads, 'LOCK'), 'utf8'))).toMatchObject({ pid });
  });

  it('never lets tilsyn loads remove the staging folder of a running load, not even while it commits', async () => {
    await writeLock(liveProcess());
    // A load in the moment of its commit: its staging folder no longer names an owner.
    await mkdir(join(loads, '.staging-committing'));
    expect((await runCli(['loads', '--data-dir', data])).code).toBe(0);
    expect(await readdir(loads)).toContain('.staging-committing');
  });

  it('is taken over when the process that held it has ended', async () => {
    await writeLock(endedProcess());
    const result = await runCli(['load', await workspace.loadFolder(), '--data-dir', data]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await currentLoadId(data)).not.toBe(firstId);
    const left = await readdir(loads);
    expect(left).not.toContain('LOCK');
    expect(left).not.toContain('.staging-committing');
  });
});

describe('a read-only store', () => {
  it('still answers tilsyn loads, leaving a stale staging folder for later', async () => {
    await mkdir(join(loads, '.staging-dead'));
    await writeFile(join(loads, '.staging-dead', 'owner.json'), JSON.stringify({ pid: 2 ** 22 }));
    const readOnly = join(workspace.root, 'read-only');
    await mkdir(readOnly);
    const bound =
      spawnSync('mount', ['--bind', data, readOnly]).status === 0 &&
      spawnSync('mount', ['-o', 'remount,bind,ro', readOnly]).status === 0;
    if (!bound) {
      spawnSync('umount', [readOnly]);
      // Without a read-only mount (not root): a folder without write permission.
      spawnSync('cp', ['-a', `${data}/.`, readOnly]);
      spawnSync('chmod', ['-R', 'a-w', readOnly]);
    }
    try {
      const result = await runCli(['loads', '--data-dir', readOnly]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('* ');
      expect(await readdir(join(readOnly, 'loads'))).toContain('.staging-dead');
    } finally {
      if (bound) spawnSync('umount', [readOnly]);
      else spawnSync('chmod', ['-R', 'u+w', readOnly]);
    }
  });
});
