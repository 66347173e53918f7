/**
 * All migrations by name; names sort in the order they apply.
 */
import type { Migration } from 'kysely';
import { caseSystemMigration } from './001-case-system.js';
import { monthIndexMigration } from './002-month-index.js';

export const MIGRATIONS: Record<string, Migration> = {
  '001-case-system': caseSystemMigration,
  '002-month-index': monthIndexMigration,
};
