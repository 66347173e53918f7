/**
 * Who does something in the case system: a user (from a session or a
 * token), or the system itself (the CLI run by an operator, the demo seed,
 * a job). Every write records its actor in the audit log.
 *
 * Who may call which service is decided by the access layer (case-api);
 * the services check only what the regime itself says (a ministry user
 * approves and issues, an auditor records findings on its own cases).
 */
import type { UserRole } from '../storage/schema.js';
import { CaseError } from './case-error.js';

export interface Actor {
  /** The user's id; undefined for the system. */
  readonly userId: number | undefined;
  /** The username, or `system` / `cli`. */
  readonly name: string;
  /** The user's role; `system` for work without a user (it may do everything). */
  readonly role: UserRole | 'system';
  readonly municipalityCode?: number | undefined;
  readonly amk?: string | undefined;
}

/** The system acting for an operator at the command line. */
export const CLI_ACTOR: Actor = { userId: undefined, name: 'cli', role: 'system' };

/** The system acting by itself (a job, the demo seed). */
export const SYSTEM_ACTOR: Actor = { userId: undefined, name: 'system', role: 'system' };

/** Refuses an actor whose role is not one of `roles` (the system is always allowed). */
export function requireRole(actor: Actor, roles: readonly UserRole[], what: string): void {
  if (actor.role === 'system' || roles.includes(actor.role)) return;
  throw new CaseError(
    'role_not_allowed',
    `${what} kræver rollen ${roles.join(' eller ')}; ${actor.name} har rollen ${actor.role}.`,
    'forbidden',
  );
}
