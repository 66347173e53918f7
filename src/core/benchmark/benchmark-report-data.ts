/**
 * The benchmark report's data (reports.md "Benchmark report", seed 001):
 * the result measure ranked 1–98 and each benchmark measure ranked, best and
 * worst marked, each municipality against its cluster of similar framework
 * conditions — one plain, JSON-serialisable object (schema
 * `tilsyn.benchmark-report/1`) that the PDF and Excel renderers and the web
 * application take as their input.
 */
import { BENEFIT_GROUP_LABELS, BENEFIT_TYPE_LABELS } from '../domain/benefit-type.js';
import type { MeasureScope } from '../domain/measure-scope.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import type { MunicipalityLabel } from '../status-report/status-report-types.js';
import { BENCHMARK_MEASURE_LABEL, DIRECTION_LABEL } from '../text/benchmark-labels.js';
import { periodLabel, endYear } from './benchmark-period.js';
import type { BenchmarkReport } from './benchmark-report.js';
import type { ClusterComparison } from './cluster-comparison.js';
import { describeSource } from './expected-rates.js';
import type { RankingDirection } from './rankings.js';

export const BENCHMARK_REPORT_SCHEMA = 'tilsyn.benchmark-report/1';

export type Highlight = 'best' | 'worst' | null;

export interface ClusterFigures {
  readonly cluster: number;
  readonly clusterSize: number;
  readonly clusterMean: number | null;
  readonly differenceFromClusterMean: number | null;
  readonly rankInCluster: number | null;
}

export interface BenchmarkResultRow {
  readonly rank: number;
  readonly municipality: MunicipalityLabel;
  readonly expectedShare: number;
  readonly actualShare: number;
  /** actual − expected, points; below 0 is better than expected. */
  readonly differencePoints: number;
  readonly expectedCount: number;
  readonly actualCount: number;
  readonly differenceCount: number;
  readonly highlight: Highlight;
  readonly cluster: ClusterFigures | null;
}

export interface BenchmarkMeasureRow {
  readonly rank: number | null;
  readonly municipality: MunicipalityLabel;
  readonly value: number | null;
  readonly highlight: Highlight;
  readonly cluster: ClusterFigures | null;
}

export interface BenchmarkMeasureSection {
  readonly measure: string;
  readonly title: string;
  /** `YYYY-MM` */
  readonly month: string;
  readonly scope: string;
  readonly direction: RankingDirection;
  readonly directionLabel: string;
  /** Ranked first, then those without a value. */
  readonly rows: readonly BenchmarkMeasureRow[];
}

export interface BenchmarkReportData {
  readonly schema: typeof BENCHMARK_REPORT_SCHEMA;
  readonly title: string;
  readonly subtitle: string;
  readonly period: string;
  readonly year: number;
  readonly expectedRatesSource: string;
  readonly model: {
    readonly id: string;
    readonly covariates: readonly string[];
    readonly municipalities: number;
    readonly rSquared: number | null;
  } | null;
  readonly clusters: {
    readonly count: number;
    readonly covariates: readonly string[];
    readonly members: readonly {
      readonly id: number;
      readonly municipalities: readonly MunicipalityLabel[];
    }[];
  } | null;
  readonly result: {
    readonly title: string;
    readonly rows: readonly BenchmarkResultRow[];
  };
  readonly measures: readonly BenchmarkMeasureSection[];
  readonly notes: readonly string[];
}

export function scopeLabel(scope: MeasureScope): string {
  if (scope === 'all') return 'Alle ydelser';
  return (
    (BENEFIT_GROUP_LABELS as Readonly<Record<string, string>>)[scope] ??
    (BENEFIT_TYPE_LABELS as Readonly<Record<string, string>>)[scope] ??
    scope
  );
}

function clusterFigures(comparison: ClusterComparison | undefined): ClusterFigures | null {
  if (comparison === undefined) return null;
  return {
    cluster: comparison.cluster,
    clusterSize: comparison.clusterSize,
    clusterMean: comparison.clusterMean ?? null,
    differenceFromClusterMean: comparison.differenceFromClusterMean ?? null,
    rankInCluster: comparison.rankInCluster ?? null,
  };
}

/** `nameOf` gives a municipality's name ("København"). */
export function benchmarkReportData(
  report: BenchmarkReport,
  nameOf: (code: MunicipalityCode) => string,
  notes: readonly string[] = [],
): BenchmarkReportData {
  const label = (code: MunicipalityCode): MunicipalityLabel => ({ code, name: nameOf(code) });
  const highlight = (
    code: MunicipalityCode,
    best: readonly { municipality: MunicipalityCode }[],
    worst: readonly { municipality: MunicipalityCode }[],
  ): Highlight =>
    best.some((entry) => entry.municipality === code)
      ? 'best'
      : worst.some((entry) => entry.municipality === code)
        ? 'worst'
        : null;
  const period = periodLabel(report.period);
  const first = report.rates[0];
  return {
    schema: BENCHMARK_REPORT_SCHEMA,
    title: `Benchmarking af kommunernes resultater ${period}`,
    subtitle:
      'Faktisk og forventet ydelsesgrad ud fra rammevilkårene, placering 1–98 (1 = længst under det forventede)',
    period,
    year: endYear(report.period),
    expectedRatesSource: first ? describeSource(first.source) : 'ingen',
    model: report.model
      ? {
          id: report.model.id,
          covariates: report.model.covariates,
          municipalities: report.model.municipalities,
          rSquared: report.model.rSquared ?? null,
        }
      : null,
    clusters: report.clustering
      ? {
          count: report.clustering.clusterCount,
          covariates: report.clustering.covariates,
          members: report.clustering.clusters.map((cluster) => ({
            id: cluster.id,
            municipalities: cluster.members.map(label),
          })),
        }
      : null,
    result: {
      title: `Resultatmålet: forskel mellem faktisk og forventet ydelsesgrad, ${period}`,
      rows: report.rates.map((rate) => ({
        rank: rate.rank,
        municipality: label(rate.municipality),
        expectedShare: rate.expectedShare,
        actualShare: rate.actualShare,
        differencePoints: rate.differencePoints,
        expectedCount: rate.expectedCount,
        actualCount: rate.actualCount,
        differenceCount: rate.differenceCount,
        highlight: highlight(rate.municipality, report.best, report.worst),
        cluster: clusterFigures(rate.cluster),
      })),
    },
    measures: report.measures.map((measure) => {
      const clusters = new Map(
        (measure.withinClusters ?? []).map((comparison) => [comparison.municipality, comparison]),
      );
      const rows = [...measure.ranking].sort(
        (a, b) =>
          (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
          a.municipality - b.municipality,
      );
      return {
        measure: measure.measure,
        title: BENCHMARK_MEASURE_LABEL[measure.measure],
        month: measure.month,
        scope: scopeLabel(measure.scope),
        direction: measure.direction,
        directionLabel: DIRECTION_LABEL[measure.direction],
        rows: rows.map((entry) => ({
          rank: entry.rank ?? null,
          municipality: label(entry.municipality),
          value: entry.value ?? null,
          highlight: highlight(entry.municipality, measure.best, measure.worst),
          cluster: clusterFigures(clusters.get(entry.municipality)),
        })),
      };
    }),
    notes,
  };
}
