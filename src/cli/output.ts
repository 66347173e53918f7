/**
 * Where a command's result goes: the screen, or with `--out FILE` a file
 * written atomically (never half-written). Every path a command writes obeys
 * one rule (src/files/output-target.ts): never over an input of the same run,
 * never into the data store, never over existing results without `--force`,
 * and only where it can be created at once — checked before any work is done.
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { checkOutputFile, checkOutputFolder, type OutputRule } from '../files/output-target.js';
import { isLoadId } from '../loading/load-id.js';
import { flag, optionalString, requiredString } from './arguments.js';
import type { CommandIo, ParsedArguments } from './command.js';
import { dataDirectory } from './data-directory.js';

export const FORCE_HELP = '  --force          overskriv FIL, hvis den findes';

/**
 * The options that name what a command reads. `--load` names a path only when
 * it is neither `current` nor a load id; `--persons` is an input of `sample`
 * only (of `measure` it is an output, and not listed there).
 */
export type InputOption =
  | 'focus'
  | 'rates'
  | 'status'
  | 'minimum-requirements'
  | 'load'
  | 'contacts'
  | 'framework'
  | 'actual'
  | 'official'
  | 'measures'
  | 'sender'
  | 'input'
  | 'persons';

/** The output rule of a run: its inputs (the options given and `extra` paths), the store, `--force`. */
export function outputRuleOf(
  args: ParsedArguments,
  io: CommandIo,
  inputOptions: readonly InputOption[],
  extra: readonly string[] = [],
): OutputRule {
  const inputs: string[] = extra.map((path) => resolve(io.cwd, path));
  for (const option of inputOptions) {
    const value = args.values[option];
    if (typeof value !== 'string' || value === '') continue;
    if (option === 'load' && (value === 'current' || isLoadId(value))) continue;
    inputs.push(resolve(io.cwd, value));
  }
  return { inputs, dataDirectory: dataDirectory(args, io), force: flag(args, 'force') };
}

/** Checks `--out FILE`, when given, against the output rule — before any work is done. */
export async function checkOutOption(
  args: ParsedArguments,
  io: CommandIo,
  inputOptions: readonly InputOption[],
): Promise<void> {
  const out = optionalString(args, 'out');
  if (out === undefined) return;
  await checkOutputFile(resolve(io.cwd, out), outputRuleOf(args, io, inputOptions));
}

/** Checks `--out FOLDER` (required) against the output rule and creates it; returns its path. */
export async function checkOutFolder(
  args: ParsedArguments,
  io: CommandIo,
  inputOptions: readonly InputOption[],
): Promise<string> {
  const out = resolve(io.cwd, requiredString(args, 'out'));
  await checkOutputFolder(out, outputRuleOf(args, io, inputOptions));
  return out;
}

/** Prints `text`, or with `--out FILE` (checked by `checkOutOption`) writes it atomically and says where. */
export async function emit(args: ParsedArguments, io: CommandIo, text: string): Promise<void> {
  const out = optionalString(args, 'out');
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, out), text);
  io.stdout(`Skrevet til ${out}\n`);
}

/**
 * Writes a result file (`--out`, required, checked by `checkOutOption`)
 * atomically. Returns the name as given.
 */
export async function writeOutputFile(
  args: ParsedArguments,
  io: CommandIo,
  content: string | Uint8Array,
): Promise<string> {
  const out = requiredString(args, 'out');
  await writeFileAtomic(resolve(io.cwd, out), content);
  io.stdout(`Skrevet til ${out}\n`);
  return out;
}
