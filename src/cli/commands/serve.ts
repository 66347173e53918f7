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
import { WebDataSource } from '../../cases/views/web-data.js';
import { addMonths, monthOfDate, parseYearMonth } from '../../core/calendar/year-month.js';
import { isoDateOf } from '../../core/calendar/iso-date.js';
import { OFFICIAL_RULES } from '../../core/rules/official-rules.js';
import { yearMonth } from '../../core/calendar/year-month.js';
import { formatDanishNumber } from '../../core/danish-format.js';
import { DEMO_SEED_DEFAULTS, seedDemo } from '../../cases/seed-demo.js';
import type { Database } from '../../storage/database.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
/** The month the demonstration shows: the last month of the demo data (its assessments of 2021–2025 issued). */
export const DEMO_MONTH = '2025-12';

const ROLE_NAMES: Readonly<Record<string, string>> = {
  ministry: 'styrelsen',
  amk: 'arbejdsmarkedskontor',
  municipality: 'kommune',
  auditor: 'revisor',
};

/** Fills an empty database with the demo (case-store's seedDemo); the demo users' logins, one line each. */
async function demoLogins(
  database: Database,
  dataDirectory: string,
  progress: (step: string) => void,
): Promise<string[]> {
  const seeded = await database.selectFrom('measurement_runs').select('id').executeTakeFirst();
  if (seeded === undefined) {
    const result = await seedDemo(database, { dataDirectory, progress });
    return Object.entries(result.users).map(
      ([role, username]) => `  ${ROLE_NAMES[role] ?? role}: ${username} / ${result.password}\n`,
    );
  }
  progress('Genbruger demoens database');
  const users = await database
    .selectFrom('users')
    .select(['username', 'role'])
    .orderBy('id')
    .execute();
  return users.map(
    (user) =>
      `  ${ROLE_NAMES[user.role] ?? user.role}: ${user.username} / ${DEMO_SEED_DEFAULTS.password}\n`,
  );
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start HTTP-API’et (JSON) over sagsdatabasen',
  help: `Brug: tilsyn serve [--demo] [--port N] [--host H] [--month ÅÅÅÅ-MM] [--database-url URL]

Starter tilsyns HTTP-API (JSON). Dokumentationen af API’et (OpenAPI 3) ligger
på /api/openapi.json; /api/health svarer 200, når serveren kører. Serveren
skriver strukturerede logs (JSON-linjer) på standard-output uden
personoplysninger. SIGTERM eller Ctrl-C lukker pænt: forespørgsler, der er i
gang, bliver færdige.

Tilvalg:
  --demo              demonstration: en tom sagsdatabase fyldes med demoen (et
                      syntetisk datasæt i skala ${DEMO_SEED_DEFAULTS.scale}, målt, opgørelserne
                      ${DEMO_SEED_DEFAULTS.fromYear}–${DEMO_SEED_DEFAULTS.toYear} udstedt, en sag med plan,
                      møde og AMK-kontakt, én bruger pr. rolle); tallene vises for
                      ${DEMO_MONTH}; adressen og demo-logins skrives ud
  --port N            porten (standard: ${DEFAULT_PORT}; 0 vælger en ledig)
  --host H            adressen der lyttes på (standard: ${DEFAULT_HOST})
  --month ÅÅÅÅ-MM     måneden webapplikationens tal gælder (standard: sidste
                      hele måned)
${DATABASE_HELP}
  --help              vis denne hjælp`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    month: { type: 'string' },
    demo: { type: 'boolean' },
    ...DATABASE_OPTIONS,
  },
  async run(args, io) {
    const port = optionalInteger(args, 'port') ?? DEFAULT_PORT;
    if (port < 0 || port > 65535) throw new UsageError('--port skal være mellem 0 og 65535');
    const host = optionalString(args, 'host') ?? DEFAULT_HOST;
    const demo = args.values['demo'] === true;
    const monthText = optionalString(args, 'month') ?? (demo ? DEMO_MONTH : undefined);
    const month =
      monthText === undefined
        ? addMonths(monthOfDate(isoDateOf(io.now().getFullYear(), io.now().getMonth() + 1, 1)), -1)
        : parseYearMonth(monthText);
    if (month === undefined) throw new UsageError('--month skal have formen ÅÅÅÅ-MM');

    const data = dataDirectory(args, io);
    const started = performance.now();
    const elapsed = () => `${formatDanishNumber((performance.now() - started) / 1000, 1)} s`;
    const database = await openDatabase(
      databaseConfigFrom(io.env, data, optionalString(args, 'database-url')),
    );
    let logins: string[] = [];
    if (demo) {
      io.stdout(`tilsyn — demonstration i ${data}\n`);
      logins = await demoLogins(database, data, (step) => {
        io.stdout(`  ${step} … (${elapsed()})\n`);
      });
    }
    const webData = new WebDataSource({
      figures: { kind: 'load', dataDirectory: data },
      month: yearMonth(month),
      rules: OFFICIAL_RULES,
    });
    if (demo) {
      io.stdout(`  Beregner målingerne for ${month} … (${elapsed()})\n`);
      await webData.current();
    }
    const app = await buildApp({
      database,
      dataDirectory: data,
      env: io.env,
      log: { level: demo ? 'warn' : 'info' },
      secureCookies: io.env['TILSYN_SECURE_COOKIES'] === '1',
      web: { data: webData },
    });
    const address = await app.listen({ port, host });
    io.stderr(`tilsyn lytter på ${address}\n`);
    if (demo)
      io.stdout(
        `\nKlar efter ${elapsed()}. Åbn ${address}/ i en browser (Ctrl-C stopper).\n` +
          `Uden login: landsoversigten, kommunesiderne og kvartalsrapporten.\n` +
          `Demo-logins (brugernavn / adgangskode):\n${logins.join('')}`,
      );

    const signal = await Promise.race([once(process, 'SIGTERM'), once(process, 'SIGINT')]);
    io.stderr(`Lukker (${String(signal[0] ?? 'signal')}) …\n`);
    await app.close();
    await database.destroy();
    io.stderr('Lukket.\n');
    return EXIT_OK;
  },
};
