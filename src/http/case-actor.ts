/**
 * The case system's actor of a logged-in user: who the services record in
 * the audit log and the case history.
 */
import type { Actor } from '../cases/actor.js';
import type { UserRow } from '../storage/schema.js';

export function caseActorOf(user: UserRow): Actor {
  return {
    userId: user.id,
    name: user.username,
    role: user.role,
    municipalityCode: user.municipality_code ?? undefined,
    amkRegion: user.amk_region ?? undefined,
  };
}
