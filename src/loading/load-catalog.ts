/**
 * The catalog of stored loads: a folder per load under `<data dir>/loads/`,
 * and `loads/CURRENT` naming the load in use. Loads are large, immutable
 * columnar artifacts, so the catalog is the file system itself: a load is
 * written into `.staging-<id>/`, which nothing ever reads, and becomes visible
 * by two atomic renames — the finished folder to `<id>/`, then a new
 * `CURRENT` over the old. A process killed at any moment leaves the previous
 * load in use; its staging folder is removed by the next `tilsyn load` or
 * `tilsyn loads` once its process is gone.
 *
 * This is also the reading side for the measurement engine: `openLoad` and
 * `listLoads`.
 */
import { open, readdir, readFile, rename, rm, mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { InputError } from '../files/input-error.js';
import { isLoadId } from './load-id.js';
import {
  checkLoadIntegrity,
  refuseDamagedLoad,
  type IntegrityCheck,
  type LoadIntegrity,
} from './load-integrity.js';
import { isLoadManifest, type LoadManifest } from './load-manifest.js';

export const STAGING_PREFIX = '.staging-';
const OWNER_FILE = 'owner.json';

export function loadsFolder(dataDirectory: string): string {
  return join(dataDirectory, 'loads');
}

/**
 * Removes staging folders left by loads whose process has ended (killed or
 * crashed). A staging folder of a running load is left alone.
 */
export async function removeAbandonedStaging(dataDirectory: string): Promise<string[]> {
  const folder = loadsFolder(dataDirectory);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.startsWith(STAGING_PREFIX)) continue;
    const staging = join(folder, entry);
    if (await ownerIsAlive(staging)) continue;
    await rm(staging, { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}

/** Creates the staging folder of a new load, owned by this process. */
export async function createStaging(dataDirectory: string, id: string): Promise<string> {
  const staging = join(loadsFolder(dataDirectory), `${STAGING_PREFIX}${id}`);
  await mkdir(staging, { recursive: true });
  await writeFile(join(staging, OWNER_FILE), JSON.stringify({ pid: process.pid }));
  return staging;
}

/**
 * Makes a finished staging folder the load in use: flushes every file, renames
 * the folder to its id, then replaces CURRENT. The staging folder must hold
 * only the load's files (and the owner file, removed here).
 */
export async function commitLoad(
  dataDirectory: string,
  id: string,
  staging: string,
): Promise<string> {
  const folder = loadsFolder(dataDirectory);
  await rm(join(staging, OWNER_FILE), { force: true });
  for (const entry of await readdir(staging)) await flush(join(staging, entry));
  await flush(staging);
  const final = join(folder, id);
  await rename(staging, final);
  await flush(folder);
  await writeFileAtomic(join(folder, 'CURRENT'), `${id}\n`);
  await flush(folder);
  return final;
}

/**
 * What `loads/CURRENT` says: no load made yet, the id of the load in use, or
 * damaged — anything but a load id (a path such as `../../other/loads/ID`
 * would lead outside the store).
 */
export type CurrentEntry =
  | { readonly state: 'none' }
  | { readonly state: 'load'; readonly id: string }
  | { readonly state: 'damaged'; readonly file: string };

export async function readCurrent(dataDirectory: string): Promise<CurrentEntry> {
  const file = join(loadsFolder(dataDirectory), 'CURRENT');
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch {
    return { state: 'none' };
  }
  if (text === '') return { state: 'none' };
  return isLoadId(text) ? { state: 'load', id: text } : { state: 'damaged', file };
}

/** The id in CURRENT, or undefined when no load has been made or CURRENT is damaged. */
export async function currentLoadId(dataDirectory: string): Promise<string | undefined> {
  const current = await readCurrent(dataDirectory);
  return current.state === 'load' ? current.id : undefined;
}

export interface LoadListing {
  readonly id: string;
  readonly folder: string;
  readonly manifest: LoadManifest;
  readonly current: boolean;
  /** Whether its files are what the manifest records (load-integrity.ts). */
  readonly integrity: LoadIntegrity;
}

/** Every complete load, oldest first, each checked (`size` unless asked for `checksum`). */
export async function listLoads(
  dataDirectory: string,
  check: IntegrityCheck = 'size',
): Promise<LoadListing[]> {
  const folder = loadsFolder(dataDirectory);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return [];
  }
  const current = await currentLoadId(dataDirectory);
  const loads: LoadListing[] = [];
  for (const id of entries.filter(isLoadId).sort()) {
    const manifest = await readManifest(join(folder, id));
    if (manifest === undefined) continue;
    const integrity = await checkLoadIntegrity(join(folder, id), manifest, check);
    loads.push({ id, folder: join(folder, id), manifest, current: id === current, integrity });
  }
  return loads;
}

/** A stored load, opened for reading. */
export interface OpenedLoad {
  readonly id: string;
  readonly folder: string;
  readonly manifest: LoadManifest;
  /** Whether the load holds the stored file `name` (e.g. `focus_measures` is optional). */
  has(name: string): boolean;
  /** The path of the Parquet file `name` (`persons`, `benefit_periods`, …); throws when absent. */
  file(name: string): string;
}

export interface OpenLoadOptions {
  /**
   * How the stored files are checked against the manifest before use: `size`
   * (default; a stat per file) or `checksum` (every byte; for a run whose
   * results are official).
   */
  readonly check?: IntegrityCheck;
}

/**
 * Opens `current` (the load in use), a load id, or the path of a load folder,
 * after checking its files against the manifest. Bad input (no load in use,
 * unknown id, not a load folder, a damaged load) is an InputError.
 */
export async function openLoad(
  dataDirectory: string,
  idOrPath: string = 'current',
  options: OpenLoadOptions = {},
): Promise<OpenedLoad> {
  let folder: string;
  if (idOrPath === 'current') {
    const current = await readCurrent(dataDirectory);
    if (current.state === 'damaged') {
      throw new InputError({
        file: current.file,
        reason:
          'filen er beskadiget: den skal indeholde et indlæsnings-id (fx 20261123T130512Z-3f9a); vælg en indlæsning med --load ID, eller indlæs data igen',
      });
    }
    const id = current.state === 'load' ? current.id : undefined;
    if (id === undefined) {
      throw new InputError({
        file: loadsFolder(dataDirectory),
        reason: 'der er ingen indlæsning i brug; indlæs data med "tilsyn load MAPPE"',
      });
    }
    folder = join(loadsFolder(dataDirectory), id);
  } else if (isLoadId(idOrPath)) {
    folder = join(loadsFolder(dataDirectory), idOrPath);
  } else folder = resolve(idOrPath);
  const manifest = await readManifest(folder);
  if (manifest === undefined) {
    throw new InputError({
      file: folder,
      reason: (await exists(folder))
        ? 'er ikke en indlæsning (manifest.json mangler eller kan ikke læses)'
        : 'indlæsningen findes ikke',
    });
  }
  refuseDamagedLoad(folder, await checkLoadIntegrity(folder, manifest, options.check ?? 'size'));
  const stored = new Map(manifest.stored.map((entry) => [entry.name, entry.file]));
  return {
    id: manifest.id,
    folder,
    manifest,
    has: (name) => stored.has(name),
    file: (name) => {
      const file = stored.get(name);
      if (file === undefined) throw new Error(`load ${manifest.id} has no ${name}`);
      return join(folder, file);
    },
  };
}

/** The manifest of the load folder `folder`; undefined when absent or unreadable. */
export async function readManifest(folder: string): Promise<LoadManifest | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
    return isLoadManifest(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function ownerIsAlive(staging: string): Promise<boolean> {
  let pid: number;
  try {
    const owner: unknown = JSON.parse(await readFile(join(staging, OWNER_FILE), 'utf8'));
    pid = Number((owner as { pid?: unknown }).pid);
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
