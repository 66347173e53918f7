/**
 * Logging in and out with a username and password:
 *
 * - `POST /api/session` `{ username, password }` sets the HttpOnly,
 *   SameSite=Lax session cookie and answers the user and the CSRF token
 *   (rate-limited per client address);
 * - `GET /api/session`: who am I (401 without a login);
 * - `GET /api/session/options`: how one may log in here (for the login
 *   page, without a login): always with a password, and with OpenID Connect
 *   when the server has it set up (`src/http/oidc.ts`);
 * - `DELETE /api/session`: log out (the session ends in the database). A
 *   session started through OpenID Connect at a provider that offers an
 *   end_session_endpoint is answered 200 with `endSessionUrl`, where the
 *   client sends the browser to end the provider's session too
 *   (RP-initiated logout); any other logout is 204.
 */
import { Type } from 'typebox';
import { checkCredentials, endSession, startSession } from '../../access/sessions.js';
import type { HttpContext } from '../http-context.js';
import type { OidcClient } from '../oidc.js';
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

const LoginOptionsSchema = Type.Object({
  /** Username and password (POST /api/session). */
  password: Type.Boolean(),
  /** OpenID Connect, when the server has it set up; null otherwise. */
  oidc: Type.Union([
    Type.Object({
      /** The provider's name, for the button "Log ind med … (OpenID Connect)". */
      name: Type.String(),
      /** Where the browser goes to log in (a redirect to the provider). */
      loginUrl: Type.String(),
    }),
    Type.Null(),
  ]),
});

export const OIDC_LOGIN_PATH = '/api/session/oidc';

export function sessionRoutes(
  app: TilsynApp,
  context: HttpContext,
  oidc: OidcClient | undefined,
): void {
  app.get(
    '/api/session/options',
    {
      schema: {
        tags: ['login'],
        summary: 'Hvordan man kan logge ind her (adgangskode, OpenID Connect)',
        response: { 200: LoginOptionsSchema },
      },
    },
    () => ({
      password: true,
      oidc: oidc === undefined ? null : { name: oidc.settings.name, loginUrl: OIDC_LOGIN_PATH },
    }),
  );

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
    {
      schema: {
        tags: ['login'],
        summary: 'Log ud (og hos identitetsudbyderen, når login gik gennem den)',
        response: {
          200: Type.Object({
            /** Send the browser here to end the session at the identity provider too. */
            endSessionUrl: Type.String(),
          }),
          204: Type.Null(),
        },
      },
    },
    async (request, reply) => {
      const principal = requireLogin(request);
      const session = principal.session;
      if (session !== undefined) await endSession(context.database, session.id, context.now());
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const providerLogout =
        session?.loginMethod === 'oidc' && oidc !== undefined
          ? await oidc.endSessionUrl()
          : undefined;
      if (providerLogout !== undefined)
        return reply.status(200).send({ endSessionUrl: providerLogout.href });
      return reply.status(204).send(null);
    },
  );
}
