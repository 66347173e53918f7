/**
 * The temporary data directory of a run on a folder of raw files
 * (`measure --load RAWFOLDER`): a pseudonymised load in the system's
 * temporary folder (`tilsyn-load-*`), private to the user (mode 700), for
 * this run only. It is removed when the run ends, also when the run is
 * interrupted (Ctrl-C, SIGTERM, SIGHUP); one left by a process that was
 * killed outright (SIGKILL, a crash) is removed when the next one is made.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEMPORARY_STORE_PREFIX = 'tilsyn-load-';
/** Marks a folder as a temporary store and names the process that owns it. */
const OWNER_FILE = '.tilsyn-owner.json';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface TemporaryStore {
  readonly folder: string;
  /** Removes the folder (and stops watching for signals). */
  release(): Promise<void>;
}

export async function createTemporaryStore(): Promise<TemporaryStore> {
  await removeAbandonedTemporaryStores();
  const folder = await mkdtemp(join(tmpdir(), TEMPORARY_STORE_PREFIX));
  await writeFile(join(folder, OWNER_FILE), JSON.stringify({ pid: process.pid }), { mode: 0o600 });
  const stopWatching = () => {
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    stopWatching();
    rmSync(folder, { recursive: true, force: true });
    // Die of the signal as if it had not been caught, unless someone else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
  for (const signal of SIGNALS) process.once(signal, onSignal);
  return {
    folder,
    async release() {
      stopWatching();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Removes the temporary stores whose owner process has ended. Folders without
 * the owner file (another program's, or a test's) are left alone.
 */
export async function removeAbandonedTemporaryStores(folder: string = tmpdir()): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.startsWith(TEMPORARY_STORE_PREFIX)) continue;
    const store = join(folder, entry);
    let pid: number;
    try {
      const owner: unknown = JSON.parse(await readFile(join(store, OWNER_FILE), 'utf8'));
      pid = Number((owner as { pid?: unknown }).pid);
    } catch {
      continue;
    }
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
    try {
      await rm(store, { recursive: true, force: true });
      removed.push(store);
    } catch {
      // Another user's folder, or one being removed: leave it.
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
