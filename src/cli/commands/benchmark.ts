/**
 * `tilsyn benchmark --year Y [--half 1|2] …`: the result goal's half of the
 * assessment — the benchmark model of the expected benefit rate, official
 * figures when given, the ranked list, clusters and benchmark measures —
 * and optionally the expected rates as an `expected_rates` file for
 * `tilsyn assess --rates`.
 */
import { calendarYear, halfYear } from '../../core/benchmark/benchmark-period.js';
import { DEFAULT_CLUSTER_COUNT } from '../../core/benchmark/clusters.js';
import { parseYearMonth } from '../../core/calendar/year-month.js';
import { UsageError } from '../../files/usage-error.js';
import { benchmarkPeriod } from '../../pipeline/benchmark.js';
import { benchmarkReportJson } from '../../reports/benchmark-report-json.js';
import { formatBenchmarkReport } from '../../reports/benchmark-report-text.js';
import { flag, optionalInteger, optionalString, requiredYear } from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION } from '../data-directory.js';
import { loadSource } from '../load-argument.js';

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
    const month = monthText === undefined ? undefined : parseYearMonth(monthText);
    if (monthText !== undefined && month === undefined) {
      throw new UsageError(`--month skal være en måned på formen ÅÅÅÅ-MM, ikke "${monthText}"`);
    }

    const { report, notes, nameOf } = await benchmarkPeriod({
      period,
      cwd: io.cwd,
      ...(load === undefined ? {} : { load: loadSource(args, io) }),
      ...(frameworkFile === undefined ? {} : { framework: frameworkFile }),
      ...(actualFile === undefined ? {} : { actual: actualFile }),
      ...(officialFile === undefined ? {} : { official: officialFile }),
      ...(measuresFile === undefined ? {} : { measures: measuresFile }),
      ...(month === undefined ? {} : { month }),
      ...(covariates === undefined ? {} : { covariates }),
      clusterCount,
      ...(out === undefined ? {} : { out }),
    });
    io.stdout(
      flag(args, 'json')
        ? `${JSON.stringify(benchmarkReportJson(report, nameOf, notes), null, 2)}\n`
        : formatBenchmarkReport(report, nameOf, notes) +
            (out === undefined ? '' : `Forventede ydelsesgrader skrevet til ${out}\n`),
    );
    return EXIT_OK;
  },
};
