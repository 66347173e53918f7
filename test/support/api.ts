/**
 * The HTTP API over a real test database, with helpers to create users and
 * log in as each role. No mocked database: PGlite or the local PostgreSQL.
 */
import { afterAll, beforeAll } from 'vitest';
import { newSecret } from '../../src/access/sessions.js';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { addUser, createApiToken } from '../../src/cases/users.js';
import { buildApp, type AppOptions } from '../../src/http/app.js';
import type { TilsynApp } from '../../src/http/tilsyn-app.js';
import type { Database } from '../../src/storage/database.js';
import type { UserRole } from '../../src/storage/schema.js';
import { WebDataSource } from '../../src/cases/views/web-data.js';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js';

/**
 * The app's options with the web routes over the example aggregates of
 * December 2024 and no built client (the routes, not the pages).
 */
export function exampleWebOptions(): Pick<AppOptions, 'web'> {
  return {
    web: {
      data: new WebDataSource({
        figures: {
          kind: 'files',
          focus: 'examples/aggregates/focus_measures.csv',
          rates: 'examples/aggregates/expected_rates.csv',
        },
        month: yearMonth('2024-12'),
        rules: OFFICIAL_RULES,
      }),
      clientFolder: '/nonexistent-tilsyn-web-client',
    },
  };
}

export interface TestUser {
  readonly id: number;
  readonly username: string;
  readonly role: UserRole;
  readonly password: string;
}

export async function addTestUser(
  database: Database,
  user: { username: string; role: UserRole; municipality?: number; amk?: string },
): Promise<TestUser> {
  const password = `pw-${user.username}-${newSecret().slice(0, 12)}`;
  const added = await addUser(database, CLI_ACTOR, {
    username: user.username,
    role: user.role,
    municipalityCode: user.municipality,
    amk: user.amk,
    password,
  });
  return { id: added.id, username: user.username, role: user.role, password };
}

/** A bearer token for a user, as `tilsyn tokens create` makes it. */
export async function addTestToken(database: Database, username: string): Promise<string> {
  return (await createApiToken(database, CLI_ACTOR, username)).token;
}

export interface LoggedIn {
  readonly cookie: string;
  readonly csrfToken: string;
}

export async function logIn(app: TilsynApp, user: TestUser): Promise<LoggedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: user.username, password: user.password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookie = response.cookies.find((candidate) => candidate.name === 'tilsyn_session');
  if (cookie === undefined) throw new Error('no session cookie');
  return {
    cookie: `tilsyn_session=${cookie.value}`,
    csrfToken: response.json<{ csrfToken: string }>().csrfToken,
  };
}

export interface TestApi {
  readonly app: TilsynApp;
  readonly database: TestDatabase;
}

/** A fresh database and app for the enclosing `describe` block. */
export function useTestApi(
  kind: DatabaseKind,
  options: Omit<AppOptions, 'database' | 'dataDirectory'> & { dataDirectory?: string } = {},
): TestApi {
  let app: TilsynApp | undefined;
  let database: (TestDatabase & { close(): Promise<void> }) | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = await buildApp({
      dataDirectory: options.dataDirectory ?? '/nonexistent-tilsyn-data',
      ...options,
      database: database.database,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  return {
    get app() {
      if (app === undefined) throw new Error('The test API is used outside a test.');
      return app;
    },
    get database() {
      if (database === undefined) throw new Error('The test API is used outside a test.');
      return database;
    },
  };
}
