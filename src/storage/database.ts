/**
 * The relational database: PostgreSQL in production, PGlite (the same SQL,
 * in-process, persisted to a folder) as the embedded default.
 *
 * Which one is chosen: `--database-url` (the CLI passes it as `url`), else
 * `TILSYN_DATABASE_URL`, else `DATABASE_URL` (postgres://…) selects
 * PostgreSQL; otherwise PGlite stores its files under `<data dir>/database`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { migrateToLatest } from './migrate.js';
import type { DatabaseSchema } from './schema.js';

export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly directory: string | undefined };

export type Database = Kysely<DatabaseSchema>;

/** The database the environment asks for, next to the data directory. */
export function databaseConfigFrom(
  env: Readonly<Record<string, string | undefined>>,
  dataDirectory: string,
  url?: string,
): DatabaseConfig {
  const chosen = [url, env['TILSYN_DATABASE_URL'], env['DATABASE_URL']].find(
    (candidate) => candidate !== undefined && candidate !== '',
  );
  if (chosen !== undefined) return { kind: 'postgres', url: chosen };
  return { kind: 'pglite', directory: join(dataDirectory, 'database') };
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const database = new Kysely<DatabaseSchema>({ dialect: await dialectFor(config) });
  await migrateToLatest(database);
  return database;
}

async function dialectFor(config: DatabaseConfig) {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 4 });
    // An idle connection the server ends (a restart, an administrator) is
    // an 'error' on the pool; unheard it would end the whole process. The
    // pool drops that connection and the next query opens a new one, which
    // reports its own error if the server is really gone.
    pool.on('error', () => undefined);
    return new PostgresDialect({ pool });
  }
  if (config.directory !== undefined) await mkdir(config.directory, { recursive: true });
  const pglite = config.directory === undefined ? new PGlite() : new PGlite(config.directory);
  return new PGliteDialect(pglite);
}
