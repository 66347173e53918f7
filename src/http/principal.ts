/**
 * Who is behind each request, resolved once before any route runs:
 *
 * - `Authorization: Bearer <token>`: a script's token (`tilsyn tokens
 *   create`); a token that is unknown, revoked or expired is refused (401).
 * - the `tilsyn_session` cookie of a login; a cookie that no longer names a
 *   live session counts as no login at all.
 * - neither: the public.
 *
 * CSRF: a request that changes something (POST, PUT, PATCH, DELETE) and is
 * authenticated by the cookie must carry the session's CSRF token in the
 * `x-csrf-token` header (the synchronizer-token pattern; the token is given
 * at login and by `GET /api/session`). A bearer-token request carries no
 * ambient credentials and needs none. The cookie is also SameSite=Lax, so
 * other sites' forms and scripts do not send it.
 */
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Municipality } from '../core/domain/municipality.js';
import { actorOfUser, PUBLIC_ACTOR, type AccessActor } from '../access/access-actor.js';
import { activeSession, csrfTokenMatches } from '../access/sessions.js';
import { userByToken, type User } from '../cases/users.js';
import type { Database } from '../storage/database.js';
import type { LoginMethod } from '../storage/schema.js';
import { HttpError } from './http-error.js';
import type { TilsynApp } from './tilsyn-app.js';

export const SESSION_COOKIE = 'tilsyn_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Principal {
  readonly access: AccessActor;
  /** The logged-in user; undefined for the public. */
  readonly user: User | undefined;
  readonly via: 'session' | 'token' | 'anonymous';
  /** The cookie's session id and its CSRF token, when `via` is `session`. */
  readonly session?: {
    readonly id: string;
    readonly csrfToken: string;
    /** How the session was started; an OpenID Connect session is also ended at the provider. */
    readonly loginMethod: LoginMethod;
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

const ANONYMOUS: Principal = { access: PUBLIC_ACTOR, user: undefined, via: 'anonymous' };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installPrincipal(
  app: TilsynApp,
  context: {
    readonly database: Database;
    readonly municipalities: readonly Municipality[];
    readonly now: () => Date;
  },
): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', async (request) => {
    request.principal = await principalOf(request, context);
    if (request.principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const given = typeof header === 'string' ? header : undefined;
      if (!csrfTokenMatches(request.principal.session?.csrfToken ?? '', given)) {
        throw new HttpError(
          403,
          'csrf',
          `Forespørgslen mangler sessionens CSRF-nøgle (headeren ${CSRF_HEADER}).`,
        );
      }
    }
  });
}

async function principalOf(
  request: FastifyRequest,
  context: {
    readonly database: Database;
    readonly municipalities: readonly Municipality[];
    readonly now: () => Date;
  },
): Promise<Principal> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user =
      match?.[1] === undefined
        ? undefined
        : await userByToken(context.database, match[1], context.now());
    if (user === undefined)
      throw new HttpError(401, 'invalid_token', 'Adgangsnøglen er ugyldig eller udløbet.');
    return { access: actorOfUser(accessOf(user), context.municipalities), user, via: 'token' };
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId === undefined || sessionId === '') return ANONYMOUS;
  const session = await activeSession(context.database, sessionId, context.now());
  if (session === undefined) return ANONYMOUS;
  return {
    access: actorOfUser(accessOf(session.user), context.municipalities),
    user: session.user,
    via: 'session',
    session: { id: sessionId, csrfToken: session.csrfToken, loginMethod: session.loginMethod },
  };
}

function accessOf(user: User) {
  return {
    id: user.id,
    role: user.role,
    municipalityCode: user.municipalityCode,
    amk: user.amk,
  };
}
