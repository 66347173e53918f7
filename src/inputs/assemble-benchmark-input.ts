/**
 * Puts framework conditions and actual benefit rates together into the
 * benchmark model's input for one period, refusing files that do not fit
 * together: a municipality in one but not the other, residents 16–66 that
 * differ, an `actual_share` that is not full-time persons per 100 residents.
 *
 * The residents are those of the framework conditions for the year of the
 * period (measures.md § 7). The actual share used is computed exactly,
 * full_time_persons / residents_16_66 × 100, so that counts and shares agree;
 * a given `actual_share` is checked against it with a tolerance of
 * {@link ACTUAL_SHARE_TOLERANCE_POINTS} (files rounded to one decimal pass).
 */
import type { BenchmarkModelInput } from '../core/benchmark/benchmark-model.js';
import {
  comparePeriods,
  danishPeriodName,
  periodLabel,
  yearOfQuarter,
  type BenchmarkPeriod,
} from '../core/benchmark/benchmark-period.js';
import type { ClusterObservation } from '../core/benchmark/clusters.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import type { ActualBenefitRates } from './read-actual-benefit-rates.js';
import type { FrameworkConditions } from './read-framework-conditions.js';

/** Half a unit of the first decimal, in percentage points. */
export const ACTUAL_SHARE_TOLERANCE_POINTS = 0.05;

export function assembleBenchmarkInput(
  period: BenchmarkPeriod,
  framework: FrameworkConditions,
  actual: ActualBenefitRates,
  selectedCovariates?: readonly string[],
): BenchmarkModelInput {
  const year = yearOfQuarter(period.firstQuarter);
  const label = periodLabel(period);
  const covariates = selectCovariates(framework, selectedCovariates);
  const columnIndex = covariates.map((name) => framework.covariates.indexOf(name));
  const conditions = framework.rows.filter((row) => row.year === year);
  if (conditions.length === 0) {
    const years = [...new Set(framework.rows.map((row) => row.year))].sort((a, b) => a - b);
    throw new InputError({
      file: framework.file,
      reason: `der er ingen rammevilkår for ${year}; filen har årene ${years.join(', ')}`,
    });
  }
  const rates = actual.rows.filter((row) => periodLabel(row.period) === label);
  if (rates.length === 0) {
    const periods = new Map(actual.rows.map((row) => [periodLabel(row.period), row.period]));
    throw new InputError({
      file: actual.file,
      reason: `der er ingen faktiske ydelsesgrader for ${danishPeriodName(period)}; filen har perioderne ${[
        ...periods.values(),
      ]
        .sort(comparePeriods)
        .map(periodLabel)
        .join(', ')}`,
    });
  }
  const conditionOf = new Map(conditions.map((row) => [row.municipality, row]));
  const problems: InputProblem[] = [];
  const observations: BenchmarkModelInput['observations'][number][] = [];
  for (const rate of rates) {
    const condition = conditionOf.get(rate.municipality);
    if (!condition) {
      problems.push({
        file: actual.file,
        line: rate.line,
        column: 'municipality',
        value: String(rate.municipality),
        reason: `kommunen har ingen rammevilkår for ${year} i ${framework.file}`,
      });
      continue;
    }
    const residents = condition.residents16To66;
    if (rate.residents16To66 !== undefined && rate.residents16To66 !== residents) {
      problems.push({
        file: actual.file,
        line: rate.line,
        column: 'residents_16_66',
        value: String(rate.residents16To66),
        reason: `afviger fra ${residents} i ${framework.file}, linje ${condition.line} (filerne er ikke fra samme indlæsning?)`,
      });
      continue;
    }
    const share = (rate.fullTimePersons / residents) * 100;
    if (
      rate.actualShare !== undefined &&
      Math.abs(rate.actualShare - share) > ACTUAL_SHARE_TOLERANCE_POINTS
    ) {
      problems.push({
        file: actual.file,
        line: rate.line,
        column: 'actual_share',
        value: String(rate.actualShare),
        reason: `skal være full_time_persons / residents_16_66 × 100 = ${share.toFixed(4)}`,
      });
      continue;
    }
    observations.push({
      municipality: rate.municipality,
      residents16To66: residents,
      actualCount: rate.fullTimePersons,
      actualShare: share,
      covariates: columnIndex.map((index) => condition.covariates[index] ?? Number.NaN),
    });
  }
  const withRates = new Set(rates.map((rate) => rate.municipality));
  const missing = conditions.filter((row) => !withRates.has(row.municipality));
  if (missing.length > 0) {
    problems.push({
      file: actual.file,
      reason: `mangler faktiske ydelsesgrader for ${danishPeriodName(period)} for kommune ${missing
        .map((row) => row.municipality)
        .join(', ')}, som har rammevilkår i ${framework.file}`,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { period, covariates: [...covariates], observations };
}

/**
 * The framework conditions of `year` as cluster observations, for when only
 * official figures give the expected rates (no model input).
 */
export function clusterObservationsOf(
  framework: FrameworkConditions,
  year: number,
  selectedCovariates?: readonly string[],
): ClusterObservation[] {
  const covariates = selectCovariates(framework, selectedCovariates);
  const rows = framework.rows.filter((row) => row.year === year);
  if (rows.length === 0) {
    const years = [...new Set(framework.rows.map((row) => row.year))].sort((a, b) => a - b);
    throw new InputError({
      file: framework.file,
      reason: `der er ingen rammevilkår for ${year}; filen har årene ${years.join(', ')}`,
    });
  }
  const columnIndex = covariates.map((name) => framework.covariates.indexOf(name));
  return rows.map((row) => ({
    municipality: row.municipality,
    covariates: columnIndex.map((index) => row.covariates[index] ?? Number.NaN),
  }));
}

/** The covariates to use: those selected (each must be in the file), or all of the file's. */
function selectCovariates(
  framework: FrameworkConditions,
  selected: readonly string[] | undefined,
): readonly string[] {
  const covariates = selected ?? framework.covariates;
  const unknown = covariates.filter((name) => !framework.covariates.includes(name));
  if (unknown.length > 0) {
    throw new InputError(
      unknown.map((name) => ({
        file: framework.file,
        line: 1,
        column: name,
        reason: `kovariaten findes ikke i filen (den har: ${framework.covariates.join(', ')})`,
      })),
    );
  }
  return covariates;
}
