import { describe, expect, it } from 'vitest';
import { rankBenchmarkMeasure } from '../../../src/core/benchmark/benchmark-measures.js';
import { clusterMunicipalities } from '../../../src/core/benchmark/clusters.js';
import { yearMonth } from '../../../src/core/calendar/year-month.js';

const values = [
  { municipality: 101, value: 210 },
  { municipality: 147, value: 185.5 },
  { municipality: 151, value: 185.5 },
  { municipality: 153, value: 240 },
  { municipality: 155, value: undefined },
];

describe('rankings of the benchmark measures', () => {
  it('rank the shortest mean duration first', () => {
    const ranking = rankBenchmarkMeasure({
      measure: 'duration',
      month: yearMonth('2024-12'),
      scope: 'all',
      values,
    });
    expect(ranking.direction).toBe('lower-is-better');
    expect(ranking.ranking.map((r) => [r.municipality, r.rank])).toEqual([
      [147, 1],
      [151, 1],
      [101, 3],
      [153, 4],
      [155, undefined],
    ]);
    expect(ranking.withinClusters).toBeUndefined();
  });

  it('rank the highest exit to work and company-directed effort first', () => {
    for (const measure of [
      'exit_to_work_3',
      'exit_to_work_6',
      'company_directed_effort',
    ] as const) {
      const ranking = rankBenchmarkMeasure({
        measure,
        month: yearMonth('2024-12'),
        scope: 'all',
        values,
      });
      expect(
        ranking.ranking.map((r) => r.municipality),
        measure,
      ).toEqual([153, 101, 147, 151, 155]);
      expect(
        ranking.ranking.map((r) => r.rank),
        measure,
      ).toEqual([1, 2, 3, 3, undefined]);
    }
  });

  it('rank the lowest passive shares first', () => {
    for (const measure of ['passive_6', 'passive_12'] as const) {
      const ranking = rankBenchmarkMeasure({
        measure,
        month: yearMonth('2024-06'),
        scope: 'dagpenge',
        values,
      });
      expect(ranking.ranking[0]?.municipality, measure).toBe(147);
      expect(ranking.scope).toBe('dagpenge');
    }
  });

  it('compare within clusters when clusters are given', () => {
    const clustering = clusterMunicipalities({
      covariates: ['a'],
      clusterCount: 2,
      observations: [
        { municipality: 101, covariates: [1] },
        { municipality: 147, covariates: [2] },
        { municipality: 151, covariates: [40] },
        { municipality: 153, covariates: [41] },
        { municipality: 155, covariates: [42] },
      ],
    });
    const ranking = rankBenchmarkMeasure(
      { measure: 'duration', month: yearMonth('2024-12'), scope: 'all', values },
      clustering,
    );
    expect(
      ranking.withinClusters?.map((c) => [c.municipality, c.cluster, c.rankInCluster]),
    ).toEqual([
      [101, 1, 2],
      [147, 1, 1],
      [151, 2, 1],
      [153, 2, 2],
      [155, 2, undefined],
    ]);
    expect(ranking.withinClusters?.[0]?.differenceFromClusterMean).toBe(210 - (210 + 185.5) / 2);
  });
});
