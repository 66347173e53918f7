/**
 * The relational schema, as Kysely types. Each table is created by a
 * migration under `migrations/`; keep the two in step.
 */

/** Tables are added here by their migrations. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DatabaseSchema {}
