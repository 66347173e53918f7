/**
 * Both databases for storage and case tests: every such test runs against
 * the embedded PGlite and against the real PostgreSQL at 127.0.0.1:5432
 * (user postgres, trust auth; `.ci/run` starts it). No mocked database.
 *
 * ```ts
 * describe.each(DATABASE_KINDS)('the case history (%s)', (kind) => {
 *   const test = useTestDatabase(kind);
 *   it('…', async () => {
 *     const database = test.database;
 *   });
 * });
 * ```
 *
 * Each `useTestDatabase` call gets a fresh database for its `describe`
 * block: a uniquely named PostgreSQL database that is dropped afterwards, or
 * a PGlite database in a temporary directory that is removed afterwards.
 * `reopen()` closes and opens the same database again, as a restart of the
 * server would (nothing may be lost).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database, type DatabaseConfig } from '../../src/storage/database.js';
import { createTemporaryDatabase } from './postgres.js';

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;

export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** The open database (inside a test, after `beforeAll`). */
  readonly database: Database;
  /** How to open this database again (for a second connection or a restart). */
  readonly config: DatabaseConfig;
  /** Closes the database and opens it again; `database` is the new one. */
  reopen(): Promise<Database>;
}

/** A fresh, empty, migrated database of `kind`. */
export async function createTestDatabase(
  kind: DatabaseKind,
): Promise<TestDatabase & { close(): Promise<void> }> {
  const { config, remove } = await freshConfig(kind);
  let database: Database | undefined = await openDatabase(config);
  const current = (): Database => {
    if (database === undefined) throw new Error('The test database is closed.');
    return database;
  };
  return {
    kind,
    config,
    get database() {
      return current();
    },
    async reopen() {
      await current().destroy();
      database = undefined;
      database = await openDatabase(config);
      return database;
    },
    async close() {
      if (database !== undefined) await database.destroy();
      database = undefined;
      await remove();
    },
  };
}

/** Registers a fresh database of `kind` for the enclosing `describe` block. */
export function useTestDatabase(kind: DatabaseKind): TestDatabase {
  let opened: (TestDatabase & { close(): Promise<void> }) | undefined;
  const current = () => {
    if (opened === undefined) throw new Error('The test database is used outside a test.');
    return opened;
  };
  beforeAll(async () => {
    opened = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await opened?.close();
    opened = undefined;
  });
  return {
    kind,
    get database() {
      return current().database;
    },
    get config() {
      return current().config;
    },
    reopen: () => current().reopen(),
  };
}

async function freshConfig(
  kind: DatabaseKind,
): Promise<{ config: DatabaseConfig; remove: () => Promise<void> }> {
  if (kind === 'postgres') {
    const temporary = await createTemporaryDatabase();
    return { config: { kind: 'postgres', url: temporary.url }, remove: () => temporary.drop() };
  }
  const directory = await mkdtemp(join(tmpdir(), 'tilsyn-pglite-'));
  return {
    config: { kind: 'pglite', directory },
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
