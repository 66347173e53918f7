/**
 * Opening the person-level data a stage runs on. A load source names
 * - a stored load: `current`, a load id, or the path of a load folder
 *   (with `manifest.json`); or
 * - a folder of raw register files (data.md): these are validated exactly as
 *   `tilsyn load` does and stored in a temporary data directory for the
 *   run only (temporary-store.ts: removed also when the run is interrupted).
 *   Bad data is refused with the same report; nothing is added to
 *   the catalog.
 *
 * And loading a folder of raw files into the store, as `tilsyn load` does:
 * the pseudonymisation key and the memory limit come from the environment
 * (or the key from a file), the same for both.
 */
import { join, resolve } from 'node:path';
import { InputError } from '../files/input-error.js';
import { isFile, isFolder } from '../files/path-kind.js';
import { openLoad, type OpenedLoad } from '../loading/load-catalog.js';
import { refuseMonthsAfterData } from '../loading/data-period.js';
import { isLoadId } from '../loading/load-id.js';
import {
  runMeasures,
  type MeasureRunOptions,
  type MeasureRunResult,
} from '../measuring/run-measures.js';
import type { IntegrityCheck } from '../loading/load-integrity.js';
import { loadData, type LoadResult } from '../loading/load-data.js';
import { keyFileWarning, resolvePseudonymKey } from '../loading/pseudonym-key.js';
import { createTemporaryStore } from './temporary-store.js';

export type Environment = Readonly<Record<string, string | undefined>>;

/** Where the data of a run come from, and who runs it. */
export interface LoadSource {
  /** `current`, a load id, a load folder or a folder of raw files, as the user wrote it. */
  readonly value: string;
  /** Where stored loads are kept. */
  readonly dataDirectory: string;
  /** The folder relative paths are read from. */
  readonly cwd: string;
  readonly env: Environment;
  /** The clock, read when a raw folder is loaded. */
  readonly now: () => Date;
  /** Who runs the command, recorded with a load made from a raw folder. */
  readonly createdBy: string;
  /** How a stored load is checked before use (default `size`; `checksum` for official runs). */
  readonly check?: IntegrityCheck;
}

export interface LoadForRun {
  readonly load: OpenedLoad;
  /** Removes the temporary store of a raw folder; a no-op for stored loads. */
  release(): Promise<void>;
}

export async function openLoadSource(source: LoadSource): Promise<LoadForRun> {
  const { value, dataDirectory } = source;
  const options = source.check === undefined ? {} : { check: source.check };
  if (value === 'current' || isLoadId(value)) {
    return {
      load: await openLoad(dataDirectory, value, options),
      release: () => Promise.resolve(),
    };
  }
  const path = resolve(source.cwd, value);
  if (await isFile(join(path, 'manifest.json'))) {
    return { load: await openLoad(dataDirectory, path, options), release: () => Promise.resolve() };
  }
  if (await isFolder(path)) return loadRawFolder(path, source);
  throw new InputError({
    file: value,
    reason:
      'ingen indlæsning med dette id eller sti (angiv "current", et indlæsnings-id, en indlæsningsmappe eller en mappe med datafiler)',
  });
}

/**
 * Runs the measurement engine on a load, for months inside its data period
 * only (data-period.ts): every stage that measures a load measures it here.
 */
export async function measureOpenedLoad(
  load: OpenedLoad,
  options: Omit<MeasureRunOptions, 'folder'>,
): Promise<MeasureRunResult> {
  refuseMonthsAfterData(load.manifest, options.to);
  return runMeasures({ ...options, folder: load.folder });
}

/** Runs `use` on the opened load, and releases it afterwards, also on failure. */
export async function withLoad<T>(
  source: LoadSource,
  use: (load: OpenedLoad) => Promise<T>,
): Promise<T> {
  const opened = await openLoadSource(source);
  try {
    return await use(opened.load);
  } finally {
    await opened.release();
  }
}

export interface LoadFolderRequest {
  /** The folder of raw files. */
  readonly source: string;
  readonly dataDirectory: string;
  readonly acceptValidRows: boolean;
  readonly rejectsFile?: string;
  /** A file holding the pseudonymisation key; else `$TILSYN_PSEUDONYM_KEY`. */
  readonly keyFile?: string;
  readonly env: Environment;
  readonly now: Date;
  readonly createdBy: string;
}

/** Validates and stores a folder of raw files as a new load (`tilsyn load`). */
export async function loadFolder(request: LoadFolderRequest): Promise<LoadResult> {
  const key = await resolvePseudonymKey(request.keyFile, request.env);
  const keyWarning =
    request.keyFile === undefined ? undefined : await keyFileWarning(request.keyFile);
  const memoryLimit = request.env['TILSYN_LOAD_MEMORY_LIMIT'];
  const result = await loadData({
    source: request.source,
    dataDirectory: request.dataDirectory,
    acceptValidRows: request.acceptValidRows,
    ...(request.rejectsFile === undefined ? {} : { rejectsFile: request.rejectsFile }),
    ...(key === undefined ? {} : { key }),
    ...(memoryLimit === undefined || memoryLimit === '' ? {} : { memoryLimit }),
    now: request.now,
    createdBy: request.createdBy,
  });
  return keyWarning === undefined
    ? result
    : { ...result, warnings: [keyWarning, ...result.warnings] };
}

async function loadRawFolder(folder: string, source: LoadSource): Promise<LoadForRun> {
  const store = await createTemporaryStore();
  const temporary = store.folder;
  const release = () => store.release();
  try {
    const result = await loadFolder({
      source: folder,
      dataDirectory: temporary,
      acceptValidRows: false,
      env: source.env,
      now: source.now(),
      createdBy: source.createdBy,
    });
    if (result.status === 'refused') {
      throw new InputError(
        result.problems.length > 0
          ? result.problems
          : [{ file: folder, reason: 'mappen kunne ikke indlæses (se tilsyn load MAPPE)' }],
      );
    }
    const load = await openLoad(temporary, result.id);
    return { load, release };
  } catch (error) {
    await release();
    throw error;
  }
}
