/**
 * What the regime itself says about who records what for a municipality: a
 * municipality user only for its own municipality, an AMK user only for the
 * municipalities of its AMK. (The permission matrix of the API is the access
 * layer's; these checks hold whoever calls the services.)
 */
import type { UserRole } from '../storage/schema.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { requireRole, type Actor } from './actor.js';
import { CaseError } from './case-error.js';

/** The AMK of each municipality (data/municipalities.csv). */
let amkOfMunicipality: Promise<Map<number, string>> | undefined;

export async function amkOf(municipality: number): Promise<string> {
  amkOfMunicipality ??= readMunicipalities().then(
    (municipalities) => new Map(municipalities.map((entry) => [entry.code, entry.amk])),
  );
  const amk = (await amkOfMunicipality).get(municipality);
  if (amk === undefined)
    throw new CaseError(
      'unknown_municipality',
      `Kommunekoden ${municipality} findes ikke.`,
      'not_found',
    );
  return amk;
}

/** Refuses an actor of another role, or of another municipality or AMK. */
export async function requireScope(
  actor: Actor,
  roles: readonly UserRole[],
  municipality: number,
  what: string,
): Promise<void> {
  requireRole(actor, roles, what);
  const amk = await amkOf(municipality);
  if (actor.role === 'municipality' && actor.municipalityCode !== municipality)
    throw new CaseError(
      'other_municipality',
      `${what}: ${actor.name} hører til kommune ${actor.municipalityCode ?? '?'}, ikke ${municipality}.`,
      'forbidden',
    );
  if (actor.role === 'amk' && actor.amk !== amk)
    throw new CaseError(
      'other_amk',
      `${what}: kommune ${municipality} hører under ${amk}, ikke ${actor.amk ?? '?'}.`,
      'forbidden',
    );
}
