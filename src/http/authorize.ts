/**
 * The permission check of a route: the policy of `src/access/policy.ts`
 * asked for the request's principal. Without a login the answer is 401
 * (log in), with a login that may not, 403.
 */
import type { FastifyRequest } from 'fastify';
import { can, type Action, type ActionResources } from '../access/policy.js';
import { forbidden, unauthorized } from './http-error.js';
import type { Principal } from './principal.js';

export function authorize<A extends Action>(
  request: FastifyRequest,
  action: A,
  resource: ActionResources[A],
): Principal {
  const principal = request.principal;
  if (can(principal.access, action, resource)) return principal;
  throw principal.via === 'anonymous' ? unauthorized() : forbidden();
}

/** The logged-in principal, or 401. */
export function requireLogin(
  request: FastifyRequest,
): Principal & { user: NonNullable<Principal['user']> } {
  const principal = request.principal;
  if (principal.user === undefined) throw unauthorized();
  return { ...principal, user: principal.user };
}
