/**
 * The benchmark measures of measures.md § 9 (seed 001: "Varighedsmål",
 * "Afgangsmål", "Indsatsmålinger", "Passivmåling"), as the measurement
 * engine delivers them — one value per municipality for a month and scope —
 * and their rankings 1–98 with best and worst and the comparison within
 * clusters.
 *
 * Direction (which end is best):
 * | measure                   | better |
 * | ------------------------- | ------ |
 * | `duration`                | lower: shorter spells |
 * | `exit_to_work_3`, `_6`    | higher: more spells end in work |
 * | `passive_6`, `passive_12` | lower: fewer persons without an offer |
 * | `company_directed_effort` | higher: more use of the effort with evidence |
 */
import type { YearMonth } from '../calendar/year-month.js';
import type { MeasureScope } from '../domain/measure-scope.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import { compareWithinClusters, type ClusterComparison } from './cluster-comparison.js';
import type { Clustering } from './clusters.js';
import {
  bestAndWorst,
  rankMunicipalities,
  type MunicipalityValue,
  type RankedValue,
  type RankingDirection,
} from './rankings.js';

export const BENCHMARK_MEASURES = [
  'duration',
  'exit_to_work_3',
  'exit_to_work_6',
  'passive_6',
  'passive_12',
  'company_directed_effort',
] as const;

export type BenchmarkMeasure = (typeof BENCHMARK_MEASURES)[number];

export function isBenchmarkMeasure(value: string): value is BenchmarkMeasure {
  return (BENCHMARK_MEASURES as readonly string[]).includes(value);
}

export const BENCHMARK_MEASURE_DIRECTION: Readonly<Record<BenchmarkMeasure, RankingDirection>> = {
  duration: 'lower-is-better',
  exit_to_work_3: 'higher-is-better',
  exit_to_work_6: 'higher-is-better',
  passive_6: 'lower-is-better',
  passive_12: 'lower-is-better',
  company_directed_effort: 'higher-is-better',
};

/** One benchmark measure for every municipality, for one month and scope. */
export interface BenchmarkMeasureValues {
  readonly measure: BenchmarkMeasure;
  readonly month: YearMonth;
  readonly scope: MeasureScope;
  /** `value` undefined: no value (e.g. no spell ended in the month); not ranked. */
  readonly values: readonly MunicipalityValue[];
}

/** One municipality's benchmark measures for a month and scope, as a file row or a measurement gives them. */
export interface BenchmarkMeasureRow {
  readonly municipality: MunicipalityCode;
  readonly month: YearMonth;
  readonly scope: MeasureScope;
  readonly values: Readonly<Partial<Record<BenchmarkMeasure, number | undefined>>>;
}

/** The rows regrouped as one list of municipalities per measure, month and scope, in measure order. */
export function groupBenchmarkMeasures(
  rows: readonly BenchmarkMeasureRow[],
): BenchmarkMeasureValues[] {
  const groups = new Map<
    string,
    {
      measure: BenchmarkMeasure;
      month: YearMonth;
      scope: MeasureScope;
      values: { municipality: number; value: number | undefined }[];
    }
  >();
  for (const measure of BENCHMARK_MEASURES) {
    for (const row of rows) {
      if (!(measure in row.values)) continue;
      const key = `${measure}|${row.month}|${row.scope}`;
      const group = groups.get(key) ?? {
        measure,
        month: row.month,
        scope: row.scope,
        values: [],
      };
      group.values.push({ municipality: row.municipality, value: row.values[measure] });
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

export interface BenchmarkMeasureRanking {
  readonly measure: BenchmarkMeasure;
  readonly month: YearMonth;
  readonly scope: MeasureScope;
  readonly direction: RankingDirection;
  /** Best first, unranked last. */
  readonly ranking: readonly RankedValue[];
  readonly best: readonly RankedValue[];
  readonly worst: readonly RankedValue[];
  /** Present when clusters are given; in code order. */
  readonly withinClusters: readonly ClusterComparison[] | undefined;
}

export function rankBenchmarkMeasure(
  measure: BenchmarkMeasureValues,
  clustering?: Clustering,
): BenchmarkMeasureRanking {
  const direction = BENCHMARK_MEASURE_DIRECTION[measure.measure];
  const ranking = rankMunicipalities(measure.values, direction);
  const { best, worst } = bestAndWorst(ranking);
  return {
    measure: measure.measure,
    month: measure.month,
    scope: measure.scope,
    direction,
    ranking,
    best,
    worst,
    withinClusters: clustering
      ? compareWithinClusters(measure.values, clustering, direction)
      : undefined,
  };
}
