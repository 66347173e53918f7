/**
 * The tilsyn HTTP API: a Fastify instance whose routes validate requests and
 * responses against TypeBox schemas, and whose OpenAPI 3 document is made
 * from the same schemas (`GET /api/openapi.json`).
 *
 * Each route lives in `routes/<feature>.ts` and does four things: its schema
 * parses the request, the policy (`src/access`) checks the permission, it
 * calls one service function, and a presenter shapes the answer.
 */
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { installErrorHandling } from './error-handler.js';
import { LOG_SERIALIZERS } from './log-privacy.js';
import type { Municipality } from '../core/domain/municipality.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { caseSystem } from '../cases/case-system.js';
import type { Database } from '../storage/database.js';
import type { HttpContext } from './http-context.js';
import { installPrincipal } from './principal.js';
import { CREDENTIAL_CACHE_SECONDS } from '../access/credential-cache.js';
import { healthRoutes } from './routes/health.js';
import { caseWorkRoutes } from './routes/case-work.js';
import { municipalityRoutes } from './routes/municipalities.js';
import { personRoutes } from './routes/persons.js';
import { publicRoutes } from './routes/public.js';
import { runRoutes } from './routes/runs.js';
import { sessionRoutes } from './routes/session.js';
import { oidcSessionRoutes } from './routes/oidc-session.js';
import { oidcClient, oidcSettingsFrom } from './oidc.js';
import { userRoutes } from './routes/users.js';
import type { TilsynApp } from './tilsyn-app.js';
import { webViewRoutes, type WebViewDependencies } from './routes/web-views.js';
import { webReportRoutes } from './routes/web-reports.js';
import { webClient } from './web-client.js';
import { webCaseRoutes } from './routes/web-case.js';
import { webLetterRoutes } from './routes/web-letters.js';
import { webReviewRoutes } from './routes/web-reviews.js';
import { webSimulationRoutes } from './routes/web-simulation.js';

/** Where the structured (JSON) log lines go; `false` keeps the server quiet. */
export type LogSetting =
  | false
  | {
      readonly level?: string;
      /** Default: standard output. */
      readonly stream?: { write(line: string): void };
    };

export interface AppOptions {
  readonly database: Database;
  /** Where stored loads are kept. */
  readonly dataDirectory: string;
  readonly log?: LogSetting;
  /** The web application: its views over the load in use, and its files under `/`. */
  readonly web?: WebViewDependencies & { readonly clientFolder?: string };
  /** Default: the clock. */
  readonly now?: () => Date;
  /** Default: `data/municipalities.csv`. */
  readonly municipalities?: readonly Municipality[];
  /** Mark the session cookie Secure (behind HTTPS). Default false. */
  readonly secureCookies?: boolean;
  /** The environment the services may read (default: none). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default 10. */
  readonly loginAttemptsPerMinute?: number;
  /**
   * How long a token's or session's login is trusted without asking the
   * database again: the longest a logout, revocation or disabling made by
   * another process takes to count here (one made through this server
   * counts at once). Default 5; 0 asks the database on every request.
   */
  readonly credentialCacheSeconds?: number;
}

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

const ROUTES = new WeakMap<object, RegisteredRoute[]>();

/** Every route the app registered (for the permission matrix test and the docs). */
export function registeredRoutes(app: TilsynApp): readonly RegisteredRoute[] {
  return ROUTES.get(app) ?? [];
}

export async function buildApp(options: AppOptions): Promise<TilsynApp> {
  const now = options.now ?? (() => new Date());
  const context: HttpContext = {
    database: options.database,
    system: caseSystem({
      database: options.database,
      dataDirectory: options.dataDirectory,
      now,
      ...(options.env === undefined ? {} : { env: options.env }),
    }),
    dataDirectory: options.dataDirectory,
    municipalities: options.municipalities ?? (await readMunicipalities()),
    now,
    secureCookies: options.secureCookies ?? false,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10,
  };

  const app = Fastify({
    logger: loggerOptions(options.log ?? false),
    // Closing waits for requests in flight; idle keep-alive connections are
    // closed at once so that a shutdown does not hang on them.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routes: RegisteredRoute[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'tilsyn API',
        description: 'Skærpet tilsyn med kommunernes beskæftigelsesindsats.',
        version: '0.1.0',
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  installErrorHandling(app);
  installPrincipal(app, {
    ...context,
    credentialCacheSeconds: options.credentialCacheSeconds ?? CREDENTIAL_CACHE_SECONDS,
  });
  // A job started through the API finishes before the database is closed.
  app.addHook('onClose', () => context.system.jobs.idle());

  healthRoutes(app);
  const oidcSettings = oidcSettingsFrom(options.env ?? {});
  const oidc = oidcSettings === undefined ? undefined : oidcClient(oidcSettings);
  sessionRoutes(app, context, oidc);
  oidcSessionRoutes(app, context, oidc);
  runRoutes(app, context);
  municipalityRoutes(app, context);
  caseWorkRoutes(app, context);
  userRoutes(app, context);
  personRoutes(app, context);
  publicRoutes(app, context);
  if (options.web !== undefined) {
    webViewRoutes(app, context, options.web);
    webReportRoutes(app, context, options.web);
    webCaseRoutes(app, context);
    webLetterRoutes(app, context, options.web);
    webReviewRoutes(app, context);
    webSimulationRoutes(app, options.web);
    await webClient(app, options.web.clientFolder);
  }
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.ready();
  return app;
}

function loggerOptions(setting: LogSetting): FastifyServerOptions['logger'] {
  if (setting === false) return false;
  return {
    level: setting.level ?? 'info',
    serializers: LOG_SERIALIZERS,
    ...(setting.stream === undefined ? {} : { stream: setting.stream }),
  };
}
