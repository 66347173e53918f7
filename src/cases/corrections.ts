/**
 * Nothing is overwritten: a correction is a new row whose `corrects_id`
 * points at the row it corrects. The current rows of a table are those no
 * other row corrects; the history shows them all.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.js';

/** The tables with corrections. */
export type CorrectableTable = {
  [Table in keyof DatabaseSchema]: 'corrects_id' extends keyof DatabaseSchema[Table]
    ? Table
    : never;
}[keyof DatabaseSchema];

/** `where` condition: the row `alias` (of `table`) is not corrected by another row. */
export function notCorrected(table: CorrectableTable, alias: string): RawBuilder<boolean> {
  return sql<boolean>`not exists (select 1 from ${sql.table(table)} as correction where correction.corrects_id = ${sql.ref(`${alias}.id`)})`;
}
