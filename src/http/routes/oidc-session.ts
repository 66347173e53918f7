/**
 * Logging in through OpenID Connect (`src/http/oidc.ts`):
 *
 * - `GET /api/session/oidc` redirects to the identity provider; state, nonce
 *   and the PKCE verifier wait in a short-lived HttpOnly cookie;
 * - `GET /api/session/oidc/callback` exchanges the code, finds the user
 *   registered for the ID token's issuer and subject, sets the same session
 *   cookie as a password login and redirects to `/`. An unknown identity or
 *   a disabled user is 403 (audited); a wrong state or code is 400.
 *
 * Without the `TILSYN_OIDC_*` settings both answer 404.
 */
import { checkOidcIdentity, startSession } from '../../access/sessions.js';
import type { HttpContext } from '../http-context.js';
import { HttpError } from '../http-error.js';
import type { OidcClient, OidcFlow } from '../oidc.js';
import { SESSION_COOKIE } from '../principal.js';
import type { TilsynApp } from '../tilsyn-app.js';
import { ErrorSchema } from '../schemas.js';

export const OIDC_FLOW_COOKIE = 'tilsyn_oidc';
const CALLBACK_PATH = '/api/session/oidc/callback';
/** How long the provider's login may take. */
const FLOW_SECONDS = 600;

function required(oidc: OidcClient | undefined): OidcClient {
  if (oidc === undefined)
    throw new HttpError(404, 'oidc_not_configured', 'Log ind med OpenID Connect er ikke sat op.');
  return oidc;
}

function flowOf(value: string | undefined): OidcFlow | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { state, nonce, codeVerifier } = parsed as Record<string, unknown>;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string')
      return undefined;
    return { state, nonce, codeVerifier };
  } catch {
    return undefined;
  }
}

export function oidcSessionRoutes(
  app: TilsynApp,
  context: HttpContext,
  oidc: OidcClient | undefined,
): void {
  app.get(
    '/api/session/oidc',
    {
      schema: {
        tags: ['login'],
        summary: 'Log ind hos identitetsudbyderen (OpenID Connect)',
        response: { 404: ErrorSchema, 502: ErrorSchema },
      },
    },
    async (_request, reply) => {
      const client = required(oidc);
      const started = await client.start().catch(() => {
        throw new HttpError(502, 'oidc_unavailable', 'Identitetsudbyderen svarer ikke.');
      });
      void reply.setCookie(
        OIDC_FLOW_COOKIE,
        Buffer.from(JSON.stringify(started.flow)).toString('base64url'),
        {
          httpOnly: true,
          sameSite: 'lax',
          secure: context.secureCookies,
          path: CALLBACK_PATH,
          maxAge: FLOW_SECONDS,
        },
      );
      return reply.redirect(started.url.href, 302);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      schema: {
        tags: ['login'],
        summary: 'Identitetsudbyderen sender brugeren tilbage hertil',
        response: { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const client = required(oidc);
      const flow = flowOf(request.cookies[OIDC_FLOW_COOKIE]);
      void reply.clearCookie(OIDC_FLOW_COOKIE, { path: CALLBACK_PATH });
      if (flow === undefined)
        throw new HttpError(
          400,
          'oidc_no_flow',
          'Login-forløbet er udløbet eller ukendt; start forfra på /api/session/oidc.',
        );
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const identity = await client.finish(query, flow).catch(() => {
        throw new HttpError(
          400,
          'oidc_failed',
          'Login hos identitetsudbyderen kunne ikke bekræftes; start forfra på /api/session/oidc.',
        );
      });
      const user = await checkOidcIdentity(context.database, identity.issuer, identity.subject);
      if (user === undefined)
        throw new HttpError(
          403,
          'oidc_unknown_user',
          `Du er logget ind hos ${client.settings.name}, men der er ingen aktiv bruger i tilsyn for dette login. Bed ministeriet om at oprette dig (tilsyn users add --oidc-subject); forsøget med dit subject står i auditloggen.`,
        );
      const session = await startSession(context.database, user.id, context.now(), 'oidc');
      void reply.setCookie(SESSION_COOKIE, session.sessionId, {
        httpOnly: true,
        sameSite: 'lax',
        secure: context.secureCookies,
        path: '/',
        expires: session.expiresAt,
      });
      return reply.redirect('/', 302);
    },
  );
}
