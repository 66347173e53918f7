/**
 * The case database for the commands that use it (`users`, `tokens`,
 * `runs`): PostgreSQL when `--database-url` or `TILSYN_DATABASE_URL` (or
 * `DATABASE_URL`) names one, otherwise the embedded database in the data
 * directory (docs/database.md). The schema is brought up to date on open;
 * the database is closed when the command is done, after its jobs.
 */
import { caseSystem, type CaseSystem } from '../cases/case-system.js';
import { databaseConfigFrom, openDatabase } from '../storage/database.js';
import { optionalString } from './arguments.js';
import type { CommandIo, OptionsConfig, ParsedArguments } from './command.js';
import { DATA_DIRECTORY_OPTION, dataDirectory } from './data-directory.js';

export const DATABASE_OPTIONS: OptionsConfig = {
  'database-url': { type: 'string' },
  ...DATA_DIRECTORY_OPTION,
};

export const DATABASE_HELP = `  --database-url URL  PostgreSQL (postgres://…); standard: $TILSYN_DATABASE_URL,
                      ellers den indbyggede database i datamappen
  --data-dir MAPPE    hvor data gemmes (standard: $TILSYN_DATA_DIR eller ./tilsyn-data)`;

/** Opens the case system, runs `use`, waits for its jobs and closes the database. */
export async function withCaseSystem<T>(
  args: ParsedArguments,
  io: CommandIo,
  use: (system: CaseSystem) => Promise<T>,
): Promise<T> {
  const directory = dataDirectory(args, io);
  const database = await openDatabase(
    databaseConfigFrom(io.env, directory, optionalString(args, 'database-url')),
  );
  const system = caseSystem({ database, dataDirectory: directory, now: io.now, env: io.env });
  try {
    return await use(system);
  } finally {
    await system.jobs.idle();
    await database.destroy();
  }
}
