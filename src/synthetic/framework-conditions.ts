/**
 * Framework conditions (rammevilkår) of the synthetic municipalities: the
 * residents aged 16–66 and five covariates of the kind the benchmark model
 * uses — age structure, education, immigrant share, social housing, local
 * job density.
 *
 * The covariates are synthetic: drawn from each municipality's urbanity and
 * deprivation (municipality-figures.ts) plus noise from the fixed design
 * seed, with small common trends over the years. They look like the real
 * ones in range and in which municipalities are high or low, not in detail.
 */
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { SeededRandom } from '../core/random/seeded-random.js';
import { DESIGN_SEED } from './design-seed.js';
import {
  MUNICIPALITY_FIGURES,
  figuresOf,
  type MunicipalityFigures,
} from './municipality-figures.js';

/** Column names of the covariates in `framework_conditions.csv`, in file order. */
export const COVARIATE_NAMES = [
  'share_aged_50_66',
  'share_low_education',
  'share_non_western',
  'share_social_housing',
  'jobs_per_resident',
] as const;

export type CovariateName = (typeof COVARIATE_NAMES)[number];

export type Covariates = Readonly<Record<CovariateName, number>>;

/** The year the latent figures describe; trends run from it. */
export const REFERENCE_YEAR = 2020;

const BASE_COVARIATES = new Map<MunicipalityCode, Covariates>(
  MUNICIPALITY_FIGURES.map((figures) => [figures.code, drawCovariates(figures)]),
);

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function drawCovariates(figures: MunicipalityFigures): Covariates {
  const random = new SeededRandom(DESIGN_SEED, figures.code);
  const { urbanity: urban, deprivation: deprived } = figures;
  return {
    // % of the residents 16–66 who are 50–66: older in the countryside.
    share_aged_50_66: clamp(
      38 - 13 * urban + 1.2 * deprived * (1 - urban) + 1.2 * random.normal(),
      20,
      45,
    ),
    // % of the 25–66-year-olds with basic schooling as highest education.
    share_low_education: clamp(21 + 4.5 * deprived - 4 * urban + 1.5 * random.normal(), 8, 38),
    // % of the residents 16–66 who are immigrants or descendants of non-Western origin.
    share_non_western: clamp(
      2.5 + 7 * urban * urban + 10 * Math.max(deprived, 0) * urban + 0.8 * random.normal(),
      1,
      40,
    ),
    // % of dwellings that are social housing.
    share_social_housing: clamp(8 + 14 * urban + 6 * deprived * urban + 2 * random.normal(), 2, 60),
    // Jobs in the municipality per resident 16–66.
    jobs_per_resident: clamp(
      0.72 + 0.22 * urban - 0.05 * deprived + (figures.jobHub ?? 0) + 0.05 * random.normal(),
      0.45,
      1.5,
    ),
  };
}

/** The covariates of `code` in the reference year. */
export function baseCovariates(code: MunicipalityCode): Covariates {
  const covariates = BASE_COVARIATES.get(code);
  if (!covariates) throw new RangeError(`No covariates for municipality ${code}`);
  return covariates;
}

/**
 * The covariates of `code` in `year`: the base values with common trends
 * (more non-Western residents, more education, an older population, a dip
 * in jobs in 2020). Common trends shift every municipality alike, so a
 * regression per year finds the same relation.
 */
export function covariatesIn(code: MunicipalityCode, year: number): Covariates {
  const base = baseCovariates(code);
  const years = year - REFERENCE_YEAR;
  return {
    share_aged_50_66: base.share_aged_50_66 + 0.25 * years,
    share_low_education: base.share_low_education * Math.pow(0.985, years),
    share_non_western: base.share_non_western * Math.pow(1.025, years),
    share_social_housing: base.share_social_housing,
    jobs_per_resident:
      base.jobs_per_resident * Math.pow(1.006, years) * (year === REFERENCE_YEAR ? 0.98 : 1),
  };
}

/**
 * Residents aged 16–66 of `code` in `year` at `scale`: the real figure,
 * growing in towns and shrinking in the countryside, scaled and rounded,
 * and never below 1.
 */
export function residentsIn(code: MunicipalityCode, year: number, scale: number): number {
  const figures = figuresOf(code);
  const growthPerYear = 0.009 * figures.urbanity - 0.004;
  const real = figures.residents * Math.pow(1 + growthPerYear, year - REFERENCE_YEAR);
  return Math.max(1, Math.round(real * scale));
}
