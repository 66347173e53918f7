/**
 * The shape of a CLI command. Each command lives in its own file under
 * `commands/` and is listed in `commands/index.ts`.
 */
import type { ParseArgsConfig } from 'node:util';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Where a command writes and what it may read from its environment. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock, passed in so that commands and tests agree on "now". */
  readonly now: () => Date;
  /** All of standard input as text (`--password-stdin`); absent: none is given. */
  readonly readStdin?: () => Promise<string>;
}

export interface ParsedArguments {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

export interface Command {
  readonly name: string;
  /** One line, in Danish, for the command list. */
  readonly summary: string;
  /** The full help text printed by `tilsyn <name> --help`, in Danish. */
  readonly help: string;
  readonly options: OptionsConfig;
  /** How many positional arguments the command takes (default none). */
  readonly positionals?: { readonly min: number; readonly max: number };
  /** Returns the exit code: 0 success, 2 bad usage or input, 1 internal error. */
  run(args: ParsedArguments, io: CommandIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
