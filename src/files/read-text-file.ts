/**
 * Reads a small input file the user named: bytes, UTF-8 text or a CSV table,
 * with `displayName` (the path as the user wrote it) in every error, and a
 * clear reason when the file is missing, is a folder or cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { decodeUtf8, parseCsv, type CsvTable } from './csv-table.js';
import { InputError } from './input-error.js';

export async function readInputBytes(path: string, displayName: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InputError({
      file: displayName,
      reason:
        code === 'ENOENT'
          ? 'filen findes ikke'
          : code === 'EISDIR'
            ? 'er en mappe, ikke en fil'
            : 'filen kan ikke læses',
    });
  }
}

/** The file as UTF-8 text (refused with a clear error when it is not UTF-8). */
export async function readTextFile(path: string, displayName: string): Promise<string> {
  return decodeUtf8(displayName, await readInputBytes(path, displayName));
}

export async function readCsvFile(path: string, displayName: string): Promise<CsvTable> {
  return parseCsv(displayName, await readTextFile(path, displayName));
}
