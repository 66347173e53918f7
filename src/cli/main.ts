/**
 * The `tilsyn` command line: dispatches to a command, prints help, and maps
 * outcomes to exit codes — 0 success, 2 bad usage, bad input or an
 * operating-system error (a full disk, no permission: told in Danish with the
 * path and what to do), 1 internal error. A stack trace is shown only with
 * `--debug` (anywhere on the line) or `TILSYN_DEBUG=1`. A closed pipe
 * (`tilsyn assess --json | head`) ends the run quietly.
 */
import { parseArgs } from 'node:util';
import { DomainError } from '../core/domain-error.js';
import { InputError } from '../files/input-error.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, type Command, type CommandIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { UsageError } from '../files/usage-error.js';
import { systemErrorMessage } from '../files/system-error.js';

export function processIo(): CommandIo {
  endQuietlyOnClosedPipe();
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

let closedPipeHandled = false;

/**
 * When the reader of standard output goes away (`| head`), the rest of the
 * output has nowhere to go: end at once and quietly, as command-line tools do.
 */
function endQuietlyOnClosedPipe(): void {
  if (closedPipeHandled) return;
  closedPipeHandled = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: Error & { code?: unknown }) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'tilsyn — skærpet tilsyn med kommunernes beskæftigelsesindsats',
    '',
    'Brug: tilsyn <kommando> [tilvalg]',
    '',
    'Kommandoer:',
    ...lines,
    '',
    'Skriv "tilsyn <kommando> --help" for at se en kommandos tilvalg.',
    '',
  ].join('\n');
}

export async function main(
  argv: readonly string[],
  io: CommandIo = processIo(),
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const debug = argv.includes('--debug') || io.env['TILSYN_DEBUG'] === '1';
  const [name, ...rest] = argv.filter((argument) => argument !== '--debug');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview(commands));
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  if (name === '--version') {
    io.stdout('tilsyn 0.1.0\n');
    return EXIT_OK;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`Ukendt kommando "${name}".\n\n${overview(commands)}`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return EXIT_OK;
  }
  try {
    const parsed = parseCommandArguments(command, rest);
    return await command.run(parsed, io);
  } catch (error) {
    return reportFailure(error, command, io, debug);
  }
}

function parseCommandArguments(command: Command, argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      translateParseError(error instanceof Error ? error.message : String(error)),
    );
  }
  const limits = command.positionals ?? { min: 0, max: 0 };
  if (parsed.positionals.length < limits.min) throw new UsageError('der mangler et argument');
  if (parsed.positionals.length > limits.max) {
    throw new UsageError(`uventet argument "${parsed.positionals[limits.max] ?? ''}"`);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `ukendt tilvalg ${unknown[1] ?? ''}`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `tilvalget ${missing[1] ?? ''} mangler en værdi`;
  return message;
}

function reportFailure(error: unknown, command: Command, io: CommandIo, debug: boolean): number {
  const trace =
    debug && error instanceof Error && error.stack !== undefined ? `${error.stack}\n` : '';
  if (error instanceof UsageError) {
    io.stderr(`Fejl: ${error.message}\nSe "tilsyn ${command.name} --help".\n${trace}`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof InputError) {
    io.stderr(`Fejl i inddata:\n${error.message}\n${trace}`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof DomainError) {
    io.stderr(`Afvist: ${error.message}\n${trace}`);
    return EXIT_BAD_INPUT;
  }
  const system = systemErrorMessage(error);
  if (system !== undefined) {
    io.stderr(`Fejl: ${system}\n${trace}`);
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `Intern fejl: ${message}\n${trace === '' ? 'Kør igen med --debug (eller TILSYN_DEBUG=1) for at se detaljerne.\n' : trace}`,
  );
  return EXIT_INTERNAL;
}
