/**
 * OpenID Connect login against a real provider: `oidc-provider` runs inside
 * the test on an ephemeral port, and the login is driven as a browser would,
 * following each redirect by hand and carrying the cookies. The users are
 * registered through the CLI (`tilsyn users add --oidc-subject`), and the
 * whole flow runs against PGlite and PostgreSQL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { addUser } from '../../src/cases/users.js';
import { buildApp } from '../../src/http/app.js';
import type { TilsynApp } from '../../src/http/tilsyn-app.js';
import { openDatabase, type Database, type DatabaseConfig } from '../../src/storage/database.js';
import { DATABASE_KINDS, type DatabaseKind } from '../support/databases.js';
import { createTemporaryDatabase } from '../support/postgres.js';
import { runCli } from '../support/run-cli.js';

const CLIENT_ID = 'tilsyn';
const CLIENT_SECRET = 'en-hemmelig-klientnoegle-til-testen';
const REDIRECT_URL = 'http://127.0.0.1:8080/api/session/oidc/callback';
const POST_LOGOUT_URL = 'http://127.0.0.1:8080/login';

interface RunningProvider {
  readonly issuer: string;
  /** Who logs in at the provider next (the account id is the `sub`). */
  nextSubject: string;
  close(): Promise<void>;
}

/** A real provider on an ephemeral port; `logout` says whether it offers RP-initiated logout. */
async function startProvider(logout: boolean): Promise<RunningProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const running: RunningProvider = {
    issuer,
    nextSubject: '',
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URL],
        post_logout_redirect_uris: [POST_LOGOUT_URL],
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
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: logout } },
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
      const grant = new provider.Grant({ accountId: running.nextSubject, clientId: CLIENT_ID });
      const scope = details.params['scope'];
      grant.addOIDCScope(typeof scope === 'string' ? scope : 'openid');
      const grantId = await grant.save();
      await provider.interactionFinished(request, response, {
        login: { accountId: running.nextSubject },
        consent: { grantId },
      });
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  return running;
}

function oidcEnv(issuer: string): Record<string, string> {
  return {
    TILSYN_OIDC_ISSUER: issuer,
    TILSYN_OIDC_CLIENT_ID: CLIENT_ID,
    TILSYN_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    TILSYN_OIDC_REDIRECT_URL: REDIRECT_URL,
    TILSYN_OIDC_NAME: 'Statens Log-in',
    TILSYN_OIDC_POST_LOGOUT_URL: POST_LOGOUT_URL,
  };
}

/**
 * An empty database of `kind` that both the CLI (by its own options) and
 * the app open: a data directory with embedded PGlite, or a fresh
 * PostgreSQL database.
 */
async function emptyDatabase(kind: DatabaseKind): Promise<{
  readonly cliOptions: readonly string[];
  readonly config: DatabaseConfig;
  remove(): Promise<void>;
}> {
  if (kind === 'pglite') {
    const directory = await mkdtemp(join(tmpdir(), 'tilsyn-oidc-'));
    return {
      cliOptions: ['--data-dir', directory],
      config: { kind: 'pglite', directory: join(directory, 'database') },
      remove: () => rm(directory, { recursive: true, force: true }),
    };
  }
  const temporary = await createTemporaryDatabase();
  return {
    cliOptions: ['--database-url', temporary.url],
    config: { kind: 'postgres', url: temporary.url },
    remove: () => temporary.drop(),
  };
}

let provider: RunningProvider;
let withoutLogout: RunningProvider;

beforeAll(async () => {
  provider = await startProvider(true);
  withoutLogout = await startProvider(false);
});

