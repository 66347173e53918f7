/**
 * Reform simulation: the assessments (or the measures) under the rules in
 * force and under the same rules with an analyst's overrides, side by side.
 *
 * From aggregated files, only rules read after the measurement can change
 * (thresholds, averaging, transitional rules, deadlines…); a measurement rule
 * is refused, since the aggregates cannot be recomputed. From a load, a
 * changed measurement rule re-measures the load under the simulated rules,
 * and the benchmark model is fitted on that measurement (unless official
 * expected rates were given); otherwise the official measurement serves both
 * sides.
 */
import { writeFolderTogether } from '../files/output-target.js';
import type { AssessmentInputs } from '../core/assessment/assessment-inputs.js';
import { missingAssessmentInputs } from '../core/assessment/assessment-inputs.js';
import type { YearMonth } from '../core/calendar/year-month.js';
import {
  compareCaseHistories,
  type HistoryComparison,
} from '../core/lifecycle/compare-histories.js';
import { runAssessments, type CaseHistory } from '../core/lifecycle/run-assessments.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';
import { withOverrides, type RuleBook, type RuleOverride } from '../core/rules/rule-book.js';
import {
  measurementOverrides,
  refuseMeasurementOverridesWithoutData,
  refuseOverridesOutside,
} from '../core/rules/rule-overrides.js';
import {
  compareMeasureTables,
  type MeasureComparison,
} from '../measuring/compare-measure-tables.js';
import type { MeasureRunResult } from '../measuring/run-measures.js';
import {
  measureTables,
  writeMeasures,
  type MeasureRunRecord,
  type WrittenFile,
} from '../measuring/write-measures.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { join } from 'node:path';
import { measureSimulationText } from '../reports/simulation-report.js';
import { initialStatesOf, inputsOfLoad, officialFiguresOf, type AssessRequest } from './assess.js';
import {
  municipalityNames,
  readAggregatedInputs,
  refuseMissing,
  type InputFiles,
  type MunicipalityNames,
} from './legal-inputs.js';
import { measureOpenedLoad, withLoad, type LoadSource } from './open-load.js';
import { refuseOfficialMeasureFolder, SIMULATION_MARKER_FILE } from './simulation-output.js';

export interface AssessmentSimulationRequest extends AssessRequest {
  /** The overrides, read against the official rules (`parseRuleOverrides(OFFICIAL_RULES, …)`). */
  readonly overrides: readonly RuleOverride[];
  /**
   * Keeps the official measurement of a load between simulations (the web
   * application: the same load and years give the same figures); `key`
   * names the load and the years. Absent: measured every time.
   */
  readonly memo?: MeasurementMemo;
}

/** Returns the value kept under `key`, or computes and keeps it. */
export type MeasurementMemo = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

export interface AssessmentSimulation {
  readonly overrides: readonly RuleOverride[];
  /** The simulated rules: the official ones with the overrides. */
  readonly rules: RuleBook;
  /** Whether the load was measured again under the simulated rules. */
  readonly remeasured: boolean;
  readonly official: CaseHistory;
  readonly simulated: CaseHistory;
  readonly comparison: HistoryComparison;
  readonly names: MunicipalityNames;
  /** Where the inputs came from, as the reports name them. */
  readonly files: InputFiles;
}

/** The assessments `fromYear` … `toYear` under the rules in force and with the overrides, compared. */
export async function simulateAssessments(
  request: AssessmentSimulationRequest,
): Promise<AssessmentSimulation> {
  const { overrides, fromYear, toYear, cwd, source } = request;
  const rules = withOverrides(OFFICIAL_RULES, overrides);
  refuseOverridesOutside(
    rules,
    overrides,
    ['measurement', 'assessment', 'lifecycle'],
    'den årlige opgørelse',
  );
  if (source.kind === 'files') refuseMeasurementOverridesWithoutData(rules, overrides);
  const remeasure = source.kind === 'load' && measurementOverrides(rules, overrides).length > 0;
  const names = await municipalityNames();
  let official: { inputs: AssessmentInputs; files: InputFiles };
  let simulatedInputs: AssessmentInputs;
  if (source.kind === 'files') {
    official = await readAggregatedInputs(source.files, cwd, names);
    simulatedInputs = official.inputs;
  } else {
    const figures = await officialFiguresOf(source, cwd, names);
    const both = await withLoad(source.load, async (load) => {
      const measure = (book: RuleBook) =>
        inputsOfLoad(load, source, figures, names, fromYear, toYear, book);
      const officialKey = JSON.stringify([load.id, source.rates ?? null, fromYear, toYear]);
      const first =
        request.memo === undefined
          ? await measure(OFFICIAL_RULES)
          : await request.memo(officialKey, () => measure(OFFICIAL_RULES));
      return { first, second: remeasure ? (await measure(rules)).inputs : first.inputs };
    });
    official = both.first;
    simulatedInputs = both.second;
  }
  for (let year = fromYear; year <= toYear; year += 1) {
    refuseMissing(
      missingAssessmentInputs(OFFICIAL_RULES, official.inputs, year),
      official.files,
      names,
    );
    refuseMissing(missingAssessmentInputs(rules, simulatedInputs, year), official.files, names);
  }
  const initial = await initialStatesOf(request, names);
  const officialHistory = runAssessments(
    OFFICIAL_RULES,
    fromYear,
    toYear,
    official.inputs,
    initial,
  );
  const simulatedHistory = runAssessments(rules, fromYear, toYear, simulatedInputs, initial);
  return {
    overrides,
    rules,
    remeasured: remeasure,
    official: officialHistory,
    simulated: simulatedHistory,
    comparison: compareCaseHistories(officialHistory, simulatedHistory),
    names,
    files: official.files,
  };
}

