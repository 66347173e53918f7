/**
 * What the routes work with: the database, the reference data, the clock
 * and the server's settings. Made once by `buildApp`.
 */
import type { Municipality } from '../core/domain/municipality.js';
import type { CaseSystem } from '../cases/case-system.js';
import type { Database } from '../storage/database.js';

export interface HttpContext {
  readonly database: Database;
  /** The case system's services work with this. */
  readonly system: CaseSystem;
  /** Where stored loads are kept (the data directory). */
  readonly dataDirectory: string;
  readonly municipalities: readonly Municipality[];
  readonly now: () => Date;
  /** Whether the session cookie is marked Secure (HTTPS only). */
  readonly secureCookies: boolean;
  /** Logins allowed per client address and minute. */
  readonly loginAttemptsPerMinute: number;
}
