/**
 * The benefit rate each synthetic municipality is generated to have: full-time
 * persons on the covered benefits per 100 residents aged 16–66.
 *
 *   rate = level + Σ coefficient × (covariate − centre) + residual
 *
 * so that the framework conditions explain most of the differences between
 * municipalities and a municipality-specific residual puts some above and
 * some below what their conditions predict — the result goal. Named
 * scenarios fix their residual (effort-scenarios.ts); the others draw one
 * from the design seed, and these drawn residuals are then adjusted to be
 * orthogonal to the covariates under the residents weights, so that the
 * weighted regression of the benchmark model recovers every residual.
 *
 * The rate also fixes the mix of benefit types: more kontanthjælp and
 * selvforsørgelse where deprivation and the non-Western share are high.
 */
import type { BenefitType } from '../core/domain/benefit-type.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { SeededRandom } from '../core/random/seeded-random.js';
import { DESIGN_SEED } from './design-seed.js';
import { effortDesignOf } from './effort-scenarios.js';
import { COVARIATE_NAMES, baseCovariates, type CovariateName } from './framework-conditions.js';
import { MUNICIPALITY_FIGURES, figuresOf } from './municipality-figures.js';

/** National level of the benefit rate at the centre of the covariates, % (reference year). */
export const RATE_LEVEL = 11.5;

/** Percentage points of benefit rate per unit of each covariate, and the covariate's centre. */
export const RATE_COEFFICIENTS: Readonly<Record<CovariateName, { per: number; centre: number }>> = {
  share_aged_50_66: { per: 0.06, centre: 33 },
  share_low_education: { per: 0.25, centre: 20 },
  share_non_western: { per: 0.17, centre: 6 },
  share_social_housing: { per: 0.05, centre: 18 },
  jobs_per_resident: { per: -4.5, centre: 0.85 },
};

/** Spread (σ, percentage points) and bound of the drawn residuals of free municipalities. */
const FREE_RESIDUAL_SIGMA = 0.35;
const FREE_RESIDUAL_BOUND = 0.9;

function linearPredictor(code: MunicipalityCode): number {
  const covariates = baseCovariates(code);
  let rate = RATE_LEVEL;
  for (const name of COVARIATE_NAMES) {
    const { per, centre } = RATE_COEFFICIENTS[name];
    rate += per * (covariates[name] - centre);
  }
  return rate;
}

/**
 * Residuals: designed ones as given, drawn ones made orthogonal to the
 * covariates (weighted by residents) after the designed ones are accounted
 * for, i.e. X'W u = 0 over all municipalities.
 */
function computeResiduals(): Map<MunicipalityCode, number> {
  const codes = MUNICIPALITY_FIGURES.map((figures) => figures.code);
  const designed = new Map<MunicipalityCode, number>();
  const free: MunicipalityCode[] = [];
  for (const code of codes) {
    const residual = effortDesignOf(code).residual;
    if (residual === undefined) free.push(code);
    else designed.set(code, residual);
  }
  const residuals = new Map<MunicipalityCode, number>(designed);
  for (const code of free) {
    const random = new SeededRandom(DESIGN_SEED, 9000 + code);
    const draw = FREE_RESIDUAL_SIGMA * random.normal();
    residuals.set(code, Math.max(-FREE_RESIDUAL_BOUND, Math.min(FREE_RESIDUAL_BOUND, draw)));
  }
  const row = (code: MunicipalityCode) => {
    const covariates = baseCovariates(code);
    return [1, ...COVARIATE_NAMES.map((name) => covariates[name])];
  };
  const weight = (code: MunicipalityCode) => figuresOf(code).residents;
  const p = COVARIATE_NAMES.length + 1;
  // g = X'W u over all municipalities; A = X_f' W_f X_f over the free ones.
  const g = new Array<number>(p).fill(0);
  const a = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const code of codes) {
    const x = row(code);
    const w = weight(code);
    const u = residuals.get(code) ?? 0;
    for (let i = 0; i < p; i += 1) g[i] = (g[i] ?? 0) + (x[i] ?? 0) * w * u;
  }
  for (const code of free) {
    const x = row(code);
    const w = weight(code);
    for (let i = 0; i < p; i += 1) {
      const ai = a[i];
      if (!ai) continue;
      for (let j = 0; j < p; j += 1) ai[j] = (ai[j] ?? 0) + (x[i] ?? 0) * w * (x[j] ?? 0);
    }
  }
  const gamma = solveLinearSystem(a, g);
  for (const code of free) {
    const x = row(code);
    let shift = 0;
    for (let i = 0; i < p; i += 1) shift += (x[i] ?? 0) * (gamma[i] ?? 0);
    residuals.set(code, (residuals.get(code) ?? 0) - shift);
  }
  return residuals;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and well conditioned). */
