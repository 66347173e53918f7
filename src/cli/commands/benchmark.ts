/**
 * `tilsyn benchmark --year Y [--half 1|2] …`: the result goal's half of the
 * assessment — the benchmark model of the expected benefit rate, official
 * figures when given, the ranked list, clusters and benchmark measures —
 * and optionally the expected rates as an `expected_rates` file for
 * `tilsyn assess --rates`.
 */
import { resolve } from 'node:path';
import {
  assembleBenchmarkInput,
  clusterObservationsOf,
} from '../../inputs/assemble-benchmark-input.js';
import { readActualBenefitRates } from '../../inputs/read-actual-benefit-rates.js';
import {
  actualRatesOfRun,
  frameworkConditionsOfLoad,
  monthsOfPeriod,
} from '../../pipeline/benchmark-inputs-of-load.js';
import { benchmarkRecordsOf } from '../../measuring/measure-results.js';
import { runMeasures } from '../../measuring/run-measures.js';
import {
  benchmarkMeasureValuesOf,
  readBenchmarkMeasures,
} from '../../inputs/read-benchmark-measures.js';
import {
  readFrameworkConditions,
  type FrameworkConditions,
} from '../../inputs/read-framework-conditions.js';
import { readOfficialFigures } from '../../inputs/read-official-figures.js';
import { writeExpectedRates } from '../../reports/write-expected-rates.js';
import {
  fitBenchmarkModel,
  type BenchmarkModelInput,
} from '../../core/benchmark/benchmark-model.js';
import type { BenchmarkMeasureValues } from '../../core/benchmark/benchmark-measures.js';
import {
  calendarYear,
  halfYear,
  quarterOfQuarter,
  yearOfQuarter,
  type BenchmarkPeriod,
} from '../../core/benchmark/benchmark-period.js';
import { buildBenchmarkReport } from '../../core/benchmark/benchmark-report.js';
import {
  clusterMunicipalities,
  DEFAULT_CLUSTER_COUNT,
  type ClusterObservation,
} from '../../core/benchmark/clusters.js';
import {
  expectedRatesForAssessment,
  expectedRatesForPeriod,
} from '../../core/benchmark/expected-rates-for-assessment.js';
import { MunicipalityNameMatcher } from '../../core/benchmark/municipality-names.js';
import { parseYearMonth, yearMonthOf, type YearMonth } from '../../core/calendar/year-month.js';
import { InputError } from '../../files/input-error.js';
import { benchmarkReportJson } from '../../reports/benchmark-report-json.js';
import { formatBenchmarkReport } from '../../reports/benchmark-report-text.js';
import { readMunicipalities } from '../../reference/municipalities.js';
import { flag, optionalInteger, optionalString, requiredYear } from '../arguments.js';
import { EXIT_OK, type Command, type CommandIo } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION, dataDirectory } from '../data-directory.js';
import { openLoadArgument } from '../load-argument.js';
import { UsageError } from '../../files/usage-error.js';

export const benchmarkCommand: Command = {
  name: 'benchmark',
  summary: 'Benchmarkmodel, forventede ydelsesgrader, rangliste, klynger og benchmarkmålinger',
  help: `Brug: tilsyn benchmark --year ÅÅÅÅ [--half 1|2] KILDER [tilvalg]

Resultatmålet: forventet og faktisk ydelsesgrad (andel af de 16-66-årige på
offentlig forsørgelse, i fuldtidspersoner) for hver kommune, rangeret 1-98
(1 = længst under det forventede), med klynger af kommuner med lignende
rammevilkår og benchmarkmålingerne.

Den forventede ydelsesgrad kommer fra officielle tal (--official), når de er
angivet, og ellers fra projektets benchmarkmodel: en regression af den
faktiske ydelsesgrad på rammevilkårene, vægtet med indbyggere 16-66 år.

Kilder (mindst én):
  --framework FIL    rammevilkår (framework_conditions: municipality, year,
                     residents_16_66 og kovariater)
  --actual FIL       faktiske ydelsesgrader (benefit_rates.csv fra tilsyn
                     measure: municipality, period, full_time_persons, ...)
  --official FIL     officielle tal: Jobindsats-tabel Y30R21 (CSV-eksport)
                     eller en expected_rates-fil
  --load ID|MAPPE    en indlæsning: rammevilkårene gemt med den og de faktiske
                     ydelsesgrader og benchmarkmålinger, som beregnes af den
                     (et id, "current", en indlæsningsmappe eller en mappe
                     med rå datafiler)

Tilvalg:
  --year ÅÅÅÅ        året; den årlige opgørelse bruger kalenderåret (§ 2)
  --half 1|2         første eller andet halvår i stedet for hele året
  --covariates A,B   kun disse kovariater i modellen og klyngerne
  --clusters K       antal klynger (standard ${DEFAULT_CLUSTER_COUNT})
  --measures FIL     benchmarkmålinger der skal rangeres (benchmark_measures.csv
                     fra tilsyn measure); med --load beregnes de af indlæsningen
  --month ÅÅÅÅ-MM    måneden for benchmarkmålingerne (standard: periodens
                     sidste måned)
  --out FIL          skriv de forventede ydelsesgrader som expected_rates-fil
                     til tilsyn assess --rates (kun for hele år)
  --json             skriv rapporten som JSON
${DATA_DIRECTORY_HELP}
  --help             vis denne hjælp`,
  options: {
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
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
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
    const out = optionalString(args, 'out');
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
    if (out !== undefined && half !== undefined) {
      throw new UsageError(
        '--out skriver forventede ydelsesgrader for et kalenderår til den årlige opgørelse (§ 2) og kan ikke bruges med --half',
      );
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
      throw new UsageError(
        `--month skal være en måned på formen ÅÅÅÅ-MM, ikke "${monthText ?? ''}"`,
      );
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
    if (out !== undefined) await writeExpectedRates(path(out), chosen.rates);
    write(
      io,
      flag(args, 'json'),
      () => `${JSON.stringify(benchmarkReportJson(report, nameOf, notes), null, 2)}\n`,
      () =>
        formatBenchmarkReport(report, nameOf, notes) +
        (out === undefined ? '' : `Forventede ydelsesgrader skrevet til ${out}\n`),
    );
    return EXIT_OK;
  },
};

function write(io: CommandIo, json: boolean, asJson: () => string, asText: () => string): void {
  io.stdout(json ? asJson() : asText());
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
