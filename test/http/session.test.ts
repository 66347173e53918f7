import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { disableUser, revokeApiToken, secretHash } from '../../src/cases/users.js';
import type { TilsynApp } from '../../src/http/tilsyn-app.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { addTestToken, addTestUser, logIn, useTestApi } from '../support/api.js';

/** Who the API takes the caller to be: the status of `GET /api/session`. */
async function whoAmIStatus(app: TilsynApp, headers: Record<string, string>): Promise<number> {
  return (await app.inject({ method: 'GET', url: '/api/session', headers })).statusCode;
}

describe.each(DATABASE_KINDS)('logging in and out (%s)', (kind) => {
  const api = useTestApi(kind, { loginAttemptsPerMinute: 5 });

  it('logs in with username and password into an HttpOnly, SameSite=Lax session cookie', async () => {
    const user = await addTestUser(api.database.database, {
      username: 'anna',
      role: 'municipality',
      municipality: 101,
    });
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'anna', password: user.password },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((candidate) => candidate.name === 'tilsyn_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = response.json<{ user: Record<string, unknown>; csrfToken: string }>();
    expect(body.user).toMatchObject({
      username: 'anna',
      role: 'municipality',
      municipalityCode: 101,
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken.length).toBeGreaterThan(20);

    const me = await api.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `tilsyn_session=${cookie?.value ?? ''}` },
    });
    expect(me.json()).toMatchObject({ user: { username: 'anna' }, csrfToken: body.csrfToken });
  });

  it('refuses a wrong password and an unknown user alike, and writes both to the audit log', async () => {
    await addTestUser(api.database.database, { username: 'bo', role: 'ministry' });
    for (const username of ['bo', 'ingen']) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username, password: 'forkert' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: 'login_failed',
        message: 'Forkert brugernavn eller adgangskode.',
      });
    }
    const refused = await api.database.database
      .selectFrom('audit_log')
      .select(['actor', 'outcome'])
      .where('action', '=', 'login')
      .where('outcome', '=', 'refused')
      .execute();
    expect(refused.map((row) => row.actor).sort()).toEqual(['bo', 'ukendt']);
  });

  it('answers who am I with 401 without a login', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/session' });
    expect(response.statusCode).toBe(401);
  });

  it('requires the CSRF token for a state-changing request made with the cookie', async () => {
    const user = await addTestUser(api.database.database, { username: 'carl', role: 'ministry' });
    const session = await logIn(api.app, user);
    const without = await api.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json<{ error: string }>().error).toBe('csrf');
    const wrong = await api.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie, 'x-csrf-token': 'gættet' },
    });
    expect(wrong.statusCode).toBe(403);

    const logout = await api.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    const after = await api.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: session.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('accepts a bearer token for scripts, and refuses an unknown one', async () => {
    const user = await addTestUser(api.database.database, { username: 'dina', role: 'auditor' });
    const token = await addTestToken(api.database.database, user.username);
    const me = await api.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'dina', role: 'auditor' }, via: 'token' });
    const unknown = await api.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(unknown.statusCode).toBe(401);
  });

  it('limits login attempts per client address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress: '10.9.8.7',
        payload: { username: 'eva', password: 'gæt' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});

describe.each(DATABASE_KINDS)('a remembered login (%s)', (kind) => {
  // A login is remembered for a while (here a minute, so that only the
  // invalidation can make these pass) so that busy clients do not ask the
  // database on every request; a change made through this process must
  // still count from the very next request.
  const api = useTestApi(kind, { credentialCacheSeconds: 60 });

  it('refuses a revoked token at the next request, though it was just used and remembered', async () => {
    await addTestUser(api.database.database, { username: 'frede', role: 'ministry' });
    const token = await addTestToken(api.database.database, 'frede');
    const bearer = { authorization: `Bearer ${token}` };
    expect(await whoAmIStatus(api.app, bearer)).toBe(200);
    expect(await whoAmIStatus(api.app, bearer)).toBe(200);
    const stored = await api.database.database
      .selectFrom('api_tokens')
      .select('id')
      .where('token_hash', '=', secretHash(token))
      .executeTakeFirstOrThrow();
    await revokeApiToken(api.database.database, CLI_ACTOR, stored.id);
    expect(await whoAmIStatus(api.app, bearer)).toBe(401);
  });

  it('refuses a logged-out session at the next request, though it was just used and remembered', async () => {
    const user = await addTestUser(api.database.database, {
      username: 'gitte',
      role: 'amk',
      amk: 'AMK Øst',
    });
    const session = await logIn(api.app, user);
    expect(await whoAmIStatus(api.app, { cookie: session.cookie })).toBe(200);
    expect(await whoAmIStatus(api.app, { cookie: session.cookie })).toBe(200);
    const logout = await api.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect(await whoAmIStatus(api.app, { cookie: session.cookie })).toBe(401);
  });

  it("refuses a disabled user's session and token at the next request", async () => {
    const user = await addTestUser(api.database.database, { username: 'hans', role: 'auditor' });
    const session = await logIn(api.app, user);
    const token = await addTestToken(api.database.database, 'hans');
    expect(await whoAmIStatus(api.app, { cookie: session.cookie })).toBe(200);
    expect(await whoAmIStatus(api.app, { authorization: `Bearer ${token}` })).toBe(200);
    await disableUser(api.database.database, CLI_ACTOR, 'hans');
    expect(await whoAmIStatus(api.app, { cookie: session.cookie })).toBe(401);
    expect(await whoAmIStatus(api.app, { authorization: `Bearer ${token}` })).toBe(401);
  });
});

describe.each(DATABASE_KINDS)('a login remembered for a short time (%s)', (kind) => {
  const api = useTestApi(kind, { credentialCacheSeconds: 0.3 });

  it('lets a revocation made by another process count once the remembered login has expired', async () => {
    await addTestUser(api.database.database, { username: 'ida', role: 'ministry' });
    const token = await addTestToken(api.database.database, 'ida');
    const bearer = { authorization: `Bearer ${token}` };
    expect(await whoAmIStatus(api.app, bearer)).toBe(200);
    // Another process (the CLI, a second server) writes to the database
    // directly; this server hears nothing of it.
    await api.database.database
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('token_hash', '=', secretHash(token))
      .execute();
    await sleep(400);
    expect(await whoAmIStatus(api.app, bearer)).toBe(401);
  });
});
