/**
 * The files of a load folder: each file of data.md as `NAME.csv` or
 * `NAME.parquet`. A required file that is missing, or a file given both ways,
 * is an error; `generator.json` (the description `tilsyn generate` writes
 * beside its data set) is recognised and ignored; any other file is ignored
 * with a warning.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputProblem } from '../files/input-error.js';
import { INPUT_FILES, type InputFileSpec } from './input-file-specs.js';

export type InputFormat = 'csv' | 'parquet';

/** Files that belong in a load folder but are not loaded: the synthetic generator's description. */
const COMPANION_FILES: ReadonlySet<string> = new Set(['generator.json']);

export interface FoundInputFile {
  readonly spec: InputFileSpec;
  /** The file name, as messages name it. */
  readonly file: string;
  readonly path: string;
  readonly format: InputFormat;
  /** The file as found, before anything read it (fileChanged compares). */
  readonly fingerprint: FileFingerprint;
}

/** What identifies a file's content without reading it: device, inode, size and times. */
export interface FileFingerprint {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
}

export async function fingerprintOf(path: string): Promise<FileFingerprint> {
  const status = await stat(path, { bigint: true });
  return {
    dev: Number(status.dev),
    ino: Number(status.ino),
    size: Number(status.size),
    mtimeNs: status.mtimeNs,
    ctimeNs: status.ctimeNs,
  };
}

/**
 * Whether the file at `found.path` is no longer the one found: replaced
 * (another inode), resized or written to since. A file that cannot be read
 * any more has changed too.
 */
export async function fileChanged(found: FoundInputFile): Promise<boolean> {
  let now: FileFingerprint;
  try {
    now = await fingerprintOf(found.path);
  } catch {
    return true;
  }
  const then = found.fingerprint;
  return (
    now.dev !== then.dev ||
    now.ino !== then.ino ||
    now.size !== then.size ||
    now.mtimeNs !== then.mtimeNs ||
    now.ctimeNs !== then.ctimeNs
  );
}

export interface InputFolder {
  readonly files: readonly FoundInputFile[];
  readonly warnings: readonly string[];
  readonly problems: readonly InputProblem[];
}

export async function findInputFiles(folder: string): Promise<InputFolder> {
  let entries: string[];
  try {
    if (!(await stat(folder)).isDirectory())
      return { files: [], warnings: [], problems: [{ file: folder, reason: 'er ikke en mappe' }] };
    entries = await readdir(folder);
  } catch {
    return { files: [], warnings: [], problems: [{ file: folder, reason: 'mappen findes ikke' }] };
  }
  const files: FoundInputFile[] = [];
  const problems: InputProblem[] = [];
  const known = new Set<string>();
  for (const spec of INPUT_FILES) {
    const found = (['csv', 'parquet'] as const).filter((format) =>
      entries.includes(`${spec.name}.${format}`),
    );
    for (const format of found) known.add(`${spec.name}.${format}`);
    const [format] = found;
    if (found.length > 1) {
      problems.push({
        file: `${spec.name}.csv`,
        reason: `både ${spec.name}.csv og ${spec.name}.parquet findes; fjern den ene`,
      });
    } else if (format !== undefined) {
      const file = `${spec.name}.${format}`;
      const path = join(folder, file);
      files.push({ spec, file, path, format, fingerprint: await fingerprintOf(path) });
    } else if (spec.required) {
      problems.push({
        file: `${spec.name}.csv`,
        reason: `den påkrævede fil mangler i mappen (${spec.name}.csv eller ${spec.name}.parquet)`,
      });
    }
  }
  const warnings: string[] = [];
  for (const entry of [...entries].sort()) {
    if (known.has(entry) || COMPANION_FILES.has(entry) || entry.startsWith('.')) continue;
    const isFile = (await stat(join(folder, entry))).isFile();
    if (isFile) warnings.push(`${entry}: ukendt fil ignoreres`);
  }
  return { files, warnings, problems };
}
