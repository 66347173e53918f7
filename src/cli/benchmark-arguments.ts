/**
 * The benchmark's sources on the command line (`--year`, `--half`, `--load`,
 * `--framework`/`--actual`, `--official`, `--measures`, `--month`,
 * `--covariates`, `--clusters`), shared by `tilsyn benchmark` and
 * `tilsyn report benchmark`.
 */
import { calendarYear, halfYear } from '../core/benchmark/benchmark-period.js';
import { DEFAULT_CLUSTER_COUNT } from '../core/benchmark/clusters.js';
import { parseYearMonth } from '../core/calendar/year-month.js';
import { UsageError } from '../files/usage-error.js';
import type { BenchmarkRequest } from '../pipeline/benchmark.js';
import { optionalInteger, optionalString, requiredYear } from './arguments.js';
import type { CommandIo, OptionsConfig, ParsedArguments } from './command.js';
import { DATA_DIRECTORY_OPTION } from './data-directory.js';
import { loadSource } from './load-argument.js';

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

/**
 * The benchmark request of the command line; `out` is where the expected
 * rates are written as an expected_rates file (whole years only).
 */
export function benchmarkRequestOf(
  args: ParsedArguments,
  io: CommandIo,
  out?: string,
): BenchmarkRequest {
  const year = requiredYear(args, 'year');
  const half = optionalInteger(args, 'half');
  if (half !== undefined && half !== 1 && half !== 2) {
    throw new UsageError(`--half skal være 1 eller 2, ikke ${half}`);
  }
  const period = half === undefined ? calendarYear(year) : halfYear(year, half);
  if (out !== undefined && half !== undefined) {
    throw new UsageError(
      '--out skriver forventede ydelsesgrader for et kalenderår til den årlige opgørelse (§ 2) og kan ikke bruges med --half',
    );
  }
  return { period, ...benchmarkSourceOf(args, io), ...(out === undefined ? {} : { out }) };
}

/** The benchmark's sources and settings of the command line, for any period. */
export function benchmarkSourceOf(
  args: ParsedArguments,
  io: CommandIo,
): Omit<BenchmarkRequest, 'period' | 'out'> {
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
  const month = monthText === undefined ? undefined : parseYearMonth(monthText);
  if (monthText !== undefined && month === undefined) {
    throw new UsageError(`--month skal være en måned på formen ÅÅÅÅ-MM, ikke "${monthText}"`);
  }

  return {
    cwd: io.cwd,
    ...(load === undefined ? {} : { load: loadSource(args, io) }),
    ...(frameworkFile === undefined ? {} : { framework: frameworkFile }),
    ...(actualFile === undefined ? {} : { actual: actualFile }),
    ...(officialFile === undefined ? {} : { official: officialFile }),
    ...(measuresFile === undefined ? {} : { measures: measuresFile }),
    ...(month === undefined ? {} : { month }),
    ...(covariates === undefined ? {} : { covariates }),
    clusterCount,
  };
}
