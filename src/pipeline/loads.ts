/**
 * The stored loads, newest first, after removing the staging folders of
 * loads whose process has ended (killed or crashed).
 */
import { listLoads, removeAbandonedStaging, type LoadListing } from '../loading/load-catalog.js';

export async function storedLoads(dataDirectory: string): Promise<LoadListing[]> {
  await removeAbandonedStaging(dataDirectory);
  return (await listLoads(dataDirectory)).reverse();
}
