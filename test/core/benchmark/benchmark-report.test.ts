import { describe, expect, it } from 'vitest';
import { calendarYear } from '../../../src/core/benchmark/benchmark-period.js';
import { buildBenchmarkReport } from '../../../src/core/benchmark/benchmark-report.js';
import { clusterMunicipalities } from '../../../src/core/benchmark/clusters.js';
import { rankExpectedRates } from '../../../src/core/benchmark/expected-rates.js';
import { yearMonth } from '../../../src/core/calendar/year-month.js';

const source = { kind: 'model' as const, modelId: 'benchmark-2024-x', period: '2024' };
const differences = [0.5, -1.2, 0.5, 2.0, -0.3, 1.1, -2.4];
const rates = rankExpectedRates(
  differences.map((difference, i) => ({
    municipality: 101 + i,
    period: calendarYear(2024),
    residents16To66: 10_000,
    expectedCount: 1_000,
    actualCount: 1_000 + difference * 100,
    expectedShare: 10,
    actualShare: 10 + difference,
    differenceCount: difference * 100,
    differencePoints: difference,
    source,
  })),
);

describe('the benchmark report', () => {
  it('lists the rates by rank with ties by code, and highlights the best and worst', () => {
    const report = buildBenchmarkReport({
      period: calendarYear(2024),
      source: 'model',
      rates,
      model: undefined,
      clustering: undefined,
      measures: [],
    });
    expect(report.rates.map((r) => [r.municipality, r.rank])).toEqual([
      [107, 1],
      [102, 2],
      [105, 3],
      [101, 4],
      [103, 4],
      [106, 6],
      [104, 7],
    ]);
    expect(report.best.map((r) => r.municipality)).toEqual([107, 102, 105, 101, 103]);
    expect(report.worst.map((r) => r.municipality)).toEqual([104, 106, 101, 103, 105]);
    expect(report.rates.every((r) => r.cluster === undefined)).toBe(true);
  });

  it('compares each municipality’s difference with its cluster and ranks the measures', () => {
    const clustering = clusterMunicipalities({
      covariates: ['a'],
      clusterCount: 2,
      observations: rates.map((r) => ({
        municipality: r.municipality,
        covariates: [r.municipality < 104 ? 0 : 10],
      })),
    });
    const report = buildBenchmarkReport({
      period: calendarYear(2024),
      source: 'model',
      rates,
      model: undefined,
      clustering,
      measures: [
        {
          measure: 'passive_12',
          month: yearMonth('2024-12'),
          scope: 'all',
          values: rates.map((r, i) => ({ municipality: r.municipality, value: i })),
        },
      ],
    });
    const of102 = report.rates.find((r) => r.municipality === 102);
    expect(of102?.cluster).toEqual({
      municipality: 102,
      cluster: 1,
      clusterSize: 3,
      value: -1.2,
      clusterMean: (0.5 - 1.2 + 0.5) / 3,
      differenceFromClusterMean: -1.2 - (0.5 - 1.2 + 0.5) / 3,
      rankInCluster: 1,
    });
    expect(report.measures[0]?.ranking[0]).toEqual({ municipality: 101, value: 0, rank: 1 });
    expect(report.measures[0]?.withinClusters).toHaveLength(7);
  });
});
