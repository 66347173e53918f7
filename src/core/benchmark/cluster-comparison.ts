/**
 * Each municipality compared with its cluster of similar framework
 * conditions (reports.md "Benchmark report": "each municipality compared
 * with its cluster"): the cluster's mean of the measure (plain mean over the
 * members that have a value: each municipality counts once, as in the
 * ranking), the municipality's distance from that mean, and its rank within
 * the cluster (competition ranking, 1 = best, as in rankings.ts).
 */
import type { MunicipalityCode } from '../domain/municipality.js';
import type { Clustering } from './clusters.js';
import { rankMunicipalities, type MunicipalityValue, type RankingDirection } from './rankings.js';

export interface ClusterComparison {
  readonly municipality: MunicipalityCode;
  readonly cluster: number;
  /** Members of the cluster with a value. */
  readonly clusterSize: number;
  readonly value: number | undefined;
  readonly clusterMean: number | undefined;
  /** value − cluster mean; in the direction of the measure, below 0 is better when lower is better. */
  readonly differenceFromClusterMean: number | undefined;
  readonly rankInCluster: number | undefined;
}

/** One entry per municipality that is both valued and clustered, in code order. */
export function compareWithinClusters(
  values: readonly MunicipalityValue[],
  clustering: Clustering,
  direction: RankingDirection,
): ClusterComparison[] {
  const valueOf = new Map(values.map((entry) => [entry.municipality, entry.value]));
  const result: ClusterComparison[] = [];
  for (const cluster of clustering.clusters) {
    const members = cluster.members
      .filter((code) => valueOf.has(code))
      .map((code) => ({ municipality: code, value: valueOf.get(code) }));
    const defined = members
      .map((member) => member.value)
      .filter((value): value is number => value !== undefined);
    const clusterMean =
      defined.length === 0 ? undefined : defined.reduce((sum, v) => sum + v, 0) / defined.length;
    const rankOf = new Map(
      rankMunicipalities(members, direction).map((entry) => [entry.municipality, entry.rank]),
    );
    for (const member of members) {
      result.push({
        municipality: member.municipality,
        cluster: cluster.id,
        clusterSize: defined.length,
        value: member.value,
        clusterMean,
        differenceFromClusterMean:
          member.value === undefined || clusterMean === undefined
            ? undefined
            : member.value - clusterMean,
        rankInCluster: rankOf.get(member.municipality),
      });
    }
  }
  return result.sort((a, b) => a.municipality - b.municipality);
}