export interface MeasureSimulationRequest {
  readonly overrides: readonly RuleOverride[];
  readonly load: LoadSource;
  readonly from: YearMonth;
  readonly to: YearMonth;
  /** The folder the simulated files are written to (never one of official results). */
  readonly out: string;
  readonly workers?: number | undefined;
}

export interface MeasureSimulation {
  readonly overrides: readonly RuleOverride[];
  readonly rules: RuleBook;
  readonly loadId: string;
  readonly official: MeasureRunResult;
  readonly simulated: MeasureRunResult;
  /** Which figures of which files change. */
  readonly comparison: MeasureComparison;
  readonly files: readonly WrittenFile[];
}

/**
 * The measures of a load under the rules in force and with the overrides
 * (measurement rules only), compared; the simulated files are written to
 * `out` with what changed (`writeMeasureSimulation`).
 */
export async function simulateMeasures(
  request: MeasureSimulationRequest,
): Promise<MeasureSimulation> {
  const rules = withOverrides(OFFICIAL_RULES, request.overrides);
  refuseOverridesOutside(rules, request.overrides, ['measurement'], 'målingerne');
  await refuseOfficialMeasureFolder(request.out, request.load.dataDirectory);
  return withLoad(request.load, async (load) => {
    const options = {
      from: request.from,
      to: request.to,
      ...(request.workers === undefined ? {} : { workers: request.workers }),
    };
    const official = await measureOpenedLoad(load, { ...options, rules: OFFICIAL_RULES });
    const simulated = await measureOpenedLoad(load, { ...options, rules });
    const comparison = compareMeasureTables(measureTables(official), measureTables(simulated));
    const files = await writeFolderTogether(request.out, (folder) =>
      writeMeasureSimulation(
        folder,
        { overrides: request.overrides, rules, simulated, comparison },
        { loadId: load.id, loadFolder: load.folder },
      ),
    );
    return {
      overrides: request.overrides,
      rules,
      loadId: load.id,
      official,
      simulated,
      comparison,
      files,
    };
  });
}

/** A CSV field, quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | undefined): string {
  const text = value ?? '';
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes a measure simulation to `folder` (checked with
 * `refuseOfficialMeasureFolder` first): the simulated measure files with
 * their `measure_run.json` (which names the overrides), `simulation_changes.csv`
 * (every figure that differs from the rules in force: file, key, column,
 * official, simulated) and `SIMULERING.txt` (the overrides and the summary).
 */
export async function writeMeasureSimulation(
  folder: string,
  simulation: Pick<MeasureSimulation, 'overrides' | 'rules' | 'simulated' | 'comparison'>,
  record: MeasureRunRecord,
): Promise<WrittenFile[]> {
  const written = await writeMeasures(folder, simulation.simulated, record);
  const changes = simulation.comparison.cells.map((cell) =>
    [cell.file, cell.key, cell.column, cell.official, cell.simulated].map(csvField).join(','),
  );
  await writeFileAtomic(
    join(folder, 'simulation_changes.csv'),
    `file,key,column,official,simulated\n${changes.map((line) => `${line}\n`).join('')}`,
  );
  await writeFileAtomic(
    join(folder, SIMULATION_MARKER_FILE),
    measureSimulationText(simulation.rules, simulation.overrides, simulation.comparison),
  );
  return [
    ...written,
    { name: 'simulation_changes.csv', rows: changes.length },
    { name: SIMULATION_MARKER_FILE, rows: 1 },
  ];
}
