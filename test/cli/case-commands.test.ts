/**
 * The case system's commands on the embedded database of a data directory:
 * users added with the password from standard input, listed and disabled,
 * a token printed once, and the runs listed — refused with a clear message
 * when the input is wrong.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { userByToken, verifyPassword } from '../../src/cases/users.js';
import { openDatabase } from '../../src/storage/database.js';

let dataDirectory = '';

beforeAll(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'tilsyn-cli-cases-'));
});

afterAll(async () => {
  await rm(dataDirectory, { recursive: true, force: true });
});

async function tilsyn(argv: readonly string[], stdin?: string) {
  let stdout = '';
  let stderr = '';
  const code = await main([...argv, '--data-dir', dataDirectory], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: dataDirectory,
    env: {},
    now: () => new Date('2026-05-01T10:00:00Z'),
    ...(stdin === undefined ? {} : { readStdin: () => Promise.resolve(stdin) }),
  });
  return { code, stdout, stderr };
}

describe('tilsyn users, tokens and runs', () => {
  it('adds users with the password read from standard input, lists them and prints a token once', async () => {
    const added = await tilsyn(
      ['users', 'add', '--username', 'tilsyn', '--role', 'ministry', '--password-stdin'],
      'et langt kodeord\n',
    );
    expect(added).toMatchObject({ code: 0, stdout: 'Brugeren tilsyn (ministry) er oprettet.\n' });
    const municipality = await tilsyn(
      [
        'users',
        'add',
        '--username',
        'kbh',
        '--role',
        'municipality',
        '--municipality',
        '101',
        '--password-stdin',
      ],
      'kommunens kodeord\n',
    );
    expect(municipality.code).toBe(0);
    const listed = await tilsyn(['users', 'list']);
    expect(listed.stdout).toContain('kbh         municipality, kommune 101  aktiv');
    const token = await tilsyn(['tokens', 'create', '--username', 'kbh']);
    expect(token.code).toBe(0);
    const printed = token.stdout.trim();
    expect(printed).toMatch(/^tilsyn_[A-Za-z0-9_-]{43}$/);

    const database = await openDatabase({
      kind: 'pglite',
      directory: join(dataDirectory, 'database'),
    });
    try {
      expect(await verifyPassword(database, 'tilsyn', 'et langt kodeord')).toMatchObject({
        role: 'ministry',
      });
      expect(await userByToken(database, printed)).toMatchObject({ username: 'kbh' });
    } finally {
      await database.destroy();
    }
  });

  it('refuses a short password, an unknown role and a missing municipality with exit code 2', async () => {
    const short = await tilsyn(
      ['users', 'add', '--username', 'x', '--role', 'auditor', '--password-stdin'],
      'kort\n',
    );
    expect(short).toMatchObject({ code: 2 });
    expect(short.stderr).toContain('mindst 10 tegn');
    const role = await tilsyn(['users', 'add', '--username', 'x', '--role', 'public']);
    expect(role.stderr).toContain('Rollen "public" findes ikke');
    const missing = await tilsyn(['users', 'add', '--username', 'x', '--role', 'municipality']);
    expect(missing.stderr).toContain('--municipality');
  });

  it('stores an AMK user given by its region as the AMK, and refuses an unknown AMK listing the valid ones', async () => {
    const byRegion = await tilsyn(
      [
        'users',
        'add',
        '--username',
        'amk-sj',
        '--role',
        'amk',
        '--amk',
        'Region Sjælland',
        '--password-stdin',
      ],
      'AMK-kontorets kodeord\n',
    );
    expect(byRegion).toMatchObject({
      code: 0,
      stdout: 'Brugeren amk-sj (amk, AMK Øst) er oprettet.\n',
    });
    const unknown = await tilsyn([
      'users',
      'add',
      '--username',
      'amk-x',
      '--role',
      'amk',
      '--amk',
      'Region Fyn',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '"Region Fyn" er hverken et arbejdsmarkedskontor eller en region.',
    );
    expect(unknown.stderr).toContain('"AMK Midt-Nord", "AMK Syd", "AMK Øst"');
    expect(unknown.stderr).toContain('"Region Syddanmark"');
  });

  it('disables a user and lists the runs (none yet)', async () => {
    expect((await tilsyn(['users', 'disable', '--username', 'kbh'])).code).toBe(0);
    expect((await tilsyn(['users', 'list'])).stdout).toContain('deaktiveret');
    const runs = await tilsyn(['runs', 'list']);
    expect(runs).toMatchObject({ code: 0, stdout: 'Målekørsler:\nVurderingskørsler:\n' });
    const wrong = await tilsyn(['runs', 'assess', '--measurement', '7', '--year', '2024']);
    expect(wrong).toMatchObject({ code: 2 });
    expect(wrong.stderr).toContain('Målekørsel 7 findes ikke');
  });
});
