/**
 * Migration 002: one name for one concept. An amk user and an AMK contact
 * name the labour market office (the `amk` column of the municipalities
 * file, "AMK Øst"), not a region; the columns `amk_region` become `amk`.
 *
 * Only the column names change: the users service has always stored the
 * AMK's name (it accepted AMK names only), so no value needs rewriting. A
 * rename is no UPDATE, so the records' refuse-change triggers stay quiet.
 */
import { sql, type Kysely, type Migration } from 'kysely';

const STATEMENTS = [
  'alter table users rename column amk_region to amk',
  'alter table amk_contacts rename column amk_region to amk',
];

export const amkNameMigration: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(database);
  },
};
