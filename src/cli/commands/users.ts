/**
 * `tilsyn users add|list|disable`: the users of the case system
 * (docs/cli.md). The password is read from standard input
 * (`--password-stdin`), never from the command line, where other users of
 * the machine could see it.
 */
import { CLI_ACTOR } from '../../cases/actor.js';
import { addUser, disableUser, listUsers, type User } from '../../cases/users.js';
import { UsageError } from '../../files/usage-error.js';
import { flag, optionalInteger, optionalString, requiredString } from '../arguments.js';
import { DATABASE_HELP, DATABASE_OPTIONS, withCaseSystem } from '../case-database.js';
import { EXIT_OK, type Command, type CommandIo } from '../command.js';

export const usersCommand: Command = {
  name: 'users',
  summary: 'Opret, vis og deaktivér brugere af sagssystemet',
  help: `Brug: tilsyn users add --username U --role R [--municipality KODE] [--amk AMK] (--password-stdin | --oidc-subject S)
       tilsyn users list [--json]
       tilsyn users disable --username U

Brugerne af sagssystemet med rollerne ministry (tilsynet), amk (et
arbejdsmarkedskontor), municipality (en kommune) og auditor (en ekstern
revisor). Adgangskoden læses fra standard-input (mindst 10 tegn) og gemmes
kun som scrypt-hash. En bruger slettes aldrig; en deaktiveret bruger kan ikke
logge ind, og dens nøgler virker ikke.

Tilvalg:
  --username U        brugernavnet (a–z, tal og . _ @ -)
  --role R            ministry, amk, municipality eller auditor
  --municipality KODE kommunekoden (for rollen municipality)
  --amk AMK           arbejdsmarkedskontoret, "AMK Øst", "AMK Midt-Nord" eller
                      "AMK Syd", eller en region ("Region Sjælland"), som gemmes
                      som regionens AMK (for rollen amk)
  --name NAVN         navnet, som det vises
  --password-stdin    læs adgangskoden fra standard-input
  --oidc-subject S    log ind via OpenID Connect med dette subject (sub) hos
                      udbyderen TILSYN_OIDC_ISSUER (eller --oidc-issuer URL)
  --json              skriv listen som JSON
${DATABASE_HELP}
  --help              vis denne hjælp`,
  positionals: { min: 1, max: 1 },
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    municipality: { type: 'string' },
    amk: { type: 'string' },
    name: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    'oidc-subject': { type: 'string' },
    'oidc-issuer': { type: 'string' },
    json: { type: 'boolean' },
    ...DATABASE_OPTIONS,
  },
  async run(args, io) {
    const action = args.positionals[0];
    if (action === 'add') {
      const input = {
        username: requiredString(args, 'username'),
        role: requiredString(args, 'role'),
        municipalityCode: optionalInteger(args, 'municipality'),
        amk: optionalString(args, 'amk'),
        displayName: optionalString(args, 'name'),
        password: flag(args, 'password-stdin') ? await passwordFromStdin(io) : undefined,
        oidcSubject: optionalString(args, 'oidc-subject'),
        oidcIssuer:
          optionalString(args, 'oidc-subject') === undefined
            ? undefined
            : (optionalString(args, 'oidc-issuer') ?? io.env['TILSYN_OIDC_ISSUER']),
      };
      if (input.oidcSubject !== undefined && (input.oidcIssuer ?? '') === '')
        throw new UsageError('--oidc-subject kræver --oidc-issuer eller TILSYN_OIDC_ISSUER.');
      const user = await withCaseSystem(args, io, (system) =>
        addUser(system.database, CLI_ACTOR, input),
      );
      io.stdout(`Brugeren ${user.username} (${describe(user)}) er oprettet.\n`);
      return EXIT_OK;
    }
    if (action === 'list') {
      const users = await withCaseSystem(args, io, (system) => listUsers(system.database));
      io.stdout(flag(args, 'json') ? `${JSON.stringify(users, null, 2)}\n` : userTable(users));
      return EXIT_OK;
    }
    if (action === 'disable') {
      const username = requiredString(args, 'username');
      await withCaseSystem(args, io, (system) => disableUser(system.database, CLI_ACTOR, username));
      io.stdout(`Brugeren ${username} er deaktiveret.\n`);
      return EXIT_OK;
    }
    throw new UsageError(`ukendt handling "${action ?? ''}"; brug add, list eller disable`);
  },
};

async function passwordFromStdin(io: CommandIo): Promise<string> {
  if (io.readStdin === undefined) throw new UsageError('der er ingen standard-input at læse fra');
  const text = await io.readStdin();
  const password = text.replace(/\r?\n$/, '');
  if (password === '') throw new UsageError('standard-input er tom; skriv adgangskoden dér');
  return password;
}

function describe(user: User): string {
  const scope =
    user.municipalityCode !== null
      ? `, kommune ${user.municipalityCode}`
      : user.amk !== null
        ? `, ${user.amk}`
        : '';
  return `${user.role}${scope}`;
}

function userTable(users: readonly User[]): string {
  if (users.length === 0)
    return 'Der er ingen brugere. Opret den første med "tilsyn users add --role ministry …".\n';
  const rows = users.map((user) => [
    user.username,
    describe(user),
    user.disabledAt === null ? 'aktiv' : 'deaktiveret',
  ]);
  const header = ['Brugernavn', 'Rolle', 'Status'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
