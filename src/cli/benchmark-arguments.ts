/**
 * The sources of the benchmark report on the command line, shared by
 * `tilsyn benchmark` (text, JSON, the expected_rates file) and
 * `tilsyn report benchmark` (PDF, Excel, JSON): the model of the expected
 * benefit rate, official figures when given, the ranked list, clusters and
 * benchmark measures.
 */
import { resolve } from 'node:path';
import {
  assembleBenchmarkInput,
  clusterObservationsOf,
} from '../benchmark-io/assemble-benchmark-input.js';
import { readActualBenefitRates } from '../benchmark-io/read-actual-benefit-rates.js';
import {
  actualRatesOfRun,
  frameworkConditionsOfLoad,
  monthsOfPeriod,
} from '../benchmark-io/read-load-benchmark-inputs.js';
import { benchmarkRecordsOf } from '../measuring/measure-results.js';
import { runMeasures } from '../measuring/run-measures.js';
import {
  benchmarkMeasureValuesOf,
  readBenchmarkMeasures,
} from '../benchmark-io/read-benchmark-measures.js';
import {
  readFrameworkConditions,
  type FrameworkConditions,
} from '../benchmark-io/read-framework-conditions.js';
import { readOfficialFigures } from '../benchmark-io/read-official-figures.js';
import { fitBenchmarkModel, type BenchmarkModelInput } from '../core/benchmark/benchmark-model.js';
import type { BenchmarkMeasureValues } from '../core/benchmark/benchmark-measures.js';
import {
  calendarYear,
  halfYear,
  quarterOfQuarter,
  yearOfQuarter,
  type BenchmarkPeriod,
} from '../core/benchmark/benchmark-period.js';
import { buildBenchmarkReport, type BenchmarkReport } from '../core/benchmark/benchmark-report.js';
import type { ExpectedRate } from '../core/benchmark/expected-rates.js';
import type { Municipality } from '../core/domain/municipality.js';
import {
  clusterMunicipalities,
  DEFAULT_CLUSTER_COUNT,
  type ClusterObservation,
} from '../core/benchmark/clusters.js';
import {
  expectedRatesForAssessment,
  expectedRatesForPeriod,
} from '../core/benchmark/expected-rates-for-assessment.js';
import { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import { parseYearMonth, yearMonthOf, type YearMonth } from '../core/calendar/year-month.js';
import { InputError } from '../files/input-error.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { optionalInteger, optionalString, requiredYear } from './arguments.js';
import type { CommandIo, OptionsConfig, ParsedArguments } from './command.js';
import { DATA_DIRECTORY_OPTION, dataDirectory } from './data-directory.js';
import { openLoadArgument } from './load-argument.js';
import { UsageError } from './usage-error.js';

export const BENCHMARK_SOURCE_OPTIONS: OptionsConfig = {
  ...DATA_DIRECTORY_OPTION,
  year: { type: 'string' },
  half: { type: 'string' },
  load: { type: 'string' },
  framework: { type: 'string' },
  actual: { type: 'string' },
  official: { type: 'string' },
  covariates: { type: 'string' },
  clusters: { type: 'string' },
  measures: { type: 'string' },
  month: { type: 'string' },
};

export interface BenchmarkFromArguments {
  readonly report: BenchmarkReport;
  readonly notes: readonly string[];
  /** The expected rates chosen for the period. */
  readonly rates: readonly ExpectedRate[];
  readonly municipalities: readonly Municipality[];
  readonly nameOf: (code: number) => string;
}

/**
 * The benchmark report from the command line's sources (`--load`,
 * `--framework`/`--actual`, `--official`, `--measures`): shared by
 * `tilsyn benchmark` and `tilsyn report benchmark`.
 */
export async function benchmarkFromArguments(
  args: ParsedArguments,
  io: CommandIo,
): Promise<BenchmarkFromArguments> {
  const year = requiredYear(args, 'year');
  const half = optionalInteger(args, 'half');
  if (half !== undefined && half !== 1 && half !== 2) {
    throw new UsageError(`--half skal være 1 eller 2, ikke ${half}`);
  }
  const period = half === undefined ? calendarYear(year) : halfYear(year, half);
  const load = optionalString(args, 'load');
  const frameworkFile = optionalString(args, 'framework');
  const actualFile = optionalString(args, 'actual');
  const officialFile = optionalString(args, 'official');
  const measuresFile = optionalString(args, 'measures');
  if (load !== undefined && (frameworkFile !== undefined || actualFile !== undefined)) {
    throw new UsageError('--load kan ikke kombineres med --framework og --actual');
  }
  if (actualFile !== undefined && frameworkFile === undefined) {
    throw new UsageError('--actual kræver --framework (rammevilkårene for samme år)');
  }
  if (frameworkFile !== undefined && actualFile === undefined && officialFile === undefined) {
    throw new UsageError(
      '--framework kræver --actual (eller --official; så bruges rammevilkårene kun til klynger)',
    );
  }
  if (load === undefined && frameworkFile === undefined && officialFile === undefined) {
    throw new UsageError('angiv en kilde: --framework og --actual, --official eller --load');
  }
  const clusterCount = optionalInteger(args, 'clusters') ?? DEFAULT_CLUSTER_COUNT;
  if (clusterCount < 1 || clusterCount > 98) {
    throw new UsageError(`--clusters skal være mellem 1 og 98, ikke ${clusterCount}`);
  }
  const covariates = optionalString(args, 'covariates')
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const monthText = optionalString(args, 'month');
  const month = monthText === undefined ? lastMonthOf(period) : parseYearMonth(monthText);
  if (month === undefined) {
    throw new UsageError(`--month skal være en måned på formen ÅÅÅÅ-MM, ikke "${monthText ?? ''}"`);
  }

  const municipalities = await readMunicipalities();
  const codes = new Set(municipalities.map((m) => m.code));
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  const nameOf = (code: number) => names.get(code) ?? String(code);
  const matcher = new MunicipalityNameMatcher(municipalities);
  const notes: string[] = [];
  const path = (file: string) => resolve(io.cwd, file);

  let modelInput: BenchmarkModelInput | undefined;
  let framework: FrameworkConditions | undefined;
  let loadMeasures: readonly BenchmarkMeasureValues[] | undefined;
  if (load !== undefined) {
    const opened = await openLoadArgument(load, dataDirectory(args, io), io);
    try {
      const run = await runMeasures({ folder: opened.load.folder, ...monthsOfPeriod(period) });
      framework = await frameworkConditionsOfLoad(opened.load);
      modelInput = assembleBenchmarkInput(
        period,
        framework,
        actualRatesOfRun(run, opened.load.id),
        covariates,
      );
      loadMeasures = benchmarkMeasureValuesOf(
        benchmarkRecordsOf(run),
        run.context.benchmark.exitHorizonsMonths,
        run.context.benchmark.passiveLookbackDays,
      );
    } finally {
      await opened.release();
    }
  }
  if (frameworkFile !== undefined) {
    framework = await readFrameworkConditions(path(frameworkFile), frameworkFile, codes);
  }
  if (framework && actualFile !== undefined) {
    const actual = await readActualBenefitRates(path(actualFile), actualFile, codes);
    modelInput = assembleBenchmarkInput(period, framework, actual, covariates);
  }
  const model = modelInput ? fitBenchmarkModel(modelInput) : undefined;
  if (model && model.municipalities < codes.size) {
    notes.push(
      `modellen er estimeret på ${model.municipalities} kommuner, ikke alle ${codes.size}`,
    );
  }

  const official =
    officialFile === undefined
      ? undefined
      : await readOfficialFigures(path(officialFile), officialFile, codes, matcher);
  if (official) notes.push(...official.notes);
  const chosen =
    half === undefined
      ? expectedRatesForAssessment(year, official?.rates, model?.expectedRates)
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
    (framework ? clusterObservationsOf(framework, year, covariates) : undefined);
  const clustering = clusterInput
    ? clusterMunicipalities({
        covariates: modelInput?.covariates ?? covariates ?? framework?.covariates ?? [],
        observations: clusterInput,
        clusterCount,
      })
    : undefined;

  const measures =
    measuresFile !== undefined
      ? selectMonth(
          await readBenchmarkMeasures(path(measuresFile), measuresFile, codes),
          month,
          measuresFile,
        )
      : loadMeasures === undefined
        ? []
        : selectMonth(loadMeasures, month, `indlæsning ${load ?? ''}`);

  const report = buildBenchmarkReport({
    period,
    source: chosen.source,
    rates: chosen.rates,
    model,
    clustering,
    measures,
  });
  return { report, notes, rates: chosen.rates, municipalities, nameOf };
}

/** The last month of the period: December for a year, June or December for a half. */
function lastMonthOf(period: BenchmarkPeriod): YearMonth {
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
