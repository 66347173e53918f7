/**
 * Whether a stored load is still what was written: every stored file of the
 * manifest present, a regular file, of the recorded size and — when asked —
 * of the recorded SHA-256, and no Parquet file the manifest does not list
 * (the measurement engine reads the files by name). The size check costs a
 * `stat` per file and runs on every use; the checksum reads every byte and
 * runs on `tilsyn loads --verify` and before an official measurement.
 *
 * Manifests written before the sizes and checksums were recorded
 * (`bytes`/`sha256` absent) are still readable: their files are checked for
 * presence only, and the load is reported as not verifiable.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDanishNumber } from '../core/danish-format.js';
import { InputError } from '../files/input-error.js';
import { digestFile } from './file-digest.js';
import type { LoadManifest } from './load-manifest.js';

/** `size`: presence, kind and size of every file; `checksum`: also the SHA-256. */
export type IntegrityCheck = 'size' | 'checksum';

export interface LoadDamage {
  /** The file in the load folder, e.g. `work_hours.parquet`. */
  readonly file: string;
  readonly reason: string;
}

export interface LoadIntegrity {
  /** `unverifiable`: nothing found wrong, but the manifest lacks sizes and checksums. */
  readonly state: 'intact' | 'damaged' | 'unverifiable';
  readonly checked: IntegrityCheck;
  readonly damages: readonly LoadDamage[];
}

export const UNVERIFIABLE_NOTE =
  'manifestet er fra en ældre version uden filernes størrelse og SHA-256';

export async function checkLoadIntegrity(
  folder: string,
  manifest: LoadManifest,
  check: IntegrityCheck,
): Promise<LoadIntegrity> {
  const damages: LoadDamage[] = [];
  let unverifiable = false;
  const digests: Promise<void>[] = [];
  for (const stored of manifest.stored) {
    const path = join(folder, stored.file);
    const damage = (reason: string): void => {
      damages.push({ file: stored.file, reason });
    };
    let size: number;
    try {
      const status = await lstat(path);
      if (!status.isFile()) {
        damage('er ikke en almindelig fil');
        continue;
      }
      size = status.size;
    } catch {
      damage('filen mangler');
      continue;
    }
    if (stored.bytes === undefined || stored.sha256 === undefined) {
      unverifiable = true;
      continue;
    }
    if (size !== stored.bytes) {
      damage(
        `filen har ${formatDanishNumber(size)} bytes; manifestet siger ${formatDanishNumber(stored.bytes)}`,
      );
      continue;
    }
    if (check === 'checksum') {
      const expected = stored.sha256;
      digests.push(
        digestFile(path).then(
          (digest) => {
            if (digest.sha256 !== expected)
              damage('filens SHA-256 stemmer ikke med manifestet (filen er ændret)');
          },
          () => {
            damage('filen kan ikke læses');
          },
        ),
      );
    }
  }
  await Promise.all(digests);
  const listed = new Set(manifest.stored.map((stored) => stored.file));
  for (const entry of await readdir(folder)) {
    if (entry.endsWith('.parquet') && !listed.has(entry))
      damages.push({ file: entry, reason: 'filen står ikke i manifestet' });
  }
  const order = (file: string) => {
    const index = manifest.stored.findIndex((stored) => stored.file === file);
    return index < 0 ? manifest.stored.length : index;
  };
  damages.sort((a, b) => order(a.file) - order(b.file) || a.file.localeCompare(b.file));
  return {
    state: damages.length > 0 ? 'damaged' : unverifiable ? 'unverifiable' : 'intact',
    checked: check,
    damages,
  };
}

/** Refuses a damaged load, naming each damaged file and what to do. */
export function refuseDamagedLoad(folder: string, integrity: LoadIntegrity): void {
  if (integrity.state !== 'damaged') return;
  throw new InputError(
    integrity.damages.map((damage) => ({
      file: join(folder, damage.file),
      reason: `indlæsningen er beskadiget: ${damage.reason}; brug en anden indlæsning eller indlæs data igen (tilsyn loads --verify kontrollerer alle)`,
    })),
  );
}
