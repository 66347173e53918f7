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
import type { AssessmentInputs, MissingInput } from '../core/assessment/assessment-inputs.js';
import { missingAssessmentInputs } from '../core/assessment/assessment-inputs.js';
import type { CaseState } from '../core/assessment/case-state.js';
import type { ExpectedRate } from '../core/benchmark/expected-rates.js';
import type { YearMonth } from '../core/calendar/year-month.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
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
import type { OpenedLoad } from '../loading/load-catalog.js';
import {
  compareMeasureTables,
  type MeasureComparison,
} from '../measuring/compare-measure-tables.js';
import { runMeasures, type MeasureRunResult } from '../measuring/run-measures.js';
import {
  measureTables,
  writeMeasures,
  type MeasureRunRecord,
  type WrittenFile,
} from '../measuring/write-measures.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { join } from 'node:path';
import { measureSimulationText } from '../reports/simulation-report.js';
import { SIMULATION_MARKER_FILE } from './simulation-output.js';
import { assessmentInputsOfLoad } from './assessment-inputs-of-load.js';

/** Where the assessment's inputs come from. */
export type SimulationSource =
  | { readonly kind: 'files'; readonly inputs: AssessmentInputs }
  | {
      readonly kind: 'load';
      readonly load: OpenedLoad;
      readonly municipalities: readonly MunicipalityCode[];
      /** Official expected rates, when given; otherwise the benchmark model per year. */
      readonly official?: readonly ExpectedRate[];
      readonly workers?: number;
    };

export interface AssessmentSimulationRequest {
  /** The overrides, read against the official rules (`parseRuleOverrides(OFFICIAL_RULES, …)`). */
  readonly overrides: readonly RuleOverride[];
  readonly fromYear: number;
  readonly toYear: number;
  readonly initialStates?: ReadonlyMap<MunicipalityCode, CaseState>;
  readonly source: SimulationSource;
  /** Refuses inputs that lack something under one of the two books (the shell names the files). */
  readonly refuseMissing: (missing: readonly MissingInput[]) => void;
}

export interface AssessmentSimulation {
  readonly overrides: readonly RuleOverride[];
  /** The simulated rules: the official ones with the overrides. */
  readonly rules: RuleBook;
  /** Whether the load was measured again under the simulated rules. */
  readonly remeasured: boolean;
  readonly official: CaseHistory;
  readonly simulated: CaseHistory;
  readonly comparison: HistoryComparison;
}

function checkInputs(
  request: AssessmentSimulationRequest,
  rules: RuleBook,
  inputs: AssessmentInputs,
) {
  for (let year = request.fromYear; year <= request.toYear; year += 1)
    request.refuseMissing(missingAssessmentInputs(rules, inputs, year));
}

/** The assessments `fromYear` … `toYear` under the rules in force and with the overrides, compared. */
export async function simulateAssessments(
  request: AssessmentSimulationRequest,
): Promise<AssessmentSimulation> {
  const { overrides, fromYear, toYear, source } = request;
  const rules = withOverrides(OFFICIAL_RULES, overrides);
  refuseOverridesOutside(
    rules,
    overrides,
    ['measurement', 'assessment', 'lifecycle'],
    'den årlige opgørelse',
  );
  const remeasure = measurementOverrides(rules, overrides).length > 0;
  let officialInputs: AssessmentInputs;
  let simulatedInputs: AssessmentInputs;
  if (source.kind === 'files') {
    refuseMeasurementOverridesWithoutData(rules, overrides);
    officialInputs = source.inputs;
    simulatedInputs = source.inputs;
  } else {
    const ofLoad = (book: RuleBook) =>
      assessmentInputsOfLoad({
        load: source.load,
        fromYear,
        toYear,
        municipalities: source.municipalities,
        rules: book,
        ...(source.official === undefined ? {} : { official: source.official }),
        ...(source.workers === undefined ? {} : { workers: source.workers }),
      });
    officialInputs = (await ofLoad(OFFICIAL_RULES)).inputs;
    simulatedInputs = remeasure ? (await ofLoad(rules)).inputs : officialInputs;
  }
  checkInputs(request, OFFICIAL_RULES, officialInputs);
  checkInputs(request, rules, simulatedInputs);
  const initial = request.initialStates ?? new Map<MunicipalityCode, CaseState>();
  const official = runAssessments(OFFICIAL_RULES, fromYear, toYear, officialInputs, initial);
  const simulated = runAssessments(rules, fromYear, toYear, simulatedInputs, initial);
  return {
    overrides,
    rules,
    remeasured: source.kind === 'load' && remeasure,
    official,
    simulated,
    comparison: compareCaseHistories(official, simulated),
  };
}

export interface MeasureSimulationRequest {
  readonly overrides: readonly RuleOverride[];
  readonly folder: string;
  readonly from: YearMonth;
  readonly to: YearMonth;
  readonly workers?: number;
}

export interface MeasureSimulation {
  readonly overrides: readonly RuleOverride[];
  readonly rules: RuleBook;
  readonly official: MeasureRunResult;
  readonly simulated: MeasureRunResult;
  /** Which figures of which files change. */
  readonly comparison: MeasureComparison;
}

/** The measures of a load under the rules in force and with the overrides (measurement rules only), compared. */
export async function simulateMeasures(
  request: MeasureSimulationRequest,
): Promise<MeasureSimulation> {
  const rules = withOverrides(OFFICIAL_RULES, request.overrides);
  refuseOverridesOutside(rules, request.overrides, ['measurement'], 'målingerne');
  const options = {
    folder: request.folder,
    from: request.from,
    to: request.to,
    ...(request.workers === undefined ? {} : { workers: request.workers }),
  };
  const official = await runMeasures({ ...options, rules: OFFICIAL_RULES });
  const simulated = await runMeasures({ ...options, rules });
  return {
    overrides: request.overrides,
    rules,
    official,
    simulated,
    comparison: compareMeasureTables(measureTables(official), measureTables(simulated)),
  };
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
  simulation: MeasureSimulation,
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
