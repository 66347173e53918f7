/**
 * Where a command's result goes: the screen, or with `--out FILE` a file
 * written atomically (never half-written).
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { optionalString } from './arguments.js';
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
