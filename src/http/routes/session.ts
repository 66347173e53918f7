/**
 * Logging in and out with a username and password:
 *
 * - `POST /api/session` `{ username, password }` sets the HttpOnly,
 *   SameSite=Lax session cookie and answers the user and the CSRF token
 *   (rate-limited per client address);
 * - `GET /api/session`: who am I (401 without a login);
 * - `DELETE /api/session`: log out (the session ends in the database).
 */
import { Type } from 'typebox';
import { checkCredentials, endSession, startSession } from '../../access/sessions.js';
import type { HttpContext } from '../http-context.js';
import { HttpError } from '../http-error.js';
import { requireLogin } from '../authorize.js';
import { SESSION_COOKIE } from '../principal.js';
import { presentUser, UserSchema } from '../presenters/user.js';
import type { TilsynApp } from '../tilsyn-app.js';
import { ErrorSchema } from '../schemas.js';

const SessionSchema = Type.Object({
  user: UserSchema,
  /** Send it back in the `x-csrf-token` header of every POST, PUT, PATCH and DELETE. */
  csrfToken: Type.String(),
  via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
});

export function sessionRoutes(app: TilsynApp, context: HttpContext): void {
  app.post(
    '/api/session',
    {
      config: {
        rateLimit: { max: context.loginAttemptsPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['login'],
        summary: 'Log ind med brugernavn og adgangskode',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 100 }),
          password: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        response: { 200: SessionSchema, 401: ErrorSchema },
      },
    },
    async (request, reply) => {
      const user = await checkCredentials(
        context.database,
        request.body.username,
        request.body.password,
      );
      if (user === undefined)
        throw new HttpError(401, 'login_failed', 'Forkert brugernavn eller adgangskode.');
      const session = await startSession(context.database, user.id, context.now());
      void reply.setCookie(SESSION_COOKIE, session.sessionId, {
        httpOnly: true,
        sameSite: 'lax',
        secure: context.secureCookies,
        path: '/',
        expires: session.expiresAt,
      });
      return { user: presentUser(user), csrfToken: session.csrfToken, via: 'session' as const };
    },
  );

  app.get(
    '/api/session',
    {
      schema: {
        tags: ['login'],
        summary: 'Hvem er jeg',
        response: { 200: SessionSchema, 401: ErrorSchema },
      },
    },
    (request) => {
      const principal = requireLogin(request);
      return {
        user: presentUser(principal.user),
        csrfToken: principal.session?.csrfToken ?? '',
        via: principal.via === 'token' ? ('token' as const) : ('session' as const),
      };
    },
  );

  app.delete(
    '/api/session',
    { schema: { tags: ['login'], summary: 'Log ud', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const principal = requireLogin(request);
      if (principal.session !== undefined)
        await endSession(context.database, principal.session.id, context.now());
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
