/**
 * All migrations by name; names sort in the order they apply.
 */
import type { Migration } from 'kysely';

export const MIGRATIONS: Record<string, Migration> = {};
