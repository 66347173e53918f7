/**
 * Migration 003: a session remembers how it was started, a password (or the
 * demo) or OpenID Connect, so that logging out of an OpenID Connect session
 * can also end the session at the identity provider (RP-initiated logout).
 * Sessions from before keep `password`.
 */
import { sql, type Kysely, type Migration } from 'kysely';

const STATEMENTS = [
  `alter table sessions add column login_method text not null default 'password'
    check (login_method in ('password', 'oidc'))`,
];

export const sessionLoginMethodMigration: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(database);
  },
};
