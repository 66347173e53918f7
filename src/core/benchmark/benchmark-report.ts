/**
 * The benchmark report of one period (reports.md "Benchmark report", seed
 * 001): the result measure ranked 1–98 with best and worst highlighted, the
 * model behind the expected rates when there is one, the clusters of similar
 * framework conditions with each municipality compared with its cluster, and
 * the benchmark measures of § 9 ranked the same way.
 *
 * Pure: it puts together what the shells read and the core computed.
 */
import type { BenchmarkModel } from './benchmark-model.js';
import type { BenchmarkPeriod } from './benchmark-period.js';
import {
  rankBenchmarkMeasure,
  type BenchmarkMeasureRanking,
  type BenchmarkMeasureValues,
} from './benchmark-measures.js';
import { compareWithinClusters, type ClusterComparison } from './cluster-comparison.js';
import type { Clustering } from './clusters.js';
import type { ExpectedRate } from './expected-rates.js';
import { bestAndWorst } from './rankings.js';

export interface BenchmarkReportInput {
  readonly period: BenchmarkPeriod;
  /** The chosen expected rates of the period (expected-rates-for-assessment.ts). */
  readonly source: 'official' | 'model';
  readonly rates: readonly ExpectedRate[];
  readonly model: BenchmarkModel | undefined;
  readonly clustering: Clustering | undefined;
  readonly measures: readonly BenchmarkMeasureValues[];
}

export interface ReportedRate extends ExpectedRate {
  /** The comparison of the difference in points with the municipality's cluster. */
  readonly cluster: ClusterComparison | undefined;
}

export interface BenchmarkReport {
  readonly period: BenchmarkPeriod;
  readonly source: 'official' | 'model';
  readonly model: BenchmarkModel | undefined;
  readonly clustering: Clustering | undefined;
  /** By rank, then municipality code. */
  readonly rates: readonly ReportedRate[];
  readonly best: readonly ReportedRate[];
  readonly worst: readonly ReportedRate[];
  /** In the order of measures.md § 9, then month and scope as given. */
  readonly measures: readonly BenchmarkMeasureRanking[];
}

export function buildBenchmarkReport(input: BenchmarkReportInput): BenchmarkReport {
  const comparisons = input.clustering
    ? new Map(
        compareWithinClusters(
          input.rates.map((rate) => ({
            municipality: rate.municipality,
            value: rate.differencePoints,
          })),
          input.clustering,
          'lower-is-better',
        ).map((comparison) => [comparison.municipality, comparison]),
      )
    : undefined;
  const rates = [...input.rates]
    .sort((a, b) => a.rank - b.rank || a.municipality - b.municipality)
    .map((rate) => ({ ...rate, cluster: comparisons?.get(rate.municipality) }));
  const { best, worst } = bestAndWorst(rates);
  return {
    period: input.period,
    source: input.source,
    model: input.model,
    clustering: input.clustering,
    rates,
    best,
    worst,
    measures: input.measures.map((measure) => rankBenchmarkMeasure(measure, input.clustering)),
  };
}
