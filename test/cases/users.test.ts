import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { readAuditLog } from '../../src/cases/audit.js';
import {
  actorOf,
  addUser,
  createApiToken,
  disableUser,
  listUsers,
  userByToken,
  verifyPassword,
} from '../../src/cases/users.js';
import { DATABASE_KINDS, useTestDatabase } from '../support/databases.js';

describe.each(DATABASE_KINDS)('users, passwords and tokens (%s)', (kind) => {
  const test = useTestDatabase(kind);

  it('adds a municipality user whose password is stored only as a scrypt hash', async () => {
    const user = await addUser(test.database, CLI_ACTOR, {
      username: 'kbh-leder',
      role: 'municipality',
      municipalityCode: 101,
      password: 'korrekt hest batteri',
    });
    expect(user).toMatchObject({ role: 'municipality', municipalityCode: 101, hasPassword: true });
    const stored = await test.database
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.password_hash).not.toContain('korrekt');
    expect(await verifyPassword(test.database, 'kbh-leder', 'korrekt hest batteri')).toMatchObject({
      id: user.id,
    });
    expect(
      await verifyPassword(test.database, 'kbh-leder', 'forkert hest batteri'),
    ).toBeUndefined();
    expect(await verifyPassword(test.database, 'ukendt', 'korrekt hest batteri')).toBeUndefined();
  });

  it('refuses a municipality user without a municipality and an AMK user without a known AMK', async () => {
    await expect(
      addUser(test.database, CLI_ACTOR, { username: 'x1', role: 'municipality' }),
    ).rejects.toThrow(/--municipality/);
    await expect(
      addUser(test.database, CLI_ACTOR, { username: 'x2', role: 'amk', amk: 'AMK Nord' }),
    ).rejects.toThrow(
      '"AMK Nord" er hverken et arbejdsmarkedskontor eller en region. Angiv et arbejdsmarkedskontor ("AMK Midt-Nord", "AMK Syd", "AMK Øst") eller en region ("Region Hovedstaden", "Region Midtjylland", "Region Nordjylland", "Region Sjælland", "Region Syddanmark"); en region gemmes som sit arbejdsmarkedskontor.',
    );
    await expect(
      addUser(test.database, CLI_ACTOR, { username: 'x2', role: 'amk' }),
    ).rejects.toThrow(/^En AMK-bruger skal have --amk med et arbejdsmarkedskontor/);
    await expect(
      addUser(test.database, CLI_ACTOR, { username: 'x3', role: 'public' }),
    ).rejects.toThrow(/Rollen "public" findes ikke/);
  });

  it('stores an AMK user by its AMK name whether given the AMK or a region, in any case', async () => {
    const given = {
      'amk-by-name': 'AMK Øst',
      'amk-by-lower-case': '  amk syd ',
      'amk-by-region': 'Region Nordjylland',
      'amk-by-lower-region': 'region sjælland',
    };
    for (const [username, amk] of Object.entries(given))
      await addUser(test.database, CLI_ACTOR, { username, role: 'amk', amk });
    const stored = await test.database
      .selectFrom('users')
      .select(['username', 'amk'])
      .where('username', 'in', Object.keys(given))
      .orderBy('username')
      .execute();
    expect(stored).toEqual([
      { username: 'amk-by-lower-case', amk: 'AMK Syd' },
      { username: 'amk-by-lower-region', amk: 'AMK Øst' },
      { username: 'amk-by-name', amk: 'AMK Øst' },
      { username: 'amk-by-region', amk: 'AMK Midt-Nord' },
    ]);
  });

  it('lets only the ministry add users', async () => {
    const amk = await addUser(test.database, CLI_ACTOR, {
      username: 'amk-oest',
      role: 'amk',
      amk: 'AMK Øst',
    });
    await expect(
      addUser(test.database, actorOf(amk), { username: 'x4', role: 'auditor' }),
    ).rejects.toThrow(/kræver rollen ministry/);
  });

  it('gives a token that identifies its user until the user is disabled', async () => {
    await addUser(test.database, CLI_ACTOR, {
      username: 'script',
      role: 'ministry',
      password: 'langt nok kodeord',
    });
    const { token } = await createApiToken(test.database, CLI_ACTOR, 'script');
    expect(token).toMatch(/^tilsyn_/);
    const stored = await test.database.selectFrom('api_tokens').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(token);
    expect(await userByToken(test.database, token)).toMatchObject({ username: 'script' });
    expect(await userByToken(test.database, `${token}x`)).toBeUndefined();
    await disableUser(test.database, CLI_ACTOR, 'script');
    expect(await userByToken(test.database, token)).toBeUndefined();
    expect(await verifyPassword(test.database, 'script', 'langt nok kodeord')).toBeUndefined();
    const users = await listUsers(test.database);
    expect(users.find((user) => user.username === 'script')?.disabledAt).not.toBeNull();
    const audit = await readAuditLog(test.database);
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['user.add', 'api_token.create', 'user.disable']),
    );
  });
});
