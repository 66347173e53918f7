/**
 * Who is behind each request, resolved once before any route runs:
 *
 * - `Authorization: Bearer <token>`: a script's token (`tilsyn tokens
 *   create`); a token that is unknown, revoked or expired is refused (401).
 * - the `tilsyn_session` cookie of a login; a cookie that no longer names a
 *   live session counts as no login at all.
 * - neither: the public.
 *
 * A live login is remembered for a few seconds (`access/credential-cache.ts`,
 * `credentialCacheSeconds`); a logout, a revoked token or a disabled user
 * in this process counts from the next request, one made by another process
 * after at most that time. Expiry is checked on every request.
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
import { CredentialCache } from '../access/credential-cache.js';
import { csrfTokenMatches, sessionByHash } from '../access/sessions.js';
import { isTokenShaped, secretHash, tokenCredential, type User } from '../cases/users.js';
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

/** What a token or session cookie stands for, as the credential cache keeps it. */
interface Login {
  readonly user: User;
  readonly access: AccessActor;
  /** The token's or session's end; null: a token without one. */
  readonly expiresAt: Date | null;
  /** A session's CSRF token. */
  readonly csrfToken?: string;
  /** How a session was logged in (its logout ends the provider's session too when OIDC). */
  readonly loginMethod?: LoginMethod;
}

interface PrincipalContext {
  readonly database: Database;
  readonly municipalities: readonly Municipality[];
  readonly now: () => Date;
  /** How long a login is trusted without asking the database again (0: always ask). */
  readonly credentialCacheSeconds: number;
}

export function installPrincipal(app: TilsynApp, context: PrincipalContext): void {
  const logins = new CredentialCache<Login>(context.credentialCacheSeconds);
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', async (request) => {
    request.principal = await principalOf(request, context, logins);
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
  context: PrincipalContext,
  logins: CredentialCache<Login>,
): Promise<Principal> {
  const now = context.now();
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match?.[1];
    const hash = token !== undefined && isTokenShaped(token) ? secretHash(token) : undefined;
    const login =
      hash === undefined
        ? undefined
        : await logins.get(`token:${hash}`, async () => {
            const credential = await tokenCredential(context.database, hash);
            return credential === undefined
              ? undefined
              : loginOf(credential.user, credential.expiresAt, context);
          });
    if (login === undefined || !live(login, now))
      throw new HttpError(401, 'invalid_token', 'Adgangsnøglen er ugyldig eller udløbet.');
    return { access: login.access, user: login.user, via: 'token' };
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId === undefined || sessionId === '') return ANONYMOUS;
  const hash = secretHash(sessionId);
  const login = await logins.get(`session:${hash}`, async () => {
    const session = await sessionByHash(context.database, hash, now);
    return session === undefined
      ? undefined
      : {
          ...loginOf(session.user, session.expiresAt, context),
          csrfToken: session.csrfToken,
          loginMethod: session.loginMethod,
        };
  });
  if (login === undefined || !live(login, now)) return ANONYMOUS;
  return {
    access: login.access,
    user: login.user,
    via: 'session',
    session: {
      id: sessionId,
      csrfToken: login.csrfToken ?? '',
      loginMethod: login.loginMethod ?? 'password',
    },
  };
}

function loginOf(user: User, expiresAt: Date | null, context: PrincipalContext): Login {
  return { user, access: actorOfUser(accessOf(user), context.municipalities), expiresAt };
}

/** A token or session is checked against the clock on every request, cached or not. */
function live(login: Login, now: Date): boolean {
  return login.expiresAt === null || login.expiresAt.getTime() > now.getTime();
}

function accessOf(user: User) {
  return {
    id: user.id,
    role: user.role,
    municipalityCode: user.municipalityCode,
    amk: user.amk,
  };
}
