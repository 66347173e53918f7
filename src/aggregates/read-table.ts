/**
 * Reads a small CSV file for the legal commands: bytes → UTF-8 → table, with
 * `displayName` (the path as the user wrote it) in every error.
 */
import { readFile } from 'node:fs/promises';
import { decodeUtf8, parseCsv, type CsvTable } from '../files/csv-table.js';
import { InputError } from '../files/input-error.js';

export async function readCsvFile(path: string, displayName: string): Promise<CsvTable> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
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
  return parseCsv(displayName, decodeUtf8(displayName, bytes));
}
