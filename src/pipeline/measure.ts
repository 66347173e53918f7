/**
 * Every measure of measures.md from a load, written as files: the monthly
 * focus measures (the aggregated `focus_measures` format) and the other
 * measures (`tilsyn measure`).
 */
import type { YearMonth } from '../core/calendar/year-month.js';
import { runMeasures, type MeasureRunResult } from '../measuring/run-measures.js';
import { writeMeasures, type WrittenFile } from '../measuring/write-measures.js';
import { withLoad, type LoadSource } from './open-load.js';

export interface MeasureRequest {
  readonly load: LoadSource;
  readonly from: YearMonth;
  readonly to: YearMonth;
  /** The folder the files are written to. */
  readonly out: string;
  readonly workers?: number | undefined;
}

export interface MeasureResult {
  readonly loadId: string;
  readonly run: MeasureRunResult;
  readonly files: readonly WrittenFile[];
}

export async function measureLoad(request: MeasureRequest): Promise<MeasureResult> {
  return withLoad(request.load, async (load) => {
    const { from, to, workers } = request;
    const run = await runMeasures({ folder: load.folder, from, to, workers });
    const files = await writeMeasures(request.out, run, {
      loadId: load.id,
      loadFolder: load.folder,
    });
    return { loadId: load.id, run, files };
  });
}
