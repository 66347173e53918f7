/**
 * `tilsyn generate --scale S --seed N --out DIR [--format csv|parquet]`: the
 * deterministic synthetic national data set (src/synthetic).
 */
import { checkOutputFolder } from '../../files/output-target.js';
import { dataDirectory } from '../data-directory.js';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import {
  monthIndex,
  parseYearMonth,
  yearMonth,
  type YearMonth,
} from '../../core/calendar/year-month.js';
import { formatDanishNumber } from '../../core/danish-format.js';
import {
  TooManyPersonsError,
  generateDataSet,
  isNonEmptyDirectory,
  type OutputFormat,
} from '../../synthetic/generate.js';
import {
  flag,
  optionalInteger,
  optionalString,
  requiredInteger,
  requiredString,
} from '../arguments.js';
import { EXIT_OK, type Command, type ParsedArguments } from '../command.js';
import { UsageError } from '../../files/usage-error.js';

const DEFAULT_FROM = yearMonth('2019-01');
const DEFAULT_TO = yearMonth('2025-12');
const MAXIMUM_SCALE = 10;
const MAXIMUM_SEED = 4_294_967_295;
const MAXIMUM_WORKERS = 16;

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Dan et syntetisk, landsdækkende datasæt (deterministisk ud fra seed og skala)',
  help: `Brug: tilsyn generate --scale S --seed N --out MAPPE [tilvalg]

Danner et syntetisk datasæt for alle 98 kommuner i formatet fra docs/data.md:
benefit_periods, conversations, offers, work_hours, exemptions,
framework_conditions og municipalities, samt generator.json med seed, skala,
periode og antal rækker. Samme seed og skala giver byte-identiske filer.
Filerne skrives i en midlertidig mappe og flyttes på plads til sidst.

Tilvalg:
  --scale S            skala: 1 ≈ hele landet (ca. 1 mio. personer om året),
                       0,01 til test (skal være større end 0 og højst ${MAXIMUM_SCALE})
  --seed N             seed for tilfældige tal (heltal 0–${MAXIMUM_SEED})
  --out MAPPE          hvor datasættet skrives
  --format csv|parquet filformat (standard: csv)
  --from ÅÅÅÅ-MM       første måned i perioden (standard: ${DEFAULT_FROM})
  --to ÅÅÅÅ-MM         sidste måned i perioden (standard: ${DEFAULT_TO})
  --cpr-ids            skriv CPR-lignende personnumre (10 cifre, gyldig
                       fødselsdato) i stedet for pseudonymer, til test af
                       indlæsningens CPR-håndtering
  --workers N          antal tråde (standard: ${defaultWorkers()})
  --force              erstat en mappe der ikke er tom
  --help               vis denne hjælp`,
  options: {
    scale: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'cpr-ids': { type: 'boolean' },
    workers: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(args, io) {
    const scale = readScale(args);
    const seed = requiredInteger(args, 'seed');
    if (seed < 0 || seed > MAXIMUM_SEED)
      throw new UsageError(`--seed skal være et heltal fra 0 til ${MAXIMUM_SEED}, ikke ${seed}`);
    const out = resolve(io.cwd, requiredString(args, 'out'));
    const format = readFormat(args);
    const firstMonth = readMonth(args, 'from', DEFAULT_FROM);
    const lastMonth = readMonth(args, 'to', DEFAULT_TO);
    if (monthIndex(lastMonth) < monthIndex(firstMonth))
      throw new UsageError(`--to (${lastMonth}) ligger før --from (${firstMonth})`);
    const workers = optionalInteger(args, 'workers') ?? defaultWorkers();
    if (workers < 1 || workers > MAXIMUM_WORKERS)
      throw new UsageError(
        `--workers skal være et heltal fra 1 til ${MAXIMUM_WORKERS}, ikke ${workers}`,
      );
    const force = flag(args, 'force');
    if (!force && isNonEmptyDirectory(out))
      throw new UsageError(`mappen ${out} er ikke tom; brug --force for at erstatte den`);
    await checkOutputFolder(out, { inputs: [], dataDirectory: dataDirectory(args, io), force });
    let summary;
    try {
      summary = await generateDataSet({
        seed,
        scale,
        outDirectory: out,
        format,
        cprIds: flag(args, 'cpr-ids'),
        firstMonth,
        lastMonth,
        workers,
        force,
        onUnitDone: (_result, done, total) => {
          if (done % 10 === 0 || done === total)
            io.stderr(`  … ${done} af ${total} kommuner dannet\n`);
        },
      });
    } catch (error) {
      if (error instanceof TooManyPersonsError)
        throw new UsageError(
          `skala ${formatDanishNumber(scale, 3)} og perioden ${firstMonth} – ${lastMonth} kræver ${formatDanishNumber(error.needed)} personnumre, men der er højst ${formatDanishNumber(error.maximum)}; vælg en mindre skala eller en kortere periode`,
        );
      throw error;
    }
    const lines = Object.entries(summary.rows).map(
      ([table, rows]) =>
        `  ${`${table}.${format}`.padEnd(30)} ${formatDanishNumber(rows).padStart(12)} ${rows === 1 ? 'række' : 'rækker'}`,
    );
    io.stdout(
      [
        `Syntetisk datasæt skrevet til ${summary.directory}`,
        `  seed ${seed}, skala ${formatDanishNumber(scale, scale < 1 ? 3 : 1)}, ${firstMonth} – ${lastMonth}, ${format}`,
        ...lines,
        `  ${'personer'.padEnd(30)} ${formatDanishNumber(summary.persons).padStart(12)}`,
        '',
      ].join('\n'),
    );
    return EXIT_OK;
  },
};

function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

function readScale(args: ParsedArguments): number {
  const text = requiredString(args, 'scale');
  const value = Number(text.replace(',', '.'));
  if (
    !/^\d*[.,]?\d+$/.test(text.trim()) ||
    !Number.isFinite(value) ||
    value <= 0 ||
    value > MAXIMUM_SCALE
  )
    throw new UsageError(
      `--scale skal være et tal større end 0 og højst ${MAXIMUM_SCALE} (1 ≈ hele landet), ikke "${text}"`,
    );
  return value;
}

function readFormat(args: ParsedArguments): OutputFormat {
  const text = optionalString(args, 'format') ?? 'csv';
  if (text !== 'csv' && text !== 'parquet')
    throw new UsageError(`--format skal være csv eller parquet, ikke "${text}"`);
  return text;
}

function readMonth(args: ParsedArguments, name: string, fallback: YearMonth): YearMonth {
  const text = optionalString(args, name);
  if (text === undefined) return fallback;
  const month = parseYearMonth(text);
  if (!month)
    throw new UsageError(`--${name} skal være en måned på formen ÅÅÅÅ-MM, ikke "${text}"`);
  return month;
}
