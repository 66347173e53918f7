/**
 * `tilsyn benchmark --year Y [--half 1|2] …`: the result goal's half of the
 * assessment — the benchmark model of the expected benefit rate, official
 * figures when given, the ranked list, clusters and benchmark measures —
 * and optionally the expected rates as an `expected_rates` file for
 * `tilsyn assess --rates` (or, with `--excel`, as CSV for Excel).
 */
import { DEFAULT_CLUSTER_COUNT } from '../../core/benchmark/clusters.js';
import { UsageError } from '../../files/usage-error.js';
import { benchmarkPeriod, benchmarkYears } from '../../pipeline/benchmark.js';
import { benchmarkReportJson } from '../../reports/benchmark-report-json.js';
import {
  formatBenchmarkReport,
  formatBenchmarkYears,
} from '../../reports/benchmark-report-text.js';
import { machineTableForExcel } from '../../reports/csv/machine-table-for-excel.js';
import { expectedRatesTable } from '../../reports/write-expected-rates.js';
import { flag, optionalString, requiredYear } from '../arguments.js';
import {
  BENCHMARK_SOURCE_OPTIONS,
  benchmarkRequestOf,
  benchmarkSourceOf,
} from '../benchmark-arguments.js';
import { EXIT_OK, type Command, type CommandIo, type ParsedArguments } from '../command.js';
import { DATA_DIRECTORY_HELP } from '../data-directory.js';
import { checkOutOption, writeOutputFile } from '../output.js';

/** What the benchmark reads. */
const BENCHMARK_INPUTS = ['framework', 'actual', 'official', 'measures', 'load'] as const;

export const benchmarkCommand: Command = {
  name: 'benchmark',
  summary: 'Benchmarkmodel, forventede ydelsesgrader, rangliste, klynger og benchmarkmålinger',
  help: `Brug: tilsyn benchmark --year ÅÅÅÅ [--half 1|2] KILDER [tilvalg]
       tilsyn benchmark --from ÅÅÅÅ --to ÅÅÅÅ KILDER --out FIL [--force]

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
  --from ÅÅÅÅ, --to ÅÅÅÅ
                     alle kalenderår fra --from til --to: skriv deres
                     forventede ydelsesgrader i én expected_rates-fil (--out),
                     som tilsyn assess --from … --to … --rates læser
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
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    excel: { type: 'boolean' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    if (args.values['from'] !== undefined || args.values['to'] !== undefined)
      return benchmarkSpan(args, io);
    const out = optionalString(args, 'out');
    const excel = flag(args, 'excel');
    if (excel && out === undefined)
      throw new UsageError('--excel skriver --out som CSV til Excel: angiv --out FIL');
    await checkOutOption(args, io, BENCHMARK_INPUTS);
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

/** `--from … --to … --out FILE`: the expected rates of every year of the span in one file. */
async function benchmarkSpan(args: ParsedArguments, io: CommandIo): Promise<number> {
  for (const option of ['year', 'half', 'excel', 'json'])
    if (args.values[option] !== undefined)
      throw new UsageError(
        `--from og --to skriver en expected_rates-fil og kan ikke bruges med --${option}`,
      );
  const fromYear = requiredYear(args, 'from');
  const toYear = requiredYear(args, 'to');
  if (toYear < fromYear) throw new UsageError(`--to (${toYear}) ligger før --from (${fromYear})`);
  const out = optionalString(args, 'out');
  if (out === undefined)
    throw new UsageError(
      '--from og --to skriver de forventede ydelsesgrader til en fil: angiv --out FIL',
    );
  await checkOutOption(args, io, BENCHMARK_INPUTS);
  const { years } = await benchmarkYears(benchmarkSourceOf(args, io), fromYear, toYear, out);
  io.stdout(
    formatBenchmarkYears(
      years.map(({ year, result }) => ({ year, report: result.report, notes: result.notes })),
      out,
    ),
  );
  return EXIT_OK;
}
