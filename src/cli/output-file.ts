/**
 * Writing a command's result file (`--out FILE`): atomically, and never over
 * an existing file unless `--force` is given.
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { isFile } from '../files/path-kind.js';
import { flag, requiredString } from './arguments.js';
import type { CommandIo, ParsedArguments } from './command.js';
import { UsageError } from './usage-error.js';

export const FORCE_HELP = '  --force          overskriv FIL, hvis den findes';

/** Writes `content` to `--out`; refuses an existing file without `--force`. Returns the name as given. */
export async function writeOutputFile(
  args: ParsedArguments,
  io: CommandIo,
  content: string | Uint8Array,
): Promise<string> {
  const out = requiredString(args, 'out');
  const path = resolve(io.cwd, out);
  if (!flag(args, 'force') && (await isFile(path)))
    throw new UsageError(`${out} findes allerede; brug --force for at overskrive den`);
  await writeFileAtomic(path, content);
  io.stdout(`Skrevet til ${out}\n`);
  return out;
}
