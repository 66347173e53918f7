/**
 * `tilsyn serve [--port N] [--host H] [--database-url URL]`: the HTTP API
 * (`src/http/app.ts`) over the case database.
 *
 * The database is PostgreSQL when `--database-url` (or the environment's
 * database URL) names one, and otherwise the embedded PGlite database in the
 * data directory; its schema is brought up to date at start. On SIGTERM or
 * SIGINT the server stops taking new connections, finishes the requests in
 * flight and the jobs (measurement and assessment runs) already started,
 * closes the database and exits 0.
 */
import { once } from 'node:events';
import { buildApp } from '../../http/app.js';
import { databaseConfigFrom, openDatabase } from '../../storage/database.js';
import { optionalInteger, optionalString } from '../arguments.js';
import { DATABASE_HELP, DATABASE_OPTIONS } from '../case-database.js';
import { EXIT_OK, type Command } from '../command.js';
import { dataDirectory } from '../data-directory.js';
import { UsageError } from '../../files/usage-error.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start HTTP-API’et (JSON) over sagsdatabasen',
  help: `Brug: tilsyn serve [--port N] [--host H] [--database-url URL]

Starter tilsyns HTTP-API (JSON). Dokumentationen af API’et (OpenAPI 3) ligger
på /api/openapi.json; /api/health svarer 200, når serveren kører. Serveren
skriver strukturerede logs (JSON-linjer) på standard-output uden
personoplysninger. SIGTERM eller Ctrl-C lukker pænt: forespørgsler, der er i
gang, bliver færdige.

Tilvalg:
  --port N            porten (standard: ${DEFAULT_PORT}; 0 vælger en ledig)
  --host H            adressen der lyttes på (standard: ${DEFAULT_HOST})
${DATABASE_HELP}
  --help              vis denne hjælp`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    ...DATABASE_OPTIONS,
  },
  async run(args, io) {
    const port = optionalInteger(args, 'port') ?? DEFAULT_PORT;
    if (port < 0 || port > 65535) throw new UsageError('--port skal være mellem 0 og 65535');
    const host = optionalString(args, 'host') ?? DEFAULT_HOST;
    const directory = dataDirectory(args, io);
    const database = await openDatabase(
      databaseConfigFrom(io.env, directory, optionalString(args, 'database-url')),
    );
    const app = await buildApp({
      database,
      dataDirectory: directory,
      env: io.env,
      log: { level: 'info' },
      secureCookies: io.env['TILSYN_SECURE_COOKIES'] === '1',
    });
    const address = await app.listen({ port, host });
    io.stderr(`tilsyn lytter på ${address}\n`);

    const signal = await Promise.race([once(process, 'SIGTERM'), once(process, 'SIGINT')]);
    io.stderr(`Lukker (${String(signal[0] ?? 'signal')}) …\n`);
    await app.close();
    await database.destroy();
    io.stderr('Lukket.\n');
    return EXIT_OK;
  },
};
