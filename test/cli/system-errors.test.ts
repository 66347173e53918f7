/**
 * Issue 12 § 4: operating-system errors are told in Danish with the path and
 * what to do (exit 2, no stack trace unless --debug or TILSYN_DEBUG=1), and
 * a closed pipe ends the run quietly.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';
import { createWorkspace, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

const CLI = fileURLToPath(new URL('../../bin/tilsyn.js', import.meta.url));
const COMPILED = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

let root = '';
let workspace: Workspace;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-system-errors-'));
  workspace = await createWorkspace();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await workspace.cleanUp();
});

/** Runs a command that fails the way `fail` does, with captured output. */
async function failing(fail: () => Promise<unknown>, extra: string[] = [], env = {}) {
  const command: Command = {
    name: 'probe',
    summary: '',
    help: '',
    options: {},
    async run() {
      await fail();
      return 0;
    },
  };
  let stderr = '';
  const code = await main(
    ['probe', ...extra],
    {
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      cwd: root,
      env,
      now: () => new Date('2026-11-23T12:00:00Z'),
    },
    [command],
  );
  return { code, stderr };
}

const systemError = (code: string, path: string) =>
  Object.assign(new Error(`${code}: failed, write '${path}'`), { code, path, syscall: 'write' });

describe('operating-system errors', () => {
  it('are told in Danish with the path and what to do, exit 2, without a stack trace', async () => {
    const file = join(root, 'file.txt');
    await (await open(file, 'w')).close();
    const cases: [string, () => Promise<unknown>, string][] = [
      ['ENOSPC', () => Promise.reject(systemError('ENOSPC', '/disk/out.csv')), 'ikke mere plads'],
      ['EACCES', () => Promise.reject(systemError('EACCES', '/disk/out.csv')), 'ingen adgang'],
      ['EBUSY', () => Promise.reject(systemError('EBUSY', '/disk/out.csv')), 'i brug'],
      ['EEXIST', () => mkdir(root), 'findes allerede'],
      ['ENOTDIR', () => readFile(join(file, 'x')), 'er ikke en mappe'],
      ['EISDIR', () => readFile(root), 'er en mappe'],
      ['ENOENT', () => readFile(join(root, 'missing.csv')), 'findes ikke'],
    ];
    for (const [code, fail, words] of cases) {
      const result = await failing(fail);
      expect(result.code, code).toBe(2);
      expect(result.stderr).toContain(words);
      expect(result.stderr).toContain(`(${code})`);
      expect(result.stderr).not.toContain('Intern fejl');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await failing(() => mkdir(root))).stderr).toContain(root);
  });

  it('the command list tells how to see the details', async () => {
    const help = await runCli(['--help']);
    expect(help.stdout).toContain('--debug (eller TILSYN_DEBUG=1)');
  });

  it('show the stack trace with --debug or TILSYN_DEBUG=1', async () => {
    const fail = () => Promise.reject(systemError('ENOSPC', '/disk/out.csv'));
    expect((await failing(fail, ['--debug'])).stderr).toMatch(/\n\s+at /);
    expect((await failing(fail, [], { TILSYN_DEBUG: '1' })).stderr).toMatch(/\n\s+at /);
  });

  it('an internal error shows its message and how to see more, not a stack trace', async () => {
    const result = await failing(() => Promise.reject(new Error('something broke')));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Intern fejl: something broke\nKør igen med --debug (eller TILSYN_DEBUG=1) for at se detaljerne.\n',
    );
  });

  it('a dangling symbolic link in a load folder is named, not an internal error', async () => {
    const source = await workspace.loadFolder({}, 'dangling');
    await symlink(join(source, 'nothing.csv'), join(source, 'municipalities.csv'));
    const result = await runCli(['load', source, '--data-dir', workspace.dataDirectory]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('municipalities.csv');
    expect(result.stderr).not.toContain('Intern fejl');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a closed pipe', () => {
  it('assess --json | head ends quietly', async () => {
    if (!existsSync(COMPILED)) throw new Error('run "npm run build" first (npm test does)');
    const child = spawn(
      process.execPath,
      [
        CLI,
        'assess',
        '--from',
        '2021',
        '--to',
        '2023',
        '--focus',
        'examples/aggregates/focus_measures.csv',
        '--rates',
        'examples/aggregates/expected_rates.csv',
        '--json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
