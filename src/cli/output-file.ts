/**
 * Writing a command's result file (`--out FILE`): atomically, and never over
 * an existing file unless `--force` is given.
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { isFile } from '../files/path-kind.js';
import { flag, optionalString, requiredString } from './arguments.js';
import type { CommandIo, ParsedArguments } from './command.js';
import { UsageError } from './usage-error.js';

export const FORCE_HELP = '  --force          overskriv FIL, hvis den findes';

/** Refuses an existing `--out` file without `--force` — before any work is done. */
export async function refuseExistingOutput(args: ParsedArguments, io: CommandIo): Promise<void> {
  const out = optionalString(args, 'out');
  if (out === undefined || flag(args, 'force')) return;
  if (await isFile(resolve(io.cwd, out)))
    throw new UsageError(`${out} findes allerede; brug --force for at overskrive den`);
}

/** Writes `content` to `--out`; refuses an existing file without `--force`. Returns the name as given. */
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
