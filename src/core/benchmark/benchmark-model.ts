/**
 * The project's own benchmark model of the expected benefit rate
 * (measures.md § 7; bek. nr. 301 af 20/03/2023 § 3, stk. 3: "Ved forventet
 * ydelsesgrad forstås i denne bekendtgørelse den gennemsnitlige andel borgere
 * på tværs af ydelsesgrupper i kommunen, der ud fra kommunens rammevilkår kan
 * forventes at have modtaget offentlige forsørgelsesydelser, jf. § 2, stk. 2,
 * i løbet af året").
 *
 * For one period: a regression, across the municipalities, of the actual
 * benefit rate (full-time persons on covered benefits per 100 residents aged
 * 16–66) on an intercept and the framework-condition covariates, weighted by
 * residents 16–66 (weighted-least-squares.ts). For each municipality:
 * - expected share = fitted value (percent);
 * - expected count = expected share × residents 16–66 / 100 (full-time persons);
 * - difference = actual − expected, in full-time persons and in percentage
 *   points (above 0: more on benefits than expected — the result goal of § 4
 *   is then not met);
 * - rank 1–n on the difference in points, 1 = furthest below expected (best),
 *   ties sharing the rank (expected-rates.ts).
 *
 * Because the weights are residents, the weighted mean of the fitted rates
 * equals the weighted mean of the actual rates: nationally, expected and
 * actual full-time persons add up to the same total.
 *
 * The agency uses VIVE's model, which is richer (per benefit group, a chosen
 * set of covariates); imported official figures (Y30R21) take precedence
 * over this model when present (expected-rates-for-assessment.ts).
 *
 * Deterministic: municipalities are sorted by code before fitting and the
 * model id is a fingerprint of exactly the input, so the same input always
 * gives the same model, id and ranks.
 */
import { DomainError } from '../domain-error.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import { danishPeriodName, periodLabel, type BenchmarkPeriod } from './benchmark-period.js';
import { rankExpectedRates, type ExpectedRate } from './expected-rates.js';
import {
  fitWeightedLeastSquares,
  SingularDesignError,
  type Coefficient,
  type DependentColumn,
} from './weighted-least-squares.js';

/** The name of the intercept among the coefficients. */
export const INTERCEPT = 'intercept';

/**
 * The model needs at least this many more municipalities than parameters
 * (intercept + covariates). With fewer, the residual standard error and the
 * t-values rest on too few degrees of freedom, and the fitted values follow
 * the actual rates so closely that "expected" says little: with n = p the
 * fit is exact and every municipality meets its own expectation. With 98
 * municipalities this allows up to 87 covariates; it bites only on subsets.
 */
export const MINIMUM_RESIDUAL_DEGREES_OF_FREEDOM = 10;

/** One municipality's input to the model for one period. */
export interface BenchmarkObservation {
  readonly municipality: MunicipalityCode;
  /** Residents aged 16–66 in the year of the period: the weight. */
  readonly residents16To66: number;
  /** Full-time persons on covered benefits in the period. */
  readonly actualCount: number;
  /** The actual benefit rate: actualCount / residents16To66 × 100. */
  readonly actualShare: number;
  /** Covariate values, in the order of {@link BenchmarkModelInput.covariates}. */
  readonly covariates: readonly number[];
}

export interface BenchmarkModelInput {
  readonly period: BenchmarkPeriod;
  /** Names of the framework-condition covariates. */
  readonly covariates: readonly string[];
  readonly observations: readonly BenchmarkObservation[];
}

export interface BenchmarkModel {
  /** `benchmark-<period>-<16 hex digits fingerprinting the input>`. */
  readonly id: string;
  readonly period: BenchmarkPeriod;
  readonly covariates: readonly string[];
  /** The intercept ({@link INTERCEPT}) first, then the covariates in input order. */
  readonly coefficients: readonly Coefficient[];
  /** Weighted R² (see {@link WeightedLeastSquaresFit.rSquared}). */
  readonly rSquared: number | undefined;
  readonly adjustedRSquared: number | undefined;
  /** In percentage points, for a municipality of average size. */
  readonly residualStandardError: number;
  readonly residualDegreesOfFreedom: number;
  readonly municipalities: number;
  readonly weighting: 'residents_16_66';
  /** One per municipality, in code order, with source `model`. */
  readonly expectedRates: readonly ExpectedRate[];
}