function solveLinearSystem(matrix: readonly (readonly number[])[], right: readonly number[]) {
  const n = right.length;
  const m = matrix.map((row, index) => [...row, right[index] ?? 0]);
  for (let column = 0; column < n; column += 1) {
    let pivot = column;
    for (let candidate = column + 1; candidate < n; candidate += 1) {
      if (Math.abs(m[candidate]?.[column] ?? 0) > Math.abs(m[pivot]?.[column] ?? 0))
        pivot = candidate;
    }
    const pivotRow = m[pivot];
    const currentRow = m[column];
    if (!pivotRow || !currentRow) throw new Error('singular system');
    m[pivot] = currentRow;
    m[column] = pivotRow;
    const divisor = pivotRow[column] ?? 0;
    if (Math.abs(divisor) < 1e-12) throw new Error('singular system');
    for (let row = 0; row < n; row += 1) {
      if (row === column) continue;
      const target = m[row];
      if (!target) continue;
      const factor = (target[column] ?? 0) / divisor;
      if (factor === 0) continue;
      for (let k = column; k <= n; k += 1)
        target[k] = (target[k] ?? 0) - factor * (pivotRow[k] ?? 0);
    }
  }
  return m.map((row, index) => (row[n] ?? 0) / (row[index] ?? 1));
}

const RESIDUALS = computeResiduals();

/** The residual of `code`: percentage points above (+) or below (−) its conditions' prediction. */
export function designedResidual(code: MunicipalityCode): number {
  return RESIDUALS.get(code) ?? 0;
}

/** The benefit rate `code` is generated to have in the reference year, in %. */
export function targetBenefitRate(code: MunicipalityCode): number {
  return linearPredictor(code) + designedResidual(code);
}

/** National shares of full-time persons by benefit type (approximately those of 2019–2020). */
export const NATIONAL_TYPE_MIX: Readonly<Record<BenefitType, number>> = {
  dagpenge: 0.22,
  sygedagpenge: 0.17,
  jobafklaring: 0.035,
  selvforsoergelse: 0.05,
  uddannelseshjaelp: 0.11,
  kontanthjaelp: 0.22,
  revalidering: 0.012,
  ressourceforloeb: 0.08,
  ledighedsydelse: 0.045,
};

/** The municipality's shares of full-time persons by benefit type (summing to 1). */
export function typeMix(code: MunicipalityCode): Readonly<Record<BenefitType, number>> {
  const { deprivation } = figuresOf(code);
  const covariates = baseCovariates(code);
  const social = 1 + 0.12 * deprivation;
  const raw: Record<BenefitType, number> = {
    dagpenge: NATIONAL_TYPE_MIX.dagpenge * (1 - 0.08 * deprivation),
    sygedagpenge:
      NATIONAL_TYPE_MIX.sygedagpenge * (1 + (0.03 * (covariates.share_aged_50_66 - 33)) / 5),
    jobafklaring: NATIONAL_TYPE_MIX.jobafklaring,
    selvforsoergelse:
      NATIONAL_TYPE_MIX.selvforsoergelse * Math.pow(covariates.share_non_western / 6, 0.8),
    uddannelseshjaelp: NATIONAL_TYPE_MIX.uddannelseshjaelp * social,
    kontanthjaelp: NATIONAL_TYPE_MIX.kontanthjaelp * social,
    revalidering: NATIONAL_TYPE_MIX.revalidering,
    ressourceforloeb: NATIONAL_TYPE_MIX.ressourceforloeb * social,
    ledighedsydelse: NATIONAL_TYPE_MIX.ledighedsydelse,
  };
  let total = 0;
  for (const value of Object.values(raw)) total += value;
  const mix = { ...raw };
  for (const key of Object.keys(mix) as BenefitType[]) mix[key] = raw[key] / total;
  return mix;
}
