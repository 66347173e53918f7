/**
 * Every measure of measures.md from a load, written as files: the monthly
 * focus measures (the aggregated `focus_measures` format) and the other
 * measures (`tilsyn measure`).
 */
import type { YearMonth } from '../core/calendar/year-month.js';
import type { MeasureRunResult } from '../measuring/run-measures.js';
import { writeMeasures, type WrittenFile } from '../measuring/write-measures.js';
import { measureOpenedLoad, withLoad, type LoadSource } from './open-load.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';
import { refuseSimulationMeasureFolder } from './simulation-output.js';
import { targetGroupPersonsOf } from './passive-cases.js';
import { targetGroupPersonsCsv } from '../reports/target-group-persons-csv.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { writeFolderTogether } from '../files/output-target.js';
import { writeExcelForms } from './write-excel-forms.js';
import { join } from 'node:path';

export interface MeasureRequest {
  readonly load: LoadSource;
  readonly from: YearMonth;
  readonly to: YearMonth;
  /** The folder the files are written to. */
  readonly out: string;
  readonly workers?: number | undefined;
  /**
   * Also write the target group at `month` person by person to `file` (the
   * persons of the § 8 case sample, `tilsyn sample --persons`).
   */
  readonly persons?: { readonly file: string; readonly month: YearMonth };
  /** Also write the CSV-for-Excel form of the files to `out/excel/`. */
  readonly excel?: boolean;
}

export interface MeasureResult {
  readonly loadId: string;
  readonly run: MeasureRunResult;
  readonly files: readonly WrittenFile[];
  /** The persons file, when asked for: its path and how many persons it lists. */
  readonly persons?: { readonly file: string; readonly count: number };
  /** The files written to `out/excel/` (with `excel`). */
  readonly excel: readonly string[];
}

export async function measureLoad(request: MeasureRequest): Promise<MeasureResult> {
  // The measure files and measure_run.json are the official record of a run:
  // every byte of the load is checked against its manifest first.
  return withLoad({ ...request.load, check: 'checksum' }, async (load) => {
    const { from, to, workers } = request;
    await refuseSimulationMeasureFolder(request.out);
    const persons = request.persons;
    const run = await measureOpenedLoad(load, {
      from,
      to,
      workers,
      rules: OFFICIAL_RULES,
      ...(persons === undefined ? {} : { targetGroupAt: { month: persons.month } }),
    });
    const rows = persons === undefined ? undefined : await targetGroupPersonsOf(load.folder, run);
    // Every file of the run is written to a temporary folder first and renamed
    // into place together: a run that fails leaves the previous set whole.
    const { files, excel } = await writeFolderTogether(request.out, async (folder) => {
      const written = await writeMeasures(folder, run, {
        loadId: load.id,
        loadFolder: load.folder,
      });
      return {
        files: written,
        excel: request.excel === true ? await writeExcelForms(join(folder, 'excel'), written) : [],
      };
    });
    if (persons === undefined || rows === undefined) return { loadId: load.id, run, files, excel };
    await writeFileAtomic(persons.file, targetGroupPersonsCsv(rows));
    return {
      loadId: load.id,
      run,
      files,
      excel,
      persons: { file: persons.file, count: rows.length },
    };
  });
}
