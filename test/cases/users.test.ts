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
      addUser(test.database, CLI_ACTOR, { username: 'x2', role: 'amk', amkRegion: 'AMK Nord' }),
    ).rejects.toThrow(/AMK Øst/);
    await expect(
      addUser(test.database, CLI_ACTOR, { username: 'x3', role: 'public' }),
    ).rejects.toThrow(/Rollen "public" findes ikke/);
  });

  it('lets only the ministry add users', async () => {
    const amk = await addUser(test.database, CLI_ACTOR, {
      username: 'amk-oest',
      role: 'amk',
      amkRegion: 'AMK Øst',
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
