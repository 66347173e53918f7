/**
 * Where a command's result goes: the screen, or with `--out FILE` a file
 * written atomically (never half-written); result files for people (PDF,
 * workbooks, letters, CSV for Excel) are never written over an existing file
 * without `--force`.
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { isFile } from '../files/path-kind.js';
import { UsageError } from '../files/usage-error.js';
import { flag, optionalString, requiredString } from './arguments.js';
import type { CommandIo, ParsedArguments } from './command.js';

/** Prints `text`, or with `--out FILE` writes it atomically and says where. */
export async function emit(args: ParsedArguments, io: CommandIo, text: string): Promise<void> {
  const out = optionalString(args, 'out');
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, out), text);
  io.stdout(`Skrevet til ${out}\n`);
}

export const FORCE_HELP = '  --force          overskriv FIL, hvis den findes';

/** Refuses an existing `--out` file without `--force` — before any work is done. */
export async function refuseExistingOutput(args: ParsedArguments, io: CommandIo): Promise<void> {
  const out = optionalString(args, 'out');
  if (out === undefined || flag(args, 'force')) return;
  if (await isFile(resolve(io.cwd, out)))
    throw new UsageError(`${out} findes allerede; brug --force for at overskrive den`);
}

/**
 * Writes a result file (`--out`, required) atomically; refuses an existing
 * file without `--force`. Returns the name as given.
 */
export async function writeOutputFile(
  args: ParsedArguments,
  io: CommandIo,
  content: string | Uint8Array,
): Promise<string> {
  const out = requiredString(args, 'out');
  await refuseExistingOutput(args, io);
  await writeFileAtomic(resolve(io.cwd, out), content);
  io.stdout(`Skrevet til ${out}\n`);
  return out;
}
