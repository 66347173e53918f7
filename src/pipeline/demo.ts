/**
 * The main job, end to end on an embedded store: a synthetic national data
 * set generated (or reused) and loaded, every measure computed, the
 * benchmark model fitted for each year, and the annual assessments run in
 * sequence with the life of the cases. Every result is written to
 * `<data>/demo/resultater/`.
 */
import { join } from 'node:path';
import { runAssessments, type CaseHistory } from '../core/lifecycle/run-assessments.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { OpenedLoad } from '../loading/load-catalog.js';
import { writeMeasures } from '../measuring/write-measures.js';
import { assessmentJson } from '../reports/assessment-json.js';
import { assessmentReport } from '../reports/assessment-report.js';
import { writeExpectedRates } from '../reports/write-expected-rates.js';
import { assessmentInputsOfLoad } from './assessment-inputs-of-load.js';
import { municipalityNames, type MunicipalityNames } from './legal-inputs.js';
import { prepareSyntheticLoad } from './synthetic-load.js';

export const DEMO_DEFAULTS = { scale: 0.1, seed: 1, fromYear: 2021, toYear: 2025 } as const;

/** The steps of the demo as they start (or are skipped because their result is already there). */
export type DemoStep =
  | { readonly step: 'generate' | 'reuse-raw' | 'load' | 'reuse-load' }
  | { readonly step: 'measure'; readonly load: OpenedLoad }
  | { readonly step: 'assess' };

export interface DemoRequest {
  /** The data directory: the load store, and `demo/` for the raw files and results. */
  readonly dataDirectory: string;
  readonly scale: number;
  readonly seed: number;
  readonly fromYear: number;
  readonly toYear: number;
  readonly now: Date;
  readonly createdBy: string;
  readonly progress?: (step: DemoStep) => void;
}

export interface DemoResult {
  readonly load: OpenedLoad;
  readonly history: CaseHistory;
  readonly names: MunicipalityNames;
  /** The folder the results were written to. */
  readonly output: string;
}

export async function runDemo(request: DemoRequest): Promise<DemoResult> {
  const { fromYear, toYear } = request;
  const progress = request.progress ?? (() => undefined);
  const demoFolder = join(request.dataDirectory, 'demo');
  const synthetic = await prepareSyntheticLoad({
    folder: demoFolder,
    dataDirectory: request.dataDirectory,
    scale: request.scale,
    seed: request.seed,
    now: request.now,
    createdBy: request.createdBy,
    progress: (step) => {
      progress({ step });
    },
  });
  const load = synthetic.load;
  progress({ step: 'measure', load });
  const names = await municipalityNames();
  const { inputs, run, expectedRates } = await assessmentInputsOfLoad({
    load,
    fromYear,
    toYear,
    municipalities: names.codes,
  });
  const output = join(demoFolder, 'resultater');
  await writeMeasures(output, run, { loadId: load.id, loadFolder: load.folder });
  await writeExpectedRates(join(output, 'expected_rates.csv'), expectedRates);
  progress({ step: 'assess' });
  const history = runAssessments(fromYear, toYear, inputs);
  await writeFileAtomic(
    join(output, 'opgoerelser.txt'),
    assessmentReport(history, names.nameOf, { all: false }),
  );
  await writeFileAtomic(
    join(output, 'opgoerelser.json'),
    `${JSON.stringify(assessmentJson(history, names.plainNameOf), null, 2)}\n`,
  );
  return { load, history, names, output };
}