afterAll(async () => {
  await provider.close();
  await withoutLogout.close();
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

/** Follows the provider's redirects as a browser would, carrying its cookies, until `done`. */
async function browse(
  from: URL,
  jar: Map<string, string>,
  done: (location: URL) => boolean,
): Promise<URL> {
  let location = from;
  for (let hop = 0; hop < 10; hop += 1) {
    if (done(location)) return location;
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

/**
 * Starts a login at tilsyn and goes through the provider as `subject`;
 * answers the callback URL the provider sent the browser to, tilsyn's flow
 * cookie and the browser's cookies at the provider.
 */
async function loginAtProvider(
  app: TilsynApp,
  at: RunningProvider,
  subject: string,
): Promise<{ callback: URL; flowCookie: string; jar: Map<string, string> }> {
  at.nextSubject = subject;
  const start = await app.inject({ method: 'GET', url: '/api/session/oidc' });
  expect(start.statusCode).toBe(302);
  const flowCookie = cookieOf(setCookiesOf(start.headers['set-cookie']), 'tilsyn_oidc');
  expect(flowCookie).toBeDefined();
  const location = new URL(String(start.headers.location));
  expect(location.origin).toBe(at.issuer);
  const jar = new Map<string, string>();
  const callback = await browse(location, jar, (url) => url.href.startsWith(REDIRECT_URL));
  return { callback, flowCookie: flowCookie ?? '', jar };
}

async function callTilsyn(app: TilsynApp, callback: URL, flowCookie: string) {
  return app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: `tilsyn_oidc=${flowCookie}` },
  });
}

/** Logs in through the provider and answers tilsyn's session cookie, CSRF token and the provider's cookies. */
async function logIn(app: TilsynApp, at: RunningProvider, subject: string) {
  const { callback, flowCookie, jar } = await loginAtProvider(app, at, subject);
  const answer = await callTilsyn(app, callback, flowCookie);
  expect(answer.statusCode).toBe(302);
  const session = answer.cookies.find((cookie) => cookie.name === 'tilsyn_session');
  const cookie = `tilsyn_session=${session?.value ?? ''}`;
  const me = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  return {
    answer,
    session,
    cookie,
    me,
    csrfToken: me.json<{ csrfToken: string }>().csrfToken,
    jar,
  };
}

describe.each(DATABASE_KINDS)('OpenID Connect login against a real provider (%s)', (kind) => {
  let database: Database;
  let app: TilsynApp;
  let remove: () => Promise<void> = () => Promise.resolve();

  beforeAll(async () => {
    const empty = await emptyDatabase(kind);
    remove = () => empty.remove();
    const env = { TILSYN_OIDC_ISSUER: provider.issuer };
    const tilsyn = (argv: readonly string[]) => runCli([...argv, ...empty.cliOptions], { env });
    for (const [username, subject] of [
      ['kirsten', 'sub-kirsten'],
      ['ophoert', 'sub-ophoert'],
    ] as const) {
      const added = await tilsyn([
        'users',
        'add',
        '--username',
        username,
        '--role',
        'ministry',
        '--oidc-subject',
        subject,
      ]);
      expect(added).toMatchObject({
        code: 0,
        stdout: `Brugeren ${username} (ministry) er oprettet.\n`,
      });
    }
    const amk = await tilsyn([
      'users',
      'add',
      '--username',
      'amk-syd',
      '--role',
      'amk',
      '--amk',
      'Region Syddanmark',
      '--oidc-subject',
      'sub-amk-syd',
    ]);
    expect(amk).toMatchObject({
      code: 0,
      stdout: 'Brugeren amk-syd (amk, AMK Syd) er oprettet.\n',
    });
    expect((await tilsyn(['users', 'disable', '--username', 'ophoert'])).code).toBe(0);
    database = await openDatabase(empty.config);
    app = await buildApp({
      database,
      dataDirectory: '/nonexistent-tilsyn-data',
      env: oidcEnv(provider.issuer),
    });
  });

  afterAll(async () => {
    await app.close();
    await database.destroy();
    await remove();
  });

  it('logs a user registered with tilsyn users add --oidc-subject in, with the same session cookie as a password login', async () => {
    const { answer, session, me } = await logIn(app, provider, 'sub-kirsten');
    expect(answer.headers.location).toBe('/');
    expect(session?.httpOnly).toBe(true);
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { username: string; role: string } }>().user).toMatchObject({
      username: 'kirsten',
      role: 'ministry',
    });
  });

  it('maps an AMK user registered by its region to the AMK and its municipalities', async () => {
    const { me, cookie } = await logIn(app, provider, 'sub-amk-syd');
    expect(me.json<{ user: { username: string; amk: string } }>().user).toMatchObject({
      username: 'amk-syd',
      amk: 'AMK Syd',
    });
    const odense = await app.inject({
      method: 'GET',
      url: '/api/municipalities/461/case',
      headers: { cookie },
    });
    const aarhus = await app.inject({
      method: 'GET',
      url: '/api/municipalities/751/case',
      headers: { cookie },
    });
    expect(odense.statusCode).not.toBe(403);
    expect(aarhus.statusCode).toBe(403);
  });

  it('refuses an identity no user is registered for with a clear message, and audits the refusal', async () => {
    const { callback, flowCookie } = await loginAtProvider(app, provider, 'sub-ukendt');
    const answer = await callTilsyn(app, callback, flowCookie);
    expect(answer.statusCode).toBe(403);
    expect(answer.json<{ error: string; message: string }>()).toEqual({
      error: 'oidc_unknown_user',
      message:
        'Du er logget ind hos Statens Log-in, men der er ingen aktiv bruger i tilsyn for dette login. Bed ministeriet om at oprette dig (tilsyn users add --oidc-subject); forsøget med dit subject står i auditloggen.',
    });
    expect(answer.cookies.some((cookie) => cookie.name === 'tilsyn_session')).toBe(false);
    const refusal = await database
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'login.oidc')
      .where('outcome', '=', 'refused')
      .where('actor', '=', 'ukendt')
      .executeTakeFirst();
    expect(JSON.stringify(refusal?.details)).toContain('sub-ukendt');
  });

  it('refuses a disabled user', async () => {
    const { callback, flowCookie } = await loginAtProvider(app, provider, 'sub-ophoert');
    expect((await callTilsyn(app, callback, flowCookie)).statusCode).toBe(403);
  });

  it('refuses a callback whose state was tampered with', async () => {
    const { callback, flowCookie } = await loginAtProvider(app, provider, 'sub-kirsten');
    callback.searchParams.set('state', 'en-anden-tilstand');
    const answer = await callTilsyn(app, callback, flowCookie);
    expect(answer.statusCode).toBe(400);
    expect(answer.cookies.some((cookie) => cookie.name === 'tilsyn_session')).toBe(false);
  });

  it('refuses a callback without the flow cookie of the browser that started the login', async () => {
    const { callback } = await loginAtProvider(app, provider, 'sub-kirsten');
    const answer = await app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
    });
    expect(answer.statusCode).toBe(400);
  });

  it('logs out at the provider too: the logout answers the end_session_endpoint, and the provider ends its session', async () => {
    const { cookie, csrfToken, jar } = await logIn(app, provider, 'sub-kirsten');
    const logout = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(logout.statusCode).toBe(200);
    const endSession = new URL(logout.json<{ endSessionUrl: string }>().endSessionUrl);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(endSession.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(POST_LOGOUT_URL);
    const after = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);

    // The browser goes there; the provider asks to confirm, the user does,
    // and the provider sends the browser back to tilsyn's login page.
    const providerCookies = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const confirm = await fetch(endSession, { headers: { cookie: providerCookies() } });
    const form = await confirm.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1];
    expect(xsrf).toBeDefined();
    const confirmed = await fetch(new URL('/session/end/confirm', provider.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: providerCookies(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ xsrf: xsrf ?? '', logout: 'yes' }).toString(),
    });
    const back = await browse(
      new URL(confirmed.headers.get('location') ?? '', provider.issuer),
      jar,
      (url) => url.href.startsWith(POST_LOGOUT_URL),
    );
    expect(back.href.startsWith(POST_LOGOUT_URL)).toBe(true);

    // With the provider's session ended, a new login asks the provider to log in again.
    provider.nextSubject = 'sub-kirsten';
    const start = await app.inject({ method: 'GET', url: '/api/session/oidc' });
    const authorization = await fetch(String(start.headers.location), {
      redirect: 'manual',
      headers: { cookie: providerCookies() },
    });
    expect(authorization.headers.get('location')).toMatch(/\/interaction\//);
  });

  it('logs a password session out at tilsyn only (204), though the provider offers logout', async () => {
    await addUser(database, CLI_ACTOR, {
      username: 'med-kodeord',
      role: 'auditor',
      password: 'et langt kodeord til testen',
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'med-kodeord', password: 'et langt kodeord til testen' },
    });
    const session = login.cookies.find((cookie) => cookie.name === 'tilsyn_session');
    const logout = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: {
        cookie: `tilsyn_session=${session?.value ?? ''}`,
        'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
      },
    });
    expect(logout.statusCode).toBe(204);
  });

  it('tells the login page it may offer the provider, by its name', async () => {
    const options = await app.inject({ method: 'GET', url: '/api/session/options' });
    expect(options.statusCode).toBe(200);
    expect(options.json()).toEqual({
      password: true,
      oidc: { name: 'Statens Log-in', loginUrl: '/api/session/oidc' },
    });
  });
});

