/**
 * Folders for load tests: a copy of the valid fixture load with some files
 * replaced, removed or added, a fresh data directory, and a way to read the
 * stored Parquet files back. Everything lives under one temporary folder,
 * removed by `cleanUp()`.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDbSession, type SqlValue } from '../../src/loading/duckdb-session.js';

export const VALID_LOAD = fileURLToPath(new URL('../fixtures/valid-load', import.meta.url));
export const BAD_INPUT = fileURLToPath(new URL('../fixtures/bad-input', import.meta.url));

export interface Workspace {
  readonly root: string;
  readonly dataDirectory: string;
  /** A copy of the valid load; `changes` maps a file name to new content, or null to delete it. */
  loadFolder(
    changes?: Readonly<Record<string, string | Uint8Array | null>>,
    name?: string,
  ): Promise<string>;
  cleanUp(): Promise<void>;
}

export async function createWorkspace(): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'tilsyn-load-'));
  let folders = 0;
  return {
    root,
    dataDirectory: join(root, 'data'),
    async loadFolder(changes = {}, name) {
      folders += 1;
      const folder = join(root, name ?? `input-${folders}`);
      await cp(VALID_LOAD, folder, { recursive: true });
      for (const [file, content] of Object.entries(changes)) {
        if (content === null) await rm(join(folder, file));
        else await writeFile(join(folder, file), content);
      }
      return folder;
    },
    async cleanUp() {
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Runs one query with DuckDB (e.g. over a stored Parquet file) and returns its rows. */
export async function query(sql: string): Promise<Record<string, SqlValue>[]> {
  const session = await DuckDbSession.open({ memoryLimit: '512MB', threads: 1, tempDirectory: '' });
  try {
    return await session.rows(sql);
  } finally {
    session.close();
  }
}
