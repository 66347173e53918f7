/**
 * OpenID Connect login against the ministry's identity provider
 * (authorization code flow with PKCE, state and nonce), configured from the
 * environment:
 *
 * - `TILSYN_OIDC_ISSUER`: the provider's issuer URL (its discovery document
 *   is read at the first login);
 * - `TILSYN_OIDC_CLIENT_ID`, `TILSYN_OIDC_CLIENT_SECRET`: tilsyn's client;
 * - `TILSYN_OIDC_REDIRECT_URL`: the public address of
 *   `/api/session/oidc/callback`, as registered at the provider.
 *
 * All four or none: a partial setting is an error at start. Two more are
 * optional:
 *
 * - `TILSYN_OIDC_NAME`: the provider's name on the login page's button
 *   ("Log ind med … (OpenID Connect)"); the issuer's host name when unset;
 * - `TILSYN_OIDC_POST_LOGOUT_URL`: where the provider sends the browser after
 *   logging out (registered at the provider as a post-logout redirect URI).
 *
 * Logging out of a session started here also ends the provider's session
 * when the provider's discovery document names an `end_session_endpoint`
 * (RP-initiated logout): the logout answer tells the client where to go.
 */
import * as client from 'openid-client';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUrl: string;
  /** The provider's name for people (the login button). */
  readonly name: string;
  readonly postLogoutUrl?: string | undefined;
}

const VARIABLES = {
  issuer: 'TILSYN_OIDC_ISSUER',
  clientId: 'TILSYN_OIDC_CLIENT_ID',
  clientSecret: 'TILSYN_OIDC_CLIENT_SECRET',
  redirectUrl: 'TILSYN_OIDC_REDIRECT_URL',
} as const;

/** The settings in the environment; undefined when OpenID Connect is not configured. */
export function oidcSettingsFrom(
  env: Readonly<Record<string, string | undefined>>,
): OidcSettings | undefined {
  const values = Object.fromEntries(
    Object.entries(VARIABLES).map(([key, name]) => [key, env[name]?.trim() ?? '']),
  ) as Record<keyof typeof VARIABLES, string>;
  const missing = Object.entries(VARIABLES).filter(
    ([key]) => values[key as keyof typeof VARIABLES] === '',
  );
  if (missing.length === Object.keys(VARIABLES).length) return undefined;
  if (missing.length > 0)
    throw new Error(
      `OpenID Connect er kun delvist sat op: ${missing.map(([, name]) => name).join(', ')} mangler.`,
    );
  for (const key of ['issuer', 'redirectUrl'] as const) {
    if (!URL.canParse(values[key]))
      throw new Error(`${VARIABLES[key]} er ikke en URL: "${values[key]}".`);
  }
  const postLogoutUrl = env['TILSYN_OIDC_POST_LOGOUT_URL']?.trim() ?? '';
  if (postLogoutUrl !== '' && !URL.canParse(postLogoutUrl))
    throw new Error(`TILSYN_OIDC_POST_LOGOUT_URL er ikke en URL: "${postLogoutUrl}".`);
  const name = env['TILSYN_OIDC_NAME']?.trim() ?? '';
  return {
    ...values,
    name: name === '' ? new URL(values.issuer).hostname : name,
    ...(postLogoutUrl === '' ? {} : { postLogoutUrl }),
  };
}

/** What the browser keeps (in a short-lived HttpOnly cookie) between the redirect and the callback. */
export interface OidcFlow {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface OidcClient {
  readonly settings: OidcSettings;
  /** The provider's authorization URL for a new login, and the flow to keep. */
  start(): Promise<{ url: URL; flow: OidcFlow }>;
  /**
   * Exchanges the callback's code at the provider and checks the ID token
   * (signature, issuer, audience, nonce) and the state; answers the issuer
   * and the ID token's subject. Throws when anything does not match.
   */
  finish(callbackQuery: string, flow: OidcFlow): Promise<{ issuer: string; subject: string }>;
  /**
   * Where to send the browser to end its session at the provider, or
   * undefined when the provider offers no end_session_endpoint (or cannot
   * be reached: the local logout has happened all the same).
   */
  endSessionUrl(): Promise<URL | undefined>;
}

/** Loopback issuers (a provider on the same machine, as in tests) may use plain HTTP. */
function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function oidcClient(settings: OidcSettings): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  const issuerUrl = new URL(settings.issuer);
  const discover = (): Promise<client.Configuration> => {
    configuration ??= client
      .discovery(
        issuerUrl,
        settings.clientId,
        settings.clientSecret,
        undefined,
        isLoopbackHttp(issuerUrl)
          ? // Plain HTTP only to a provider on this machine (a test or a local setup).
            // eslint-disable-next-line @typescript-eslint/no-deprecated
            { execute: [client.allowInsecureRequests] }
          : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined; // try again at the next login
        throw error;
      });
    return configuration;
  };
  return {
    settings,
    async start() {
      const config = await discover();
      const flow: OidcFlow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: 'openid profile',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url, flow };
    },
    async finish(callbackQuery, flow) {
      const config = await discover();
      const current = new URL(settings.redirectUrl);
      current.search = callbackQuery;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (claims === undefined) throw new Error('no ID token');
      return { issuer: claims.iss, subject: claims.sub };
    },
    async endSessionUrl() {
      const config = await discover().catch(() => undefined);
      if (config?.serverMetadata().end_session_endpoint === undefined) return undefined;
      return client.buildEndSessionUrl(
        config,
        settings.postLogoutUrl === undefined
          ? {}
          : { post_logout_redirect_uri: settings.postLogoutUrl },
      );
    },
  };
}
