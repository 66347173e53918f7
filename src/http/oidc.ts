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
 * All four or none: a partial setting is an error at start.
 */
import * as client from 'openid-client';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUrl: string;
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
  return values;
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
  };
}
