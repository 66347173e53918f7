/**
 * All migrations by name; names sort in the order they apply.
 */
import type { Migration } from 'kysely';
import { caseSystemMigration } from './001-case-system.js';
import { amkNameMigration } from './002-amk-name.js';
import { sessionLoginMethodMigration } from './003-session-login-method.js';
import { lettersMigration } from './004-letters.js';
import { monthIndexMigration } from './005-month-index.js';
import { importedStatusesMigration } from './006-imported-statuses.js';

export const MIGRATIONS: Record<string, Migration> = {
  '001-case-system': caseSystemMigration,
  '002-amk-name': amkNameMigration,
  '003-session-login-method': sessionLoginMethodMigration,
  '004-letters': lettersMigration,
  '005-month-index': monthIndexMigration,
  '006-imported-statuses': importedStatusesMigration,
};
