/**
 * Migration 005: an index for reading one month of a measurement run across
 * the country (the overview's newest month; a month filter of the public
 * measures). The primary key starts with the municipality, so such a read
 * may otherwise walk the whole run's index (some 200 000 entries for a
 * national run): PostgreSQL did so before its statistics of a freshly
 * stored run were gathered (43 ms instead of under 1 ms), and PGlite runs
 * no autovacuum to gather them.
 */
import { sql, type Kysely, type Migration } from 'kysely';

const STATEMENTS: readonly string[] = [
  `create index measured_focus_measures_month
    on measured_focus_measures (measurement_run_id, month, scope)`,
];

export const monthIndexMigration: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(database);
  },
};
