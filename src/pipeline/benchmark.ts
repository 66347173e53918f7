/**
 * The result goal's half of the assessment for one period: the benchmark
 * model of the expected benefit rate (fitted on framework conditions and
 * actual rates from files or from a load), official figures when given, the
 * ranked list, clusters and the benchmark measures — and optionally the
 * expected rates written as an `expected_rates` file for the assessment.
 */
import { resolve } from 'node:path';
import { fitBenchmarkModel, type BenchmarkModelInput } from '../core/benchmark/benchmark-model.js';
import type { BenchmarkMeasureValues } from '../core/benchmark/benchmark-measures.js';
import {
  calendarYear,
  endYear,
  isCalendarYear,
  quarterOfQuarter,
  yearOfQuarter,
  type BenchmarkPeriod,
} from '../core/benchmark/benchmark-period.js';
import { buildBenchmarkReport, type BenchmarkReport } from '../core/benchmark/benchmark-report.js';
import { clusterMunicipalities, type ClusterObservation } from '../core/benchmark/clusters.js';
import {
  expectedRatesForAssessment,
  expectedRatesForPeriod,
} from '../core/benchmark/expected-rates-for-assessment.js';
import { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import { yearMonthOf, type YearMonth } from '../core/calendar/year-month.js';
import { InputError } from '../files/input-error.js';
import {
  assembleBenchmarkInput,
  clusterObservationsOf,
} from '../inputs/assemble-benchmark-input.js';
import { readActualBenefitRates } from '../inputs/read-actual-benefit-rates.js';
import { readBenchmarkMeasures } from '../inputs/read-benchmark-measures.js';
import {
  readFrameworkConditions,
  type FrameworkConditions,
} from '../inputs/read-framework-conditions.js';
import { readOfficialFigures } from '../inputs/read-official-figures.js';
import { benchmarkMeasureValuesOf, benchmarkRecordsOf } from '../measuring/measure-results.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { writeExpectedRates } from '../reports/write-expected-rates.js';
import {
  actualRatesOfRun,
  frameworkConditionsOfLoad,
  monthsOfPeriod,
} from './benchmark-inputs-of-load.js';
import { measureOpenedLoad, withLoad, type LoadSource } from './open-load.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';

export interface BenchmarkRequest {
  readonly period: BenchmarkPeriod;
  /** The folder relative file names are read from. */
  readonly cwd: string;
  /** A load: its framework conditions, and the actual rates and benchmark measures measured from it. */
  readonly load?: LoadSource;
  /** framework_conditions file. */
  readonly framework?: string;
  /** Actual benefit rates file (`benefit_rates.csv` of `tilsyn measure`); needs `framework`. */
  readonly actual?: string;
  /** Official figures: a Y30R21 export or an expected_rates file. */
  readonly official?: string;
  /** benchmark_measures file to rank (else the load's, when there is a load). */
  readonly measures?: string;
  /** The month of the benchmark measures (default: the period's last month). */
  readonly month?: YearMonth;
  /** Only these covariates in the model and the clusters. */
  readonly covariates?: readonly string[];
  readonly clusterCount: number;
  /** Where to write the expected rates as an expected_rates file (whole years only). */
  readonly out?: string;
}

export interface BenchmarkResult {
  readonly report: BenchmarkReport;
  /** What was skipped or assumed, in Danish. */
  readonly notes: readonly string[];
  readonly nameOf: (code: number) => string;
}

export async function benchmarkPeriod(request: BenchmarkRequest): Promise<BenchmarkResult> {
  const { period, covariates } = request;
  const month = request.month ?? lastMonthOf(period);
  const municipalities = await readMunicipalities();
  const codes = new Set(municipalities.map((m) => m.code));
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  const nameOf = (code: number) => names.get(code) ?? String(code);
  const matcher = new MunicipalityNameMatcher(municipalities);
  const notes: string[] = [];
  const path = (file: string) => resolve(request.cwd, file);

  let modelInput: BenchmarkModelInput | undefined;
  let framework: FrameworkConditions | undefined;
  let loadMeasures: readonly BenchmarkMeasureValues[] | undefined;
  if (request.load !== undefined) {
    const fromLoad = await benchmarkInputsOfLoad(request.load, period, covariates);
    ({ framework, modelInput, measures: loadMeasures } = fromLoad);
  }
  if (request.framework !== undefined) {
    framework = await readFrameworkConditions(path(request.framework), request.framework, codes);
  }
  if (framework && request.actual !== undefined) {
    const actual = await readActualBenefitRates(path(request.actual), request.actual, codes);
    modelInput = assembleBenchmarkInput(period, framework, actual, covariates);
  }
  const model = modelInput ? fitBenchmarkModel(modelInput) : undefined;
  if (model && model.municipalities < codes.size) {
    notes.push(
      `modellen er estimeret på ${model.municipalities} kommuner, ikke alle ${codes.size}`,
    );
  }

  const official =
    request.official === undefined
      ? undefined
      : await readOfficialFigures(path(request.official), request.official, codes, matcher);
  if (official) notes.push(...official.notes);
  const chosen = isCalendarYear(period)
    ? expectedRatesForAssessment(endYear(period), official?.rates, model?.expectedRates)
    : expectedRatesForPeriod(period, official?.rates, model?.expectedRates);
  if (official && model) {
    notes.push(
      'modellen er estimeret til sammenligning; de officielle tal bruges som forventede ydelsesgrader',
    );
  }
  const covered = new Set(chosen.rates.map((rate) => rate.municipality));
  const missing = municipalities.filter((m) => !covered.has(m.code));
  if (missing.length > 0) {
    notes.push(
      `der mangler forventede ydelsesgrader for: ${missing.map((m) => m.name).join(', ')}`,
    );
  }

  const clusterInput: readonly ClusterObservation[] | undefined =
    modelInput?.observations ??
    (framework ? clusterObservationsOf(framework, endYear(period), covariates) : undefined);
  const clustering = clusterInput
    ? clusterMunicipalities({
        covariates: modelInput?.covariates ?? covariates ?? framework?.covariates ?? [],
        observations: clusterInput,
        clusterCount: request.clusterCount,
      })
    : undefined;

  const measures =
    request.measures !== undefined
      ? selectMonth(
          await readBenchmarkMeasures(path(request.measures), request.measures, codes),
          month,
          request.measures,
        )
      : loadMeasures === undefined
        ? []
        : selectMonth(loadMeasures, month, `indlæsning ${request.load?.value ?? ''}`);

  const report = buildBenchmarkReport({
    period,
    source: chosen.source,
    rates: chosen.rates,
    model,
    clustering,
    measures,
  });
  if (request.out !== undefined) await writeExpectedRates(path(request.out), chosen.rates);
  return { report, notes, nameOf };
}

export interface BenchmarkYearsResult {
  /** Each year's report and notes, in order. */
  readonly years: readonly { readonly year: number; readonly result: BenchmarkResult }[];
  readonly nameOf: (code: number) => string;
}

/**
 * The expected rates of the calendar years `fromYear` … `toYear` (each as
 * `benchmarkPeriod` gives them), written together to `out` as one
 * expected_rates file: what `tilsyn assess --from … --to … --rates` reads.
 */
export async function benchmarkYears(
  request: Omit<BenchmarkRequest, 'period' | 'out'>,
  fromYear: number,
  toYear: number,
  out: string,
): Promise<BenchmarkYearsResult> {
  const years: { year: number; result: BenchmarkResult }[] = [];
  for (let year = fromYear; year <= toYear; year += 1)
    years.push({ year, result: await benchmarkPeriod({ ...request, period: calendarYear(year) }) });
  await writeExpectedRates(
    resolve(request.cwd, out),
    years.flatMap(({ result }) => result.report.rates),
  );
  return { years, nameOf: years[0]?.result.nameOf ?? String };
}

/** The model input, framework conditions and benchmark measures of a load for `period`. */
async function benchmarkInputsOfLoad(
  source: LoadSource,
  period: BenchmarkPeriod,
  covariates: readonly string[] | undefined,
): Promise<{
  framework: FrameworkConditions;
  modelInput: BenchmarkModelInput;
  measures: readonly BenchmarkMeasureValues[];
}> {
  return withLoad(source, async (load) => {
    const run = await measureOpenedLoad(load, {
      ...monthsOfPeriod(period),
      rules: OFFICIAL_RULES,
    });
    const framework = await frameworkConditionsOfLoad(load);
    const modelInput = assembleBenchmarkInput(
      period,
      framework,
      actualRatesOfRun(run, load.id),
      covariates,
    );
    const measures = benchmarkMeasureValuesOf(
      benchmarkRecordsOf(run),
      run.context.benchmark.exitHorizonsMonths,
      run.context.benchmark.passiveLookbackDays,
    );
    return { framework, modelInput, measures };
  });
}

/** The last month of the period: December for a year, June or December for a half. */
export function lastMonthOf(period: BenchmarkPeriod): YearMonth {
  return yearMonthOf(yearOfQuarter(period.lastQuarter), quarterOfQuarter(period.lastQuarter) * 3);
}

function selectMonth(
  groups: readonly BenchmarkMeasureValues[],
  month: YearMonth,
  file: string,
): BenchmarkMeasureValues[] {
  const selected = groups.filter((group) => group.month === month);
  if (selected.length === 0) {
    const months = [...new Set(groups.map((group) => group.month))].sort();
    throw new InputError({
      file,
      reason: `der er ingen benchmarkmålinger for ${month}; filen har ${months.length === 0 ? 'ingen måneder' : months.join(', ')} (vælg med --month)`,
    });
  }
  return selected;
}
