/**
 * `manifest.json` of a stored load (docs/architecture.md "The load store"):
 * what was loaded, from where, by whom and when, the SHA-256 and row counts of
 * every input file, and the stored Parquet files with their size and SHA-256
 * (checked before use: load-integrity.ts). It never holds a key or a CPR number.
 */
import type { InputFileName } from './input-file-specs.js';

export const LOAD_FORMAT_VERSION = 1;

export interface ManifestInputFile {
  readonly name: InputFileName;
  /** The file name in the source folder. */
  readonly file: string;
  readonly format: 'csv' | 'parquet';
  /** CSV only. */
  readonly delimiter?: ',' | ';';
  readonly sha256: string;
  readonly bytes: number;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  /** Rejected rows counted by reason (the reason's label). */
  readonly rejectedByReason: Readonly<Record<string, number>>;
  /** framework_conditions: the covariate columns, stored as DOUBLE under their own names. */
  readonly covariates?: readonly string[];
}

/** The first and last month with a record (data-period.ts). */
export interface DataPeriod {
  /** `YYYY-MM`. */
  readonly first: string;
  /** `YYYY-MM`. */
  readonly last: string;
}

export interface ManifestStoredFile {
  /** `persons`, `municipalities` or an input file name. */
  readonly name: string;
  /** The Parquet file in the load folder. */
  readonly file: string;
  readonly rows: number;
  /** The file's size; absent in manifests written before the store was checked. */
  readonly bytes?: number;
  /** The file's SHA-256 (hex); absent in manifests written before the store was checked. */
  readonly sha256?: string;
}

export interface LoadManifest {
  readonly formatVersion: number;
  readonly id: string;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  readonly createdBy: string;
  /** The folder that was loaded (absolute path). */
  readonly source: string;
  /** Whether CPR numbers were replaced by keyed hashes (the key itself is never stored). */
  readonly pseudonymised: boolean;
  /** Whether the load was made with --accept-valid-rows (rejected rows in `rejects.csv`). */
  readonly acceptedValidRows: boolean;
  /** `load`: municipalities.csv/.parquet of the source folder; `shipped`: data/municipalities.csv. */
  readonly municipalitiesFrom: 'load' | 'shipped';
  readonly persons: number;
  /**
   * The first and last month with a record (data-period.ts); months after it
   * cannot be measured. Absent in manifests written before it was recorded,
   * and when no row has a date.
   */
  readonly dataPeriod?: DataPeriod;
  readonly files: readonly ManifestInputFile[];
  readonly stored: readonly ManifestStoredFile[];
  /** Warnings of the load (unknown files or columns ignored, files without rows). */
  readonly warnings: readonly string[];
  /** The rejects file in the load folder, when rows were rejected. */
  readonly rejectsFile?: string;
}

export function isLoadManifest(value: unknown): value is LoadManifest {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['formatVersion'] === 'number' &&
    typeof record['id'] === 'string' &&
    typeof record['createdAt'] === 'string' &&
    Array.isArray(record['files']) &&
    Array.isArray(record['stored'])
  );
}
