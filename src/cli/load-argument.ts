/**
 * The `--load` argument of the commands that read person-level data
 * (`measure`, `explain`, `benchmark`, `assess`). It names
 * - a stored load: `current`, a load id, or the path of a load folder
 *   (with `manifest.json`); or
 * - a folder of raw register files (data.md): these are validated exactly as
 *   `tilsyn load` does and stored in a temporary data directory for the
 *   command's run only. Bad data is refused with the same report; nothing is
 *   added to the catalog.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../files/input-error.js';
import { isFile, isFolder } from '../files/path-kind.js';
import { openLoad, type OpenedLoad } from '../loading/load-catalog.js';
import { isLoadId } from '../loading/load-id.js';
import { loadData } from '../loading/load-data.js';
import { resolvePseudonymKey } from '../loading/pseudonym-key.js';
import type { CommandIo } from './command.js';

export const LOAD_ARGUMENT_HELP =
  '  --load ID|MAPPE    indlæsningen: et id, "current", en indlæsningsmappe (med manifest.json)\n                     eller en mappe med rå datafiler (valideres som ved tilsyn load)';

export interface LoadForCommand {
  readonly load: OpenedLoad;
  /** Removes the temporary store of a raw folder; a no-op for stored loads. */
  release(): Promise<void>;
}

export async function openLoadArgument(
  value: string,
  dataDirectory: string,
  io: CommandIo,
): Promise<LoadForCommand> {
  if (value === 'current' || isLoadId(value)) {
    return { load: await openLoad(dataDirectory, value), release: () => Promise.resolve() };
  }
  const path = resolve(io.cwd, value);
  if (await isFile(join(path, 'manifest.json'))) {
    return { load: await openLoad(dataDirectory, path), release: () => Promise.resolve() };
  }
  if (await isFolder(path)) return loadRawFolder(path, io);
  throw new InputError({
    file: value,
    reason:
      'ingen indlæsning med dette id eller sti (angiv "current", et indlæsnings-id, en indlæsningsmappe eller en mappe med datafiler)',
  });
}

async function loadRawFolder(source: string, io: CommandIo): Promise<LoadForCommand> {
  const temporary = await mkdtemp(join(tmpdir(), 'tilsyn-load-'));
  const release = () => rm(temporary, { recursive: true, force: true });
  try {
    const key = await resolvePseudonymKey(undefined, io.env);
    const memoryLimit = io.env['TILSYN_LOAD_MEMORY_LIMIT'];
    const result = await loadData({
      source,
      dataDirectory: temporary,
      acceptValidRows: false,
      ...(key === undefined ? {} : { key }),
      ...(memoryLimit === undefined || memoryLimit === '' ? {} : { memoryLimit }),
      now: io.now(),
      createdBy: whoIsRunning(io),
    });
    if (result.status === 'refused') {
      throw new InputError(
        result.problems.length > 0
          ? result.problems
          : [{ file: source, reason: 'mappen kunne ikke indlæses (se tilsyn load MAPPE)' }],
      );
    }
    const load = await openLoad(temporary, result.id);
    return { load, release };
  } catch (error) {
    await release();
    throw error;
  }
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
