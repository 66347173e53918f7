/**
 * `tilsyn benchmark --year Y [--half 1|2] …`: the result goal's half of the
 * assessment — the benchmark model of the expected benefit rate, official
 * figures when given, the ranked list, clusters and benchmark measures —
 * and optionally the expected rates as an `expected_rates` file for
 * `tilsyn assess --rates` (or, with `--excel`, as CSV for Excel).
 */
import { DEFAULT_CLUSTER_COUNT } from '../../core/benchmark/clusters.js';
import { UsageError } from '../../files/usage-error.js';
import { benchmarkPeriod } from '../../pipeline/benchmark.js';
import { benchmarkReportJson } from '../../reports/benchmark-report-json.js';
import { formatBenchmarkReport } from '../../reports/benchmark-report-text.js';
import { machineTableForExcel } from '../../reports/csv/machine-table-for-excel.js';
import { expectedRatesTable } from '../../reports/write-expected-rates.js';
import { flag, optionalString } from '../arguments.js';
import { BENCHMARK_SOURCE_OPTIONS, benchmarkRequestOf } from '../benchmark-arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP } from '../data-directory.js';
import { checkOutOption, writeOutputFile } from '../output.js';

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
  --excel            skriv --out som CSV til Excel (semikolon, decimalkomma,
                     UTF-8 med BOM, danske overskrifter og kommunenavne) i
                     stedet for expected_rates-formatet
  --force            overskriv --out, hvis filen findes
  --json             skriv rapporten som JSON
${DATA_DIRECTORY_HELP}
  --help             vis denne hjælp`,
  options: {
    ...BENCHMARK_SOURCE_OPTIONS,
    out: { type: 'string' },
    excel: { type: 'boolean' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const out = optionalString(args, 'out');
    const excel = flag(args, 'excel');
    if (excel && out === undefined)
      throw new UsageError('--excel skriver --out som CSV til Excel: angiv --out FIL');
    await checkOutOption(args, io, ['framework', 'actual', 'official', 'measures', 'load']);
    const { report, notes, nameOf } = await benchmarkPeriod(
      benchmarkRequestOf(args, io, excel ? undefined : out),
    );
    if (excel)
      await writeOutputFile(
        args,
        io,
        machineTableForExcel(expectedRatesTable(report.rates), nameOf),
      );
    io.stdout(
      flag(args, 'json')
        ? `${JSON.stringify(benchmarkReportJson(report, nameOf, notes), null, 2)}\n`
        : formatBenchmarkReport(report, nameOf, notes) +
            (out === undefined ? '' : `Forventede ydelsesgrader skrevet til ${out}\n`),
    );
    return EXIT_OK;
  },
};
