/**
 * OpenID Connect login against a real provider: `oidc-provider` runs inside
 * the test on an ephemeral port, and the login is driven as a browser would,
 * following each redirect by hand and carrying the cookies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { addUser, disableUser } from '../../src/cases/users.js';
import { buildApp } from '../../src/http/app.js';
import type { TilsynApp } from '../../src/http/tilsyn-app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const CLIENT_ID = 'tilsyn';
const CLIENT_SECRET = 'en-hemmelig-klientnoegle-til-testen';
const REDIRECT_URL = 'http://127.0.0.1:8080/api/session/oidc/callback';

let server: Server;
let issuer = '';
/** Who logs in at the provider next (the account id is the `sub`). */
let nextSubject = '';
let database: TestDatabase & { close(): Promise<void> };
let app: TilsynApp;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URL],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    findAccount: (_context, id) => ({
      accountId: id,
      claims: () => ({ sub: id, preferred_username: id }),
    }),
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    cookies: { keys: ['en-cookie-noegle-til-testen'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
  });
  const callback = provider.callback();
  // The provider's login and consent pages: the user `nextSubject` logs in
  // and consents to what tilsyn asked for.
  server.on('request', (request, response) => {
    if (request.url?.startsWith('/interaction/') !== true) {
      void callback(request, response);
      return;
    }
    void (async () => {
      const details = await provider.interactionDetails(request, response);
      const grant = new provider.Grant({ accountId: nextSubject, clientId: CLIENT_ID });
      const scope = details.params['scope'];
      grant.addOIDCScope(typeof scope === 'string' ? scope : 'openid');
      const grantId = await grant.save();
      await provider.interactionFinished(request, response, {
        login: { accountId: nextSubject },
        consent: { grantId },
      });
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });

  database = await createTestDatabase('pglite');
  app = await buildApp({
    database: database.database,
    dataDirectory: '/nonexistent-tilsyn-data',
    env: {
      TILSYN_OIDC_ISSUER: issuer,
      TILSYN_OIDC_CLIENT_ID: CLIENT_ID,
      TILSYN_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      TILSYN_OIDC_REDIRECT_URL: REDIRECT_URL,
    },
  });
  await addUser(database.database, CLI_ACTOR, {
    username: 'kirsten',
    role: 'ministry',
    oidcIssuer: issuer,
    oidcSubject: 'sub-kirsten',
  });
  await addUser(database.database, CLI_ACTOR, {
    username: 'ophoert',
    role: 'ministry',
    oidcIssuer: issuer,
    oidcSubject: 'sub-ophoert',
  });
  await disableUser(database.database, CLI_ACTOR, 'ophoert');
});

afterAll(async () => {
  await app.close();
  await database.close();
  await new Promise((resolve) => server.close(resolve));
});

function cookieOf(setCookies: readonly string[], name: string): string | undefined {
  for (const line of setCookies) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    if (pair.slice(0, at) === name) return pair.slice(at + 1);
  }
  return undefined;
}

function setCookiesOf(header: string | string[] | undefined): string[] {
  return header === undefined ? [] : [header].flat();
}

/**
 * Starts a login at tilsyn and goes through the provider as `subject`;
 * answers the callback URL the provider sent the browser to and tilsyn's
 * flow cookie.
 */
async function loginAtProvider(subject: string): Promise<{ callback: URL; flowCookie: string }> {
  nextSubject = subject;
  const start = await app.inject({ method: 'GET', url: '/api/session/oidc' });
  expect(start.statusCode).toBe(302);
  const flowCookie = cookieOf(setCookiesOf(start.headers['set-cookie']), 'tilsyn_oidc');
  expect(flowCookie).toBeDefined();
  const jar = new Map<string, string>();
  let location = new URL(String(start.headers.location));
  expect(location.origin).toBe(issuer);
  for (let hop = 0; hop < 10; hop += 1) {
    if (location.href.startsWith(REDIRECT_URL))
      return { callback: location, flowCookie: flowCookie ?? '' };
    const response = await fetch(location, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const next = response.headers.get('location');
    if (next === null)
      throw new Error(`provider answered ${response.status}: ${await response.text()}`);
    location = new URL(next, location);
  }
  throw new Error('too many redirects');
}

async function callTilsyn(callback: URL, flowCookie: string) {
  return app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: `tilsyn_oidc=${flowCookie}` },
  });
}

describe('OpenID Connect login against a real provider', () => {
  it('logs a registered user in with the same session cookie as a password login', async () => {
    const { callback, flowCookie } = await loginAtProvider('sub-kirsten');
    const answer = await callTilsyn(callback, flowCookie);
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe('/');
    const session = answer.cookies.find((cookie) => cookie.name === 'tilsyn_session');
    expect(session?.httpOnly).toBe(true);
    const me = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `tilsyn_session=${session?.value ?? ''}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { username: string; role: string } }>().user).toMatchObject({
      username: 'kirsten',
      role: 'ministry',
    });
  });

  it('refuses an identity no user is registered for, and writes the refusal to the audit log', async () => {
    const { callback, flowCookie } = await loginAtProvider('sub-ukendt');
    const answer = await callTilsyn(callback, flowCookie);
    expect(answer.statusCode).toBe(403);
    expect(answer.cookies.some((cookie) => cookie.name === 'tilsyn_session')).toBe(false);
    const refusal = await database.database
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'login.oidc')
      .where('outcome', '=', 'refused')
      .where('actor', '=', 'ukendt')
      .executeTakeFirst();
    expect(JSON.stringify(refusal?.details)).toContain('sub-ukendt');
  });

  it('refuses a disabled user', async () => {
    const { callback, flowCookie } = await loginAtProvider('sub-ophoert');
    expect((await callTilsyn(callback, flowCookie)).statusCode).toBe(403);
  });

  it('refuses a callback whose state was tampered with', async () => {
    const { callback, flowCookie } = await loginAtProvider('sub-kirsten');
    callback.searchParams.set('state', 'en-anden-tilstand');
    const answer = await callTilsyn(callback, flowCookie);
    expect(answer.statusCode).toBe(400);
    expect(answer.cookies.some((cookie) => cookie.name === 'tilsyn_session')).toBe(false);
  });

  it('refuses a callback without the flow cookie of the browser that started the login', async () => {
    const { callback } = await loginAtProvider('sub-kirsten');
    const answer = await app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
    });
    expect(answer.statusCode).toBe(400);
  });

  it('answers 404 in Danish when OpenID Connect is not configured', async () => {
    const plain = await buildApp({
      database: database.database,
      dataDirectory: '/nonexistent-tilsyn-data',
    });
    try {
      const answer = await plain.inject({ method: 'GET', url: '/api/session/oidc' });
      expect(answer.statusCode).toBe(404);
      expect(answer.json<{ message: string }>().message).toContain('ikke sat op');
    } finally {
      await plain.close();
    }
  });
});
