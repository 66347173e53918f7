import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithinClusters } from '../../../src/core/benchmark/cluster-comparison.js';
import {
  clusterMunicipalities,
  clusterOf,
  type ClusterObservation,
} from '../../../src/core/benchmark/clusters.js';
import { SeededRandom } from '../../../src/core/random/seeded-random.js';

/** The 98 municipalities' framework conditions of 2024 in the committed fixture. */
function fixture(): { covariates: string[]; observations: ClusterObservation[] } {
  const lines = readFileSync('test/fixtures/benchmark/framework_conditions.csv', 'utf8')
    .trim()
    .split('\n');
  const header = (lines[0] ?? '').split(',');
  const covariates = header.slice(3);
  const observations = lines
    .slice(1)
    .map((line) => line.split(',').map(Number))
    .filter((fields) => fields[1] === 2024)
    .map((fields) => ({ municipality: fields[0] ?? 0, covariates: fields.slice(3) }));
  return { covariates, observations };
}

describe('clusters of similar framework conditions', () => {
  it('put obvious groups together: two tight groups far apart become two clusters', () => {
    const clustering = clusterMunicipalities({
      covariates: ['a', 'b'],
      clusterCount: 2,
      observations: [
        { municipality: 101, covariates: [1, 100] },
        { municipality: 147, covariates: [1.2, 102] },
        { municipality: 151, covariates: [0.9, 99] },
        { municipality: 153, covariates: [9, 500] },
        { municipality: 155, covariates: [9.1, 510] },
      ],
    });
    expect(clustering.clusters).toEqual([
      { id: 1, members: [101, 147, 151], centroid: [(1 + 1.2 + 0.9) / 3, (100 + 102 + 99) / 3] },
      { id: 2, members: [153, 155], centroid: [(9 + 9.1) / 2, (500 + 510) / 2] },
    ]);
  });

  it('standardise covariates, so that a covariate in thousands does not decide alone', () => {
    // Without standardisation b (thousands) would pair 101 with 147; on
    // z-scores a separates {101, 151} from {147, 153}.
    const clustering = clusterMunicipalities({
      covariates: ['a', 'b'],
      clusterCount: 2,
      observations: [
        { municipality: 101, covariates: [0, 1000] },
        { municipality: 147, covariates: [10, 1010] },
        { municipality: 151, covariates: [0.5, 1060] },
        { municipality: 153, covariates: [10.5, 1070] },
      ],
    });
    expect(clustering.clusters.map((c) => c.members)).toEqual([
      [101, 151],
      [147, 153],
    ]);
  });

  it('give every one of the 98 municipalities exactly one of k clusters, numbered by smallest code', () => {
    const { covariates, observations } = fixture();
    const clustering = clusterMunicipalities({ covariates, observations, clusterCount: 6 });
    expect(clustering.clusters).toHaveLength(6);
    const all = clustering.clusters.flatMap((c) => c.members);
    expect(new Set(all).size).toBe(98);
    const firsts = clustering.clusters.map((c) => c.members[0] ?? 0);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(clusterOf(clustering).size).toBe(98);
  });

  it('are stable: the same input gives the same clusters, and so does any order of the input', () => {
    const { covariates, observations } = fixture();
    const reference = clusterMunicipalities({ covariates, observations, clusterCount: 6 });
    expect(clusterMunicipalities({ covariates, observations, clusterCount: 6 })).toEqual(reference);
    const random = new SeededRandom(20240501);
    for (let round = 0; round < 5; round += 1) {
      const shuffled = [...observations];
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = random.nextInt(i + 1);
        [shuffled[i], shuffled[j]] = [
          shuffled[j] as ClusterObservation,
          shuffled[i] as ClusterObservation,
        ];
      }
      expect(
        clusterMunicipalities({ covariates, observations: shuffled, clusterCount: 6 }),
      ).toEqual(reference);
    }
  });

  it('break equal merge costs by municipality code', () => {
    // 101–147 and 151–153 are equally close; 101's pair merges first, then 155 joins the nearer.
    const clustering = clusterMunicipalities({
      covariates: ['a'],
      clusterCount: 3,
      observations: [
        { municipality: 153, covariates: [11] },
        { municipality: 151, covariates: [10] },
        { municipality: 147, covariates: [1] },
        { municipality: 101, covariates: [0] },
        { municipality: 155, covariates: [30] },
      ],
    });
    expect(clustering.clusters.map((c) => c.members)).toEqual([[101, 147], [151, 153], [155]]);
    const two = clusterMunicipalities({
      covariates: ['a'],
      clusterCount: 4,
      observations: [
        { municipality: 153, covariates: [11] },
        { municipality: 151, covariates: [10] },
        { municipality: 147, covariates: [1] },
        { municipality: 101, covariates: [0] },
        { municipality: 155, covariates: [30] },
      ],
    });
    expect(two.clusters.map((c) => c.members)).toEqual([[101, 147], [151], [153], [155]]);
  });

  it('refuse more clusters than municipalities', () => {
    expect(() =>
      clusterMunicipalities({
        covariates: ['a'],
        clusterCount: 3,
        observations: [
          { municipality: 101, covariates: [1] },
          { municipality: 147, covariates: [2] },
        ],
      }),
    ).toThrow('kan ikke danne 3 klynger af 2 kommuner');
  });

  it('compare each municipality with the mean of its cluster and rank it within the cluster', () => {
    const clustering = clusterMunicipalities({
      covariates: ['a'],
      clusterCount: 2,
      observations: [
        { municipality: 101, covariates: [0] },
        { municipality: 147, covariates: [1] },
        { municipality: 151, covariates: [2] },
        { municipality: 153, covariates: [50] },
        { municipality: 155, covariates: [51] },
      ],
    });
    const comparison = compareWithinClusters(
      [
        { municipality: 101, value: 1.5 },
        { municipality: 147, value: -0.5 },
        { municipality: 151, value: 0.5 },
        { municipality: 153, value: 2 },
        { municipality: 155, value: undefined },
      ],
      clustering,
      'lower-is-better',
    );
    expect(comparison).toEqual([
      {
        municipality: 101,
        cluster: 1,
        clusterSize: 3,
        value: 1.5,
        clusterMean: 0.5,
        differenceFromClusterMean: 1,
        rankInCluster: 3,
      },
      {
        municipality: 147,
        cluster: 1,
        clusterSize: 3,
        value: -0.5,
        clusterMean: 0.5,
        differenceFromClusterMean: -1,
        rankInCluster: 1,
      },
      {
        municipality: 151,
        cluster: 1,
        clusterSize: 3,
        value: 0.5,
        clusterMean: 0.5,
        differenceFromClusterMean: 0,
        rankInCluster: 2,
      },
      {
        municipality: 153,
        cluster: 2,
        clusterSize: 1,
        value: 2,
        clusterMean: 2,
        differenceFromClusterMean: 0,
        rankInCluster: 1,
      },
      {
        municipality: 155,
        cluster: 2,
        clusterSize: 1,
        value: undefined,
        clusterMean: 2,
        differenceFromClusterMean: undefined,
        rankInCluster: undefined,
      },
    ]);
  });
});
