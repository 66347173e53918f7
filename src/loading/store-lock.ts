/**
 * The store lock: one writer of a data directory's loads at a time.
 * `loads/LOCK` is created exclusively (O_EXCL) and holds the holder's process
 * id, host, start time and a random token. A second load is refused at once
 * with a message naming the holder (it does not wait: a load takes minutes,
 * and a refusal tells the user what is going on). A lock whose process has
 * ended on this host is stale and taken over; a lock of another host is never
 * taken over (its process cannot be checked from here).
 *
 * Readers never need the lock, but the tidy-up that removes staging folders
 * of ended loads runs only while holding it, so that `tilsyn loads` never
 * removes the staging folder of a running load, even in the moment of its
 * commit; on a store that cannot be written (read-only) it is skipped.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../core/domain-error.js';

export const LOCK_FILE = 'LOCK';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO 8601, UTC. */
  readonly startedAt: string;
  readonly token: string;
}

export interface StoreLock {
  readonly holder: LockHolder;
  /** Whether the lock file is still this lock (not broken by another process). */
  stillHeld(): Promise<boolean>;
  /** Removes the lock file if it is still this lock. */
  release(): Promise<void>;
}

/** A lock file younger than this without readable content is being written. */
const UNREADABLE_GRACE_MILLISECONDS = 10_000;

/**
 * Takes the lock of the loads folder `folder`, or refuses (DomainError
 * `store_busy`) naming the process that holds it.
 */
export async function acquireStoreLock(folder: string, now: Date): Promise<StoreLock> {
  const result = await tryAcquireStoreLock(folder, now);
  if ('lock' in result) return result.lock;
  throw new DomainError('store_busy', busyMessage(join(folder, LOCK_FILE), result.holder));
}

/** Takes the lock, or returns who holds it (undefined: a holder that cannot be read yet). */
export async function tryAcquireStoreLock(
  folder: string,
  now: Date,
): Promise<{ lock: StoreLock } | { holder: LockHolder | undefined }> {
  const path = join(folder, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: now.toISOString().replace(/\.\d+Z$/, 'Z'),
    token: randomBytes(8).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(holder)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { lock: lockOf(path, holder) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const other = await readHolder(path);
    if (other === undefined) {
      if (!(await olderThan(path, UNREADABLE_GRACE_MILLISECONDS))) return { holder: undefined };
    } else if (other.host !== hostname() || processIsAlive(other.pid)) {
      return { holder: other };
    }
    await breakStaleLock(path, other);
  }
  return { holder: await readHolder(path) };
}

function lockOf(path: string, holder: LockHolder): StoreLock {
  const isOurs = async () => (await readHolder(path))?.token === holder.token;
  return {
    holder,
    stillHeld: isOurs,
    async release() {
      if (await isOurs()) await rm(path, { force: true });
    },
  };
}

/**
 * Removes a stale lock without removing a fresh one taken meanwhile by
 * another process: the file is first renamed aside, and put back if it
 * turns out not to be the stale one.
 */
async function breakStaleLock(path: string, stale: LockHolder | undefined): Promise<void> {
  const aside = `${path}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await readHolder(aside);
  if (stale !== undefined && moved !== undefined && moved.token !== stale.token) {
    try {
      await link(aside, path);
    } catch {
      // Another process took the lock meanwhile; the moved one was live, but it is
      // checked again by its holder (stillHeld) before it commits.
    }
  }
  await rm(aside, { force: true });
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    if (
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.startedAt === 'string' &&
      typeof value.token === 'string'
    )
      return value as LockHolder;
    return undefined;
  } catch {
    return undefined;
  }
}

async function olderThan(path: string, milliseconds: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > milliseconds;
  } catch {
    return true;
  }
}

/** Whether a process with this id runs on this host. */
export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busyMessage(path: string, holder: LockHolder | undefined): string {
  const who =
    holder === undefined
      ? 'en anden proces er ved at tage låsen'
      : `proces ${holder.pid} på ${holder.host}, startet ${holder.startedAt.replace('T', ' ').replace('Z', '')} UTC`;
  return `datamappen er optaget: en anden indlæsning er i gang (${who}). Vent, til den er færdig, og prøv igen. Låsen er ${path}; den fjernes af sig selv, når processen er stoppet${holder !== undefined && holder.host !== hostname() ? ' (på en anden vært: fjern den selv, hvis processen ikke kører)' : ''}`;
}
