/**
 * Rankings 1–98 of municipalities on one measure (reports.md "Benchmark
 * report"; seed 001: "Med rapporten kan kommuner, som skaber de bedste og
 * dårligste resultater, fremhæves").
 *
 * Choices, documented here and in the README:
 * - Competition ranking ("1, 2, 2, 4"): municipalities with the same value
 *   share the better rank and the next rank is skipped, so a rank always says
 *   how many municipalities did strictly better (rank − 1).
 * - Values closer than {@link RANK_TIE_TOLERANCE} are the same value: sums
 *   over different orders can differ in the last bit (measures.md § 6 uses
 *   the same reasoning for focus measures). A run of values is one tie when
 *   each lies within the tolerance of the run's first (best) value.
 * - Within a tie, and among unranked municipalities, the order is by
 *   municipality code, so listings are deterministic.
 * - A municipality without a value (e.g. no spells ended in the month) is
 *   not ranked; it is listed after the ranked ones.
 */
import { DomainError } from '../domain-error.js';
import type { MunicipalityCode } from '../domain/municipality.js';

export const RANK_TIE_TOLERANCE = 1e-9;

/** How many municipalities the best and worst lists highlight. */
export const HIGHLIGHTED_PER_END = 5;

export type RankingDirection = 'lower-is-better' | 'higher-is-better';

export interface MunicipalityValue {
  readonly municipality: MunicipalityCode;
  readonly value: number | undefined;
}

export interface RankedValue {
  readonly municipality: MunicipalityCode;
  readonly value: number | undefined;
  /** 1 = best; undefined when the municipality has no value. */
  readonly rank: number | undefined;
}

/** Ranks the values: best first, unranked last. */
export function rankMunicipalities(
  values: readonly MunicipalityValue[],
  direction: RankingDirection,
): RankedValue[] {
  const seen = new Set<MunicipalityCode>();
  for (const entry of values) {
    if (seen.has(entry.municipality)) {
      throw new DomainError(
        'duplicate_municipality',
        `kommune ${entry.municipality} har mere end én værdi i rangordningen`,
      );
    }
    seen.add(entry.municipality);
    if (entry.value !== undefined && !Number.isFinite(entry.value)) {
      throw new DomainError(
        'non_finite_input',
        `kommune ${entry.municipality}: værdien ${entry.value} kan ikke rangordnes`,
      );
    }
  }
  const sign = direction === 'lower-is-better' ? 1 : -1;
  const ranked = values
    .filter((entry): entry is { municipality: number; value: number } => entry.value !== undefined)
    .sort((a, b) => sign * (a.value - b.value) || a.municipality - b.municipality);
  // Regroup by ties from the best value down; within a tie, by code.
  const result: RankedValue[] = [];
  let index = 0;
  while (index < ranked.length) {
    const first = ranked[index];
    if (!first) break;
    let end = index + 1;
    while (end < ranked.length) {
      const next = ranked[end];
      if (!next || Math.abs(next.value - first.value) > RANK_TIE_TOLERANCE) break;
      end += 1;
    }
    const tie = ranked.slice(index, end).sort((a, b) => a.municipality - b.municipality);
    for (const entry of tie) result.push({ ...entry, rank: index + 1 });
    index = end;
  }
  const unranked = values
    .filter((entry) => entry.value === undefined)
    .sort((a, b) => a.municipality - b.municipality)
    .map((entry) => ({ municipality: entry.municipality, value: undefined, rank: undefined }));
  return [...result, ...unranked];
}

export interface Highlights<T> {
  /** Best first. */
  readonly best: readonly T[];
  /** Worst first. */
  readonly worst: readonly T[];
}

/**
 * The best and the worst `count` ranked entries. A tie at the edge is kept
 * whole: if the 5th and 6th share rank 5, both are among the best.
 */
export function bestAndWorst<
  T extends { readonly municipality: MunicipalityCode; readonly rank: number | undefined },
>(ranked: readonly T[], count = HIGHLIGHTED_PER_END): Highlights<T> {
  const withRank = ranked
    .filter((entry) => entry.rank !== undefined)
    .sort((a, b) => rankOf(a) - rankOf(b) || a.municipality - b.municipality);
  const worstFirst = [...withRank].sort(
    (a, b) => rankOf(b) - rankOf(a) || a.municipality - b.municipality,
  );
  if (withRank.length <= count) return { best: withRank, worst: worstFirst };
  const bestEdge = rankOf(withRank[count - 1]);
  const worstEdge = rankOf(worstFirst[count - 1]);
  return {
    best: withRank.filter((entry) => rankOf(entry) <= bestEdge),
    worst: worstFirst.filter((entry) => rankOf(entry) >= worstEdge),
  };
}

function rankOf(entry: { readonly rank: number | undefined } | undefined): number {
  return entry?.rank ?? Number.NaN;
}
