import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { createTemporaryDatabase, type TemporaryDatabase } from '../support/postgres.js';

describe('the production database (PostgreSQL)', () => {
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

  it('opens, migrates and runs a transaction that rolls back on error', async () => {
    await sql`create table probe (id int primary key)`.execute(database);
    await expect(
      database.transaction().execute(async (transaction) => {
        await sql`insert into probe values (1)`.execute(transaction);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const { rows } = await sql<{ count: string }>`select count(*) as count from probe`.execute(
      database,
    );
    expect(Number(rows[0]?.count)).toBe(0);
  });
});

describe('the embedded database (PGlite)', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tilsyn-pglite-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('keeps committed data across restarts and serialises concurrent transactions', async () => {
    const first = await openDatabase({ kind: 'pglite', directory });
    await sql`create table probe (id int primary key)`.execute(first);
    await Promise.all(
      [1, 2, 3].map((id) =>
        first.transaction().execute(async (transaction) => {
          await sql`insert into probe values (${id})`.execute(transaction);
        }),
      ),
    );
    await first.destroy();
    const second = await openDatabase({ kind: 'pglite', directory });
    const { rows } = await sql<{ id: number }>`select id from probe order by id`.execute(second);
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3]);
    await second.destroy();
  });
});