describe('OpenID Connect at a provider without an end_session_endpoint', () => {
  let empty: Awaited<ReturnType<typeof emptyDatabase>>;
  let database: Database;
  let app: TilsynApp;

  beforeAll(async () => {
    empty = await emptyDatabase('pglite');
    const added = await runCli(
      [
        'users',
        'add',
        '--username',
        'kirsten',
        '--role',
        'ministry',
        '--oidc-subject',
        'sub-kirsten',
        ...empty.cliOptions,
      ],
      { env: { TILSYN_OIDC_ISSUER: withoutLogout.issuer } },
    );
    expect(added.code).toBe(0);
    database = await openDatabase(empty.config);
    app = await buildApp({
      database,
      dataDirectory: '/nonexistent-tilsyn-data',
      env: oidcEnv(withoutLogout.issuer),
    });
  });

  afterAll(async () => {
    await app.close();
    await database.destroy();
    await empty.remove();
  });

  it("ends only tilsyn's session at logout (204), since there is nowhere to send the browser", async () => {
    const { cookie, csrfToken } = await logIn(app, withoutLogout, 'sub-kirsten');
    const logout = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });
});

describe('a server without OpenID Connect', () => {
  it('answers 404 in Danish at the login address, and tells the login page to offer passwords only', async () => {
    const empty = await emptyDatabase('pglite');
    const database = await openDatabase(empty.config);
    const plain = await buildApp({ database, dataDirectory: '/nonexistent-tilsyn-data' });
    try {
      const answer = await plain.inject({ method: 'GET', url: '/api/session/oidc' });
      expect(answer.statusCode).toBe(404);
      expect(answer.json<{ message: string }>().message).toContain('ikke sat op');
      const options = await plain.inject({ method: 'GET', url: '/api/session/options' });
      expect(options.json()).toEqual({ password: true, oidc: null });
    } finally {
      await plain.close();
      await database.destroy();
      await empty.remove();
    }
  });
});
