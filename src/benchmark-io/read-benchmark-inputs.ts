/**
 * The benchmark model's input read from a stored data load: the framework
 * conditions of the load and the actual benefit rates the measurement engine
 * computes from it.
 *
 * Not yet available in this build: the loader (load store) and the
 * measurement engine land separately, and this one function is where they
 * are joined. Until then it refuses clearly instead of guessing.
 */
import type { BenchmarkModelInput } from '../core/benchmark/benchmark-model.js';
import { danishPeriodName, type BenchmarkPeriod } from '../core/benchmark/benchmark-period.js';
import { UsageError } from '../cli/usage-error.js';

/**
 * @param load a load id, or the folder of a stored load
 * @param period the period to fit
 */
export function readBenchmarkInputs(
  load: string,
  period: BenchmarkPeriod,
): Promise<BenchmarkModelInput> {
  return Promise.reject(
    new UsageError(
      `--load er endnu ikke tilgængelig i denne version: benchmarkmodellen kan ikke læse indlæsningen "${load}" for ${danishPeriodName(period)}. ` +
        'Brug --framework FIL --actual FIL (rammevilkår og faktiske ydelsesgrader, fx benefit_rates.csv fra tilsyn measure) eller --official FIL',
    ),
  );
}
