/**
 * Writes the CSV-for-Excel form of machine-readable CSV tables beside them
 * (`tilsyn measure --excel`): same file names, in their own folder.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { machineTableForExcel, type MachineTable } from '../reports/csv/machine-table-for-excel.js';
import { municipalityNames } from './legal-inputs.js';

export async function writeExcelForms(
  folder: string,
  files: readonly { readonly name: string; readonly table?: MachineTable }[],
): Promise<string[]> {
  const nameOf = (await municipalityNames()).plainNameOf;
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    if (file.table === undefined) continue;
    await writeFileAtomic(
      join(folder, file.name),
      machineTableForExcel(file.table, nameOf, file.name),
    );
    written.push(file.name);
  }
  return written;
}
