import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases.js';
import { addTestToken, addTestUser, logIn, useTestApi } from '../support/api.js';

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
