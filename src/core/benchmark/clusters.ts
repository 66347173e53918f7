/**
 * Clusters of municipalities with similar framework conditions, for
 * comparison (measures.md § 7; seed 001: "sammenligne … i de eksisterende
 * klynger baseret på kommunale rammevilkår"; Jobindsats shows
 * "kommuner med samme rammevilkår").
 *
 * Method — deterministic without any seed:
 * 1. Standardise each covariate to a z-score over the municipalities:
 *    (x − mean) / standard deviation (population form, divisor n), so that a
 *    covariate in thousands does not outweigh one in tenths. A covariate with
 *    the same value everywhere separates nothing and gets z = 0.
 * 2. Ward's agglomerative hierarchical clustering on the z-scores: start
 *    with every municipality alone and repeatedly merge the two clusters
 *    whose merger increases the total within-cluster sum of squares least,
 *    Δ(A, B) = |A|·|B| / (|A| + |B|) · ‖centroid(A) − centroid(B)‖², until
 *    `clusterCount` clusters remain. Centroids are recomputed from the
 *    members at each step (no accumulated update error).
 * 3. Ties: clusters are kept in order of their smallest municipality code
 *    and the first pair with the least Δ is merged, so equal costs are
 *    broken by municipality code. Costs within a relative
 *    {@link MERGE_COST_TIE_TOLERANCE} are equal: standardising makes equal
 *    distances differ in the last bits. Input order does not matter: the
 *    municipalities are sorted by code first.
 * 4. The clusters are numbered 1 … k in order of their smallest
 *    municipality code.
 */
import { DomainError } from '../domain-error.js';
import type { MunicipalityCode } from '../domain/municipality.js';

/**
 * Default number of clusters: 6, between the handfuls of "jobcenterklynger"
 * the agency has used; enough to separate the capital suburbs, the large
 * cities and the peripheral municipalities, few enough that each cluster
 * has members to compare with. A documented parameter (`--clusters`).
 */
export const DEFAULT_CLUSTER_COUNT = 6;

/** Relative difference below which two merge costs are a tie. */
export const MERGE_COST_TIE_TOLERANCE = 1e-9;

export interface ClusterObservation {
  readonly municipality: MunicipalityCode;
  /** In the order of {@link ClusterInput.covariates}. */
  readonly covariates: readonly number[];
}

export interface ClusterInput {
  readonly covariates: readonly string[];
  readonly observations: readonly ClusterObservation[];
  readonly clusterCount: number;
}

export interface Cluster {
  /** 1 … k, in order of the smallest member code. */
  readonly id: number;
  /** Member codes, ascending. */
  readonly members: readonly MunicipalityCode[];
  /** Mean of each covariate over the members, in the covariate's own unit. */
  readonly centroid: readonly number[];
}

export interface Clustering {
  readonly method: 'ward-on-z-scores';
  readonly covariates: readonly string[];
  readonly clusterCount: number;
  readonly clusters: readonly Cluster[];
}

export function clusterMunicipalities(input: ClusterInput): Clustering {
  const { covariates, clusterCount } = input;
  const observations = [...input.observations].sort((a, b) => a.municipality - b.municipality);
  const n = observations.length;
  if (!Number.isInteger(clusterCount) || clusterCount < 1) {
    throw new DomainError(
      'bad_cluster_count',
      `antallet af klynger skal være et helt tal på mindst 1, ikke ${clusterCount}`,
    );
  }
  if (n < clusterCount) {
    throw new DomainError(
      'too_few_municipalities',
      `kan ikke danne ${clusterCount} klynger af ${n} kommuner`,
    );
  }
  for (let i = 1; i < n; i += 1) {
    if (observations[i]?.municipality === observations[i - 1]?.municipality) {
      throw new DomainError(
        'duplicate_municipality',
        `kommune ${observations[i]?.municipality ?? ''} står mere end én gang i klyngedannelsen`,
      );
    }
  }
  for (const o of observations) {
    if (o.covariates.length !== covariates.length || !o.covariates.every(Number.isFinite)) {
      throw new DomainError(
        'non_finite_input',
        `kommune ${o.municipality}: rammevilkårene skal være ${covariates.length} endelige tal`,
      );
    }
  }
  const z = standardise(
    observations.map((o) => o.covariates),
    covariates.length,
  );

  let clusters: { members: number[]; centroid: number[] }[] = z.map((point, i) => ({
    members: [i],
    centroid: point,
  }));
  while (clusters.length > clusterCount) {
    let bestA = 0;
    let bestB = 1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let a = 0; a < clusters.length; a += 1) {
      for (let b = a + 1; b < clusters.length; b += 1) {
        const cost = mergeCost(clusters[a], clusters[b]);
        if (cost < bestCost * (1 - MERGE_COST_TIE_TOLERANCE)) {
          bestCost = cost;
          bestA = a;
          bestB = b;
        }
      }
    }
    const members = [...(clusters[bestA]?.members ?? []), ...(clusters[bestB]?.members ?? [])].sort(
      (x, y) => x - y,
    );
    const merged = { members, centroid: mean(members.map((i) => z[i] ?? [])) };
    clusters = clusters.filter((_, index) => index !== bestA && index !== bestB);
    clusters.push(merged);
    clusters.sort((x, y) => (x.members[0] ?? 0) - (y.members[0] ?? 0));
  }
  return {
    method: 'ward-on-z-scores',
    covariates: [...covariates],
    clusterCount,
    clusters: clusters.map((cluster, index) => ({
      id: index + 1,
      members: cluster.members.map((i) => observations[i]?.municipality ?? 0),
      centroid: mean(cluster.members.map((i) => observations[i]?.covariates ?? [])),
    })),
  };
}

/** The cluster id of each municipality. */
export function clusterOf(clustering: Clustering): Map<MunicipalityCode, number> {
  const map = new Map<MunicipalityCode, number>();
  for (const cluster of clustering.clusters) {
    for (const member of cluster.members) map.set(member, cluster.id);
  }
  return map;
}

function standardise(rows: readonly (readonly number[])[], width: number): number[][] {
  const n = rows.length;
  const means: number[] = [];
  const deviations: number[] = [];
  for (let j = 0; j < width; j += 1) {
    const m = rows.reduce((sum, row) => sum + (row[j] ?? 0), 0) / n;
    const variance = rows.reduce((sum, row) => sum + ((row[j] ?? 0) - m) ** 2, 0) / n;
    means.push(m);
    deviations.push(Math.sqrt(variance));
  }
  return rows.map((row) =>
    row.map((value, j) => {
      const sd = deviations[j] ?? 0;
      return sd > 0 ? (value - (means[j] ?? 0)) / sd : 0;
    }),
  );
}

function mergeCost(
  a: { members: readonly number[]; centroid: readonly number[] } | undefined,
  b: { members: readonly number[]; centroid: readonly number[] } | undefined,
): number {
  if (!a || !b) return Number.POSITIVE_INFINITY;
  const na = a.members.length;
  const nb = b.members.length;
  let distance = 0;
  a.centroid.forEach((value, j) => {
    distance += (value - (b.centroid[j] ?? 0)) ** 2;
  });
  return ((na * nb) / (na + nb)) * distance;
}

function mean(points: readonly (readonly number[])[]): number[] {
  const width = points[0]?.length ?? 0;
  const result = new Array<number>(width).fill(0);
  for (const point of points) point.forEach((value, j) => (result[j] = (result[j] ?? 0) + value));
  return result.map((sum) => sum / points.length);
}
