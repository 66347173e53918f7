/**
 * The part of `oidc-provider` (which ships no types) that the OpenID Connect
 * login test uses.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Account {
    readonly accountId: string;
    claims(): Record<string, unknown>;
  }

  interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  interface Configuration {
    readonly clients: readonly Record<string, unknown>[];
    readonly findAccount: (context: unknown, id: string) => Account | Promise<Account>;
    readonly claims?: Record<string, readonly string[]>;
    readonly cookies?: { readonly keys: readonly string[] };
    readonly features?: Record<string, { readonly enabled: boolean }>;
    readonly interactions?: {
      readonly url: (context: unknown, interaction: { readonly uid: string }) => string;
    };
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
    interactionDetails(
      request: IncomingMessage,
      response: ServerResponse,
    ): Promise<{ readonly uid: string; readonly params: Record<string, unknown> }>;
    interactionFinished(
      request: IncomingMessage,
      response: ServerResponse,
      result: Record<string, unknown>,
    ): Promise<void>;
    readonly Grant: new (properties: { accountId: string; clientId: string }) => Grant;
  }
}
