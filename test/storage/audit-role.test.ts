/**
 * In PostgreSQL the application's own role (`tilsyn_app`, docs/database.md)
 * cannot change the audit log even where the trigger would not stop it: the
 * migration leaves the role only SELECT and INSERT on `audit_log`. (PGlite
 * has one user; there the triggers of `case-schema.test.ts` are the guard.)
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { createTemporaryDatabase, type TemporaryDatabase } from '../support/postgres.js';

describe('the audit log and the application role (postgres)', () => {
  let temporary: TemporaryDatabase;
  let database: Database;

  beforeAll(async () => {
    temporary = await createTemporaryDatabase();
    const admin = new pg.Client({ connectionString: temporary.url });
    await admin.connect();
    // The role is cluster-wide; another test run may have made it already.
    await admin.query(
      `do $$ begin if not exists (select 1 from pg_roles where rolname = 'tilsyn_app') then create role tilsyn_app; end if; end $$`,
    );
    await admin.end();
    database = await openDatabase({ kind: 'postgres', url: temporary.url });
  });

  afterAll(async () => {
    await database.destroy();
    await temporary.drop();
  });

  it('lets the role append to the audit log but not update, delete or truncate it', async () => {
    await database.connection().execute(async (connection) => {
      await sql`set role tilsyn_app`.execute(connection);
      try {
        await sql`insert into audit_log (actor, action) values ('app', 'probe')`.execute(
          connection,
        );
        await expect(sql`update audit_log set action = 'x'`.execute(connection)).rejects.toThrow(
          /permission denied/,
        );
        await expect(sql`delete from audit_log`.execute(connection)).rejects.toThrow(
          /permission denied/,
        );
        await expect(sql`truncate audit_log`.execute(connection)).rejects.toThrow(
          /permission denied/,
        );
      } finally {
        await sql`reset role`.execute(connection);
      }
    });
    const rows = await database.selectFrom('audit_log').select('action').execute();
    expect(rows).toEqual([{ action: 'probe' }]);
  });
});
