/**
 * The stored loads, newest first, each checked against its manifest (sizes,
 * or with `checksum` every byte), after removing the staging folders of loads
 * whose process has ended (killed or crashed).
 */
import { listLoads, removeAbandonedStaging, type LoadListing } from '../loading/load-catalog.js';
import type { IntegrityCheck } from '../loading/load-integrity.js';

export async function storedLoads(
  dataDirectory: string,
  check: IntegrityCheck = 'size',
): Promise<LoadListing[]> {
  await removeAbandonedStaging(dataDirectory);
  return (await listLoads(dataDirectory, check)).reverse();
}
