/**
 * `tilsyn cases import --file statuses.csv`: the statuses municipalities
 * already had when the system was taken into use (docs/cli.md;
 * `src/cases/status-import.ts`).
 */
import { resolve } from 'node:path';
import { CLI_ACTOR } from '../../cases/actor.js';
import { importStatuses } from '../../cases/status-import.js';
import { readTextFile } from '../../files/read-text-file.js';
import { UsageError } from '../../files/usage-error.js';
import { requiredString } from '../arguments.js';
import { DATABASE_HELP, DATABASE_OPTIONS, withCaseSystem } from '../case-database.js';
import { EXIT_OK, type Command } from '../command.js';

export const casesCommand: Command = {
  name: 'cases',
  summary: 'Indlæs de statusser, kommunerne havde, da systemet blev taget i brug',
  help: `Brug: tilsyn cases import --file FIL

Indlæser kommunernes status fra før systemet blev taget i brug (fx en kommune,
der allerede er under skærpet tilsyn). Filen er semikolonsepareret med
kolonnerne:

  kode;status;fra dato[;udvalgt år;baseline tilbud;baseline samtaler]

  kode               kommunekoden
  status             supervised, extended, administration eller none (eller
                     "Skærpet tilsyn", "Skærpet tilsyn, forlænget
                     genopretningsperiode", "Under administration", "Ikke
                     under skærpet tilsyn")
  fra dato           dagen, statussen begyndte (ÅÅÅÅ-MM-DD), ikke efter i dag
  udvalgt år         opgørelsesåret, der udvalgte kommunen (frivillig)
  baseline tilbud    fokusmålene i procent ved udvælgelsen (frivillige, fx
  baseline samtaler  31,5)

Alt eller intet: er en linje forkert, indlæses ingen, og hver fejl nævnes med
fil, linje og felt. En kommune, hvis sag allerede har en status, afvises.
Hver linje bliver en hændelse i kommunens sag med kilden "import" og står i
auditloggen.

Tilvalg:
  --file FIL          filen med statusserne
${DATABASE_HELP}
  --help              vis denne hjælp`,
  positionals: { min: 1, max: 1 },
  options: {
    file: { type: 'string' },
    ...DATABASE_OPTIONS,
  },
  async run(args, io) {
    if (args.positionals[0] !== 'import')
      throw new UsageError(`ukendt handling "${args.positionals[0] ?? ''}"; brug import`);
    const file = requiredString(args, 'file');
    const text = await readTextFile(resolve(io.cwd, file), file);
    const count = await withCaseSystem(args, io, (system) =>
      importStatuses(system, CLI_ACTOR, { file, text }),
    );
    io.stdout(`${count} ${count === 1 ? 'status' : 'statusser'} er indlæst fra ${file}.\n`);
    return EXIT_OK;
  },
};
