/**
 * The `--load` argument of the commands that read person-level data
 * (`measure`, `explain`, `benchmark`, `assess`): `current`, a load id, a load
 * folder or a folder of raw files (opened by `pipeline/open-load.ts`).
 */
import { userInfo } from 'node:os';
import type { LoadSource } from '../pipeline/open-load.js';
import type { CommandIo, ParsedArguments } from './command.js';
import { requiredString } from './arguments.js';
import { dataDirectory } from './data-directory.js';

export const LOAD_ARGUMENT_HELP =
  '  --load ID|MAPPE    indlæsningen: et id, "current", en indlæsningsmappe (med manifest.json)\n                     eller en mappe med rå datafiler (valideres som ved tilsyn load)';

/** `--load` and `--data-dir` as the pipeline reads them. */
export function loadSource(args: ParsedArguments, io: CommandIo): LoadSource {
  return {
    value: requiredString(args, 'load'),
    dataDirectory: dataDirectory(args, io),
    cwd: io.cwd,
    env: io.env,
    now: io.now,
    createdBy: whoIsRunning(io),
  };
}

/** Who runs the command: `$TILSYN_USER`, else the operating-system user. */
export function whoIsRunning(io: CommandIo): string {
  const fromEnvironment = io.env['TILSYN_USER'];
  if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment;
  try {
    return userInfo().username;
  } catch {
    return 'ukendt';
  }
}
