/**
 * The stored loads, newest first, each checked against its manifest (sizes,
 * or with `checksum` every byte), after removing the staging folders of loads
 * whose process has ended (killed or crashed).
 */
import {
  listLoads,
  readCurrent,
  removeAbandonedStaging,
  type LoadListing,
} from '../loading/load-catalog.js';
import type { IntegrityCheck } from '../loading/load-integrity.js';

export interface StoredLoads {
  /** Newest first. */
  readonly loads: readonly LoadListing[];
  /** Whether `loads/CURRENT` holds something other than a load id (no load is then in use). */
  readonly currentDamaged: boolean;
}

export async function storedLoads(
  dataDirectory: string,
  check: IntegrityCheck = 'size',
): Promise<StoredLoads> {
  await removeAbandonedStaging(dataDirectory);
  return {
    loads: (await listLoads(dataDirectory, check)).reverse(),
    currentDamaged: (await readCurrent(dataDirectory)).state === 'damaged',
  };
}
