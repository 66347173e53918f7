/**
 * `tilsyn serve [--port N] [--host H] [--database-url URL]`: the HTTP API
 * (`src/http/app.ts`) over the case database.
 *
 * The database is PostgreSQL when `--database-url` (or the environment's
 * database URL) names one, and otherwise the embedded PGlite database in the
 * data directory; its schema is brought up to date at start. On SIGTERM or
 * SIGINT the server stops taking new connections, finishes the requests in
 * flight and the jobs already started, closes the database and exits 0.
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
import { DEMO_DEFAULTS } from '../../pipeline/demo.js';
import { prepareSyntheticLoad } from '../../pipeline/synthetic-load.js';
import { join } from 'node:path';
import { whoIsRunning } from '../load-argument.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
/** The month the demonstration shows: mid-2025, after the assessments 2021–2024 are issued. */
export const DEMO_MONTH = '2025-06';

const DEMO_STEP_TEXT = {
  generate: 'Genererer det syntetiske datasæt …',
  'reuse-raw': 'Genbruger det syntetiske datasæt.',
  load: 'Indlæser og kontrollerer det …',
  'reuse-load': 'Genbruger indlæsningen.',
} as const;

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
  --demo              demonstration: et syntetisk datasæt (skala ${DEMO_DEFAULTS.scale})
                      genereres og indlæses i datamappen (genbruges næste gang),
                      tallene vises for ${DEMO_MONTH}, og adressen skrives ud
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
    const config = databaseConfigFrom(
      io.env,
      dataDirectory(args, io),
      optionalString(args, 'database-url'),
    );

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
    if (demo) {
      io.stdout(`tilsyn — demonstration i ${data}\n`);
      await prepareSyntheticLoad({
        folder: join(data, 'demo'),
        dataDirectory: data,
        scale: DEMO_DEFAULTS.scale,
        seed: DEMO_DEFAULTS.seed,
        now: io.now(),
        createdBy: whoIsRunning(io),
        progress: (step) => {
          io.stdout(`  ${DEMO_STEP_TEXT[step]} (${elapsed()})\n`);
        },
      });
    }
    const database = await openDatabase(config);
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
          `Uden login: landsoversigten, kommunesiderne og kvartalsrapporten.\n`,
      );

    const signal = await Promise.race([once(process, 'SIGTERM'), once(process, 'SIGINT')]);
    io.stderr(`Lukker (${String(signal[0] ?? 'signal')}) …\n`);
    await app.close();
    await database.destroy();
    io.stderr('Lukket.\n');
    return EXIT_OK;
  },
};