export function fitBenchmarkModel(input: BenchmarkModelInput): BenchmarkModel {
  const label = periodLabel(input.period);
  const periodName = danishPeriodName(input.period);
  checkInput(input, periodName);
  const observations = [...input.observations].sort((a, b) => a.municipality - b.municipality);
  const parameters = input.covariates.length + 1;
  const needed = parameters + MINIMUM_RESIDUAL_DEGREES_OF_FREEDOM;
  if (observations.length < needed) {
    throw new DomainError(
      'too_few_municipalities',
      `for få kommuner til benchmarkmodellen for ${periodName}: ${observations.length} kommuner, ` +
        `men modellen har ${parameters} parametre (konstantled og ${input.covariates.length} ${input.covariates.length === 1 ? 'kovariat' : 'kovariater'}) ` +
        `og kræver mindst ${needed} kommuner (mindst ${MINIMUM_RESIDUAL_DEGREES_OF_FREEDOM} flere end parametrene)`,
    );
  }
  let fit;
  try {
    fit = fitWeightedLeastSquares({
      columnNames: [INTERCEPT, ...input.covariates],
      design: observations.map((o) => [1, ...o.covariates]),
      response: observations.map((o) => o.actualShare),
      weights: observations.map((o) => o.residents16To66),
      hasIntercept: true,
    });
  } catch (error) {
    if (error instanceof SingularDesignError) {
      throw new DomainError(
        'singular_design',
        `benchmarkmodellen for ${periodName} kan ikke estimeres, fordi rammevilkårene er kollineære: ` +
          `${error.dependent.map(describeDependence).join('; ')}. Fjern kovariaten fra rammevilkårene`,
      );
    }
    throw error;
  }
  const id = `benchmark-${label}-${fingerprint(input.covariates, observations, label)}`;
  const expectedRates = rankExpectedRates(
    observations.map((o, i) => {
      const expectedShare = fit.fitted[i] ?? Number.NaN;
      const expectedCount = (expectedShare * o.residents16To66) / 100;
      return {
        municipality: o.municipality,
        period: input.period,
        residents16To66: o.residents16To66,
        expectedCount,
        actualCount: o.actualCount,
        expectedShare,
        actualShare: o.actualShare,
        differenceCount: o.actualCount - expectedCount,
        differencePoints: o.actualShare - expectedShare,
        source: { kind: 'model' as const, modelId: id, period: label },
      };
    }),
  );
  return {
    id,
    period: input.period,
    covariates: [...input.covariates],
    coefficients: fit.coefficients,
    rSquared: fit.rSquared,
    adjustedRSquared: fit.adjustedRSquared,
    residualStandardError: fit.residualStandardError,
    residualDegreesOfFreedom: fit.residualDegreesOfFreedom,
    municipalities: observations.length,
    weighting: 'residents_16_66',
    expectedRates,
  };
}

function checkInput(input: BenchmarkModelInput, periodName: string): void {
  const names = new Set<string>();
  for (const name of input.covariates) {
    if (name === '' || name === INTERCEPT || names.has(name)) {
      throw new DomainError(
        'bad_covariate_name',
        `benchmarkmodellen for ${periodName}: kovariatnavnet "${name}" er tomt, reserveret eller står to gange`,
      );
    }
    names.add(name);
  }
  const seen = new Set<MunicipalityCode>();
  for (const o of input.observations) {
    const where = `benchmarkmodellen for ${periodName}, kommune ${o.municipality}`;
    if (seen.has(o.municipality)) {
      throw new DomainError('duplicate_municipality', `${where}: kommunen står mere end én gang`);
    }
    seen.add(o.municipality);
    if (!Number.isFinite(o.residents16To66) || o.residents16To66 <= 0) {
      throw new DomainError(
        'non_positive_weight',
        `${where}: indbyggere 16-66 år skal være et tal større end 0, ikke ${o.residents16To66}`,
      );
    }
    if (!Number.isFinite(o.actualShare) || !Number.isFinite(o.actualCount)) {
      throw new DomainError(
        'non_finite_input',
        `${where}: den faktiske ydelsesgrad skal være et endeligt tal`,
      );
    }
    if (o.covariates.length !== input.covariates.length) {
      throw new DomainError(
        'covariate_count',
        `${where}: ${o.covariates.length} kovariatværdier, men modellen har ${input.covariates.length} kovariater`,
      );
    }
    o.covariates.forEach((value, j) => {
      if (!Number.isFinite(value)) {
        throw new DomainError(
          'non_finite_input',
          `${where}: "${input.covariates[j] ?? j}" skal være et endeligt tal, ikke ${value}`,
        );
      }
    });
  }
}

function describeDependence(entry: DependentColumn): string {
  const others = entry.combinationOf.filter((name) => name !== INTERCEPT);
  if (entry.combinationOf.length === 0) return `"${entry.column}" er 0 i alle kommuner`;
  if (others.length === 0) return `"${entry.column}" har samme værdi i alle kommuner`;
  const names = others.map((name) => `"${name}"`);
  const list =
    names.length === 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1] ?? ''}`;
  return `"${entry.column}" er en linearkombination af ${list}${others.length < entry.combinationOf.length ? ' (og konstantleddet)' : ''}`;
}

/**
 * FNV-1a over the canonical text of the input (period, covariate names and
 * every observation in code order, numbers in JavaScript's shortest
 * round-trip form), as two 32-bit halves: 16 hex digits. Not cryptographic;
 * it identifies a fit, so that a stored expected rate can be traced to the
 * exact model it came from.
 */
function fingerprint(
  covariates: readonly string[],
  observations: readonly BenchmarkObservation[],
  label: string,
): string {
  const parts = [label, covariates.join('\u001f')];
  for (const o of observations) {
    parts.push(
      [o.municipality, o.residents16To66, o.actualCount, o.actualShare, ...o.covariates].join(','),
    );
  }
  const text = parts.join('\n');
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ code ^ (low >>> 24), 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
