/**
 * The benchmark report as JSON (`tilsyn benchmark --json`; schema in the
 * README, "Benchmark: JSON"). Numbers unrounded; a missing value is `null`,
 * never an absent key, so the shape is the same for every municipality.
 */
import { endYear, periodLabel } from '../core/benchmark/benchmark-period.js';
import type { BenchmarkReport, ReportedRate } from '../core/benchmark/benchmark-report.js';
import type { ExpectedRateSource } from '../core/benchmark/expected-rates.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';

export const BENCHMARK_JSON_VERSION = 1;

export function benchmarkReportJson(
  report: BenchmarkReport,
  nameOf: (code: MunicipalityCode) => string,
  notes: readonly string[],
): unknown {
  const model = report.model;
  const clustering = report.clustering;
  return {
    version: BENCHMARK_JSON_VERSION,
    period: periodLabel(report.period),
    year: endYear(report.period),
    expectedRatesSource: report.source,
    model: model
      ? {
          id: model.id,
          period: periodLabel(model.period),
          weighting: model.weighting,
          municipalities: model.municipalities,
          covariates: model.covariates,
          coefficients: model.coefficients.map((c) => ({
            term: c.name,
            estimate: c.estimate,
            standardError: c.standardError,
            tValue: finite(c.tValue),
          })),
          rSquared: model.rSquared ?? null,
          adjustedRSquared: model.adjustedRSquared ?? null,
          residualStandardError: model.residualStandardError,
          residualDegreesOfFreedom: model.residualDegreesOfFreedom,
        }
      : null,
    clusters: clustering
      ? {
          method: clustering.method,
          clusterCount: clustering.clusterCount,
          covariates: clustering.covariates,
          clusters: clustering.clusters.map((cluster) => ({
            id: cluster.id,
            members: cluster.members,
            centroid: Object.fromEntries(
              clustering.covariates.map((name, j) => [name, cluster.centroid[j] ?? null]),
            ),
          })),
        }
      : null,
    rates: report.rates.map((rate) => rateJson(rate, nameOf)),
    best: report.best.map((rate) => rate.municipality),
    worst: report.worst.map((rate) => rate.municipality),
    measures: report.measures.map((measure) => ({
      measure: measure.measure,
      month: measure.month,
      scope: measure.scope,
      direction: measure.direction,
      ranking: measure.ranking.map((entry) => ({
        municipality: entry.municipality,
        name: nameOf(entry.municipality),
        value: entry.value ?? null,
        rank: entry.rank ?? null,
      })),
      best: measure.best.map((entry) => entry.municipality),
      worst: measure.worst.map((entry) => entry.municipality),
      withinClusters:
        measure.withinClusters?.map((c) => ({
          municipality: c.municipality,
          cluster: c.cluster,
          clusterMean: c.clusterMean ?? null,
          differenceFromClusterMean: c.differenceFromClusterMean ?? null,
          rankInCluster: c.rankInCluster ?? null,
          clusterSize: c.clusterSize,
        })) ?? null,
    })),
    notes,
  };
}

function rateJson(rate: ReportedRate, nameOf: (code: MunicipalityCode) => string) {
  return {
    municipality: rate.municipality,
    name: nameOf(rate.municipality),
    period: periodLabel(rate.period),
    residents16To66: rate.residents16To66 ?? null,
    expectedShare: rate.expectedShare,
    actualShare: rate.actualShare,
    differencePoints: rate.differencePoints,
    expectedCount: rate.expectedCount,
    actualCount: rate.actualCount,
    differenceCount: rate.differenceCount,
    rank: rate.rank,
    cluster: rate.cluster?.cluster ?? null,
    clusterMeanDifferencePoints: rate.cluster?.clusterMean ?? null,
    differenceFromClusterMean: rate.cluster?.differenceFromClusterMean ?? null,
    rankInCluster: rate.cluster?.rankInCluster ?? null,
    source: sourceJson(rate.source),
  };
}

function sourceJson(source: ExpectedRateSource) {
  return source.kind === 'model'
    ? { kind: 'model', modelId: source.modelId, period: source.period }
    : {
        kind: 'official',
        table: source.table,
        file: source.file,
        period: source.period,
        declaredSource: source.declaredSource ?? null,
      };
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
