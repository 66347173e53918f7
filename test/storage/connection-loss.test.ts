/**
 * PostgreSQL ends an idle connection (a restart, an administrator): the
 * server process must not die of it, and the next query must work.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { createTemporaryDatabase, type TemporaryDatabase } from '../support/postgres.js';

describe('a PostgreSQL connection ended by the server', () => {
  let temporary: TemporaryDatabase;
  let database: Database;

  beforeAll(async () => {
    temporary = await createTemporaryDatabase();
    database = await openDatabase({ kind: 'postgres', url: temporary.url });
  });

  afterAll(async () => {
    await database.destroy();
    await temporary.drop();
  });

  it('is dropped quietly from the pool, and the next query opens a new one', async () => {
    const uncaught: unknown[] = [];
    const listener = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', listener);
    try {
      await sql`select 1`.execute(database);
      const name = new URL(temporary.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: temporary.url.replace(name, 'postgres') });
      await admin.connect();
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const result = await sql<{ one: number }>`select 1 as one`.execute(database);
      expect(result.rows[0]?.one).toBe(1);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', listener);
    }
  });
});
