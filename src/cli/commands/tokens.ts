/**
 * `tilsyn tokens create --username U`: an API token for a user's scripts,
 * printed once (docs/cli.md). The database keeps only its SHA-256.
 */
import { CLI_ACTOR } from '../../cases/actor.js';
import { createApiToken } from '../../cases/users.js';
import { UsageError } from '../../files/usage-error.js';
import { optionalString, requiredString } from '../arguments.js';
import { DATABASE_HELP, DATABASE_OPTIONS, withCaseSystem } from '../case-database.js';
import { EXIT_OK, type Command } from '../command.js';

export const tokensCommand: Command = {
  name: 'tokens',
  summary: 'Opret en API-nøgle (bearer token) til en bruger',
  help: `Brug: tilsyn tokens create --username U [--label TEKST]

Opretter en API-nøgle til brugeren og skriver den på standard-output. Nøglen
vises kun denne ene gang; databasen gemmer kun dens SHA-256. Brug den som
"Authorization: Bearer <nøgle>"; den giver brugerens rettigheder.

Tilvalg:
  --username U        brugeren
  --label TEKST       hvad nøglen bruges til
${DATABASE_HELP}
  --help              vis denne hjælp`,
  positionals: { min: 1, max: 1 },
  options: {
    username: { type: 'string' },
    label: { type: 'string' },
    ...DATABASE_OPTIONS,
  },
  async run(args, io) {
    if (args.positionals[0] !== 'create')
      throw new UsageError(`ukendt handling "${args.positionals[0] ?? ''}"; brug create`);
    const username = requiredString(args, 'username');
    const label = optionalString(args, 'label');
    const { token } = await withCaseSystem(args, io, (system) =>
      createApiToken(system.database, CLI_ACTOR, username, label === undefined ? {} : { label }),
    );
    io.stdout(`${token}\n`);
    return EXIT_OK;
  },
};
