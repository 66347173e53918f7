/**
 * Weighted least squares: the β that minimises Σ wᵢ (yᵢ − xᵢβ)², with
 * standard errors, t-values, R² and the residual standard error.
 *
 * Method. The rows are scaled by √wᵢ and the scaled design is factorised
 * A = QR by Householder reflections (Golub & Van Loan, Matrix Computations,
 * § 5.2), then Rβ = Qᵀ(√w·y) is solved by back substitution. This is the
 * method of R's `lm` (LINPACK dqrdc2) and is more stable than solving the
 * normal equations XᵀWX β = XᵀWy, whose condition number is the square of
 * the design's: covariates such as population density (thousands) beside
 * shares (tenths) make that matter.
 *
 * Rank. As in dqrdc2, a column whose norm, after the reflections of the
 * columns before it, has fallen to at most {@link RANK_TOLERANCE} times its
 * original norm is linearly dependent on those columns. The design is then
 * singular and the fit is refused with {@link SingularDesignError}, which
 * names each dependent column and the columns it is a combination of (R's
 * `lm` would silently drop it; an official figure must not depend on a
 * silent choice).
 *
 * Why no library: the numerical libraries for JavaScript on npm are either
 * unmaintained or heavy (a full linear-algebra or statistics stack, often
 * with native or WebAssembly parts) for a problem of at most 98 rows and
 * about ten columns. Householder QR is forty lines, exactly specified, and
 * tested here against hand-solved cases.
 *
 * Weights are scaled to mean 1 before fitting. β, standard errors, t-values
 * and R² do not depend on the scale of the weights; the residual standard
 * error does, and with mean-1 weights it is in the units of y for an
 * observation of average weight (R's `lm` with raw weights reports it
 * multiplied by √(mean weight)).
 *
 * Pure and deterministic: the same input in the same order gives the same
 * bits.
 */
import { DomainError } from '../domain-error.js';

/**
 * Relative tolerance of the rank check: the one R's `lm` uses (`tol = 1e-7`).
 * A column is dependent when at most this fraction of its norm is left after
 * removing its projection on the columns before it.
 */
export const RANK_TOLERANCE = 1e-7;

export interface WeightedLeastSquaresInput {
  /** Column names, for results and error messages. */
  readonly columnNames: readonly string[];
  /** n rows of p values, in the order of `columnNames`. */
  readonly design: readonly (readonly number[])[];
  /** n responses. */
  readonly response: readonly number[];
  /** n positive weights. */
  readonly weights: readonly number[];
  /**
   * Whether the model has an intercept (a column of ones). It decides the
   * definition of R² (see {@link WeightedLeastSquaresFit.rSquared}).
   */
  readonly hasIntercept: boolean;
}

export interface Coefficient {
  readonly name: string;
  readonly estimate: number;
  readonly standardError: number;
  /** estimate / standardError. */
  readonly tValue: number;
}

export interface WeightedLeastSquaresFit {
  readonly coefficients: readonly Coefficient[];
  /** xᵢβ for each row. */
  readonly fitted: readonly number[];
  /** yᵢ − xᵢβ for each row. */
  readonly residuals: readonly number[];
  readonly observations: number;
  readonly parameters: number;
  /** n − p. */
  readonly residualDegreesOfFreedom: number;
  /** Σ wᵢ eᵢ² with weights scaled to mean 1. */
  readonly weightedResidualSumOfSquares: number;
  /**
   * With an intercept: 1 − Σ wᵢeᵢ² / Σ wᵢ(yᵢ − ȳ_w)², ȳ_w the weighted mean of
   * y (the weighted R² of R's `summary.lm`): the share of the weighted
   * variation around the weighted mean that the covariates explain. Without
   * an intercept the denominator is Σ wᵢyᵢ². Undefined when y has no
   * variation.
   */
  readonly rSquared: number | undefined;
  /** 1 − (1 − R²)(n − 1)/(n − p) with an intercept, (1 − R²)·n/(n − p) without. */
  readonly adjustedRSquared: number | undefined;
  /** √(Σ wᵢeᵢ² / (n − p)), weights scaled to mean 1. */
  readonly residualStandardError: number;
}

/** The design has linearly dependent columns; each entry names one of them. */
export interface DependentColumn {
  readonly column: string;
  /** The columns before it of which it is a linear combination (empty: it is all zero). */
  readonly combinationOf: readonly string[];
}

export class SingularDesignError extends DomainError {
  constructor(readonly dependent: readonly DependentColumn[]) {
    super(
      'singular_design',
      `designmatricen er singulær: ${dependent.map(describeDependence).join('; ')}`,
    );
    this.name = 'SingularDesignError';
  }
}

function describeDependence(entry: DependentColumn): string {
  if (entry.combinationOf.length === 0) return `"${entry.column}" er nul i alle rækker`;
  const names = entry.combinationOf.map((name) => `"${name}"`);
  const list =
    names.length === 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1] ?? ''}`;
  return `"${entry.column}" er en linearkombination af ${list}`;
}

export function fitWeightedLeastSquares(input: WeightedLeastSquaresInput): WeightedLeastSquaresFit {
  const { columnNames, design, response, weights } = input;
  const n = response.length;
  const p = columnNames.length;
  if (design.length !== n || weights.length !== n) {
    throw new RangeError('design, response and weights must have the same number of rows');
  }
  if (p === 0) throw new RangeError('the design needs at least one column');
  for (const row of design) {
    if (row.length !== p) throw new RangeError('every design row needs one value per column');
  }
  if (n <= p) {
    throw new DomainError(
      'too_few_observations',
      `for få observationer: ${n} observationer og ${p} parametre (der skal være flere observationer end parametre)`,
    );
  }
  checkFinite(input);

  const meanWeight = weights.reduce((sum, w) => sum + w, 0) / n;
  const w = weights.map((value) => value / meanWeight);
  const root = w.map(Math.sqrt);
  // a[j] is column j of the scaled design: column-major for the reflections.
  const a: number[][] = [];
  for (let j = 0; j < p; j += 1) a.push(design.map((row, i) => (row[j] ?? 0) * (root[i] ?? 0)));
  const b = response.map((y, i) => y * (root[i] ?? 0));
  const originalNorms = a.map(norm);

  // Householder QR without reordering: a dependent column is recorded, not
  // reflected, and the design refused afterwards.
  const kept: number[] = [];
  const dependentColumns: number[] = [];
  for (let j = 0; j < p; j += 1) {
    const column = a[j] ?? [];
    const row = kept.length;
    const tail = norm(column.slice(row));
    if (tail <= RANK_TOLERANCE * (originalNorms[j] ?? 0)) {
      dependentColumns.push(j);
      continue;
    }
    const v = householderVector(column.slice(row), tail);
    for (let k = j; k < p; k += 1) reflect(a[k] ?? [], row, v);
    reflect(b, row, v);
    kept.push(j);
  }
  if (dependentColumns.length > 0) {
    throw new SingularDesignError(
      dependentColumns.map((j) => ({
        column: columnNames[j] ?? String(j),
        combinationOf: combinationOf(a, kept, j, originalNorms).map(
          (k) => columnNames[k] ?? String(k),
        ),
      })),
    );
  }

  // R is the upper p × p block of the reflected columns (row i of column j).
  const r = (i: number, j: number): number => a[j]?.[i] ?? 0;
  const beta = backSubstitute(r, b, p);
  const inverse = invertUpperTriangular(r, p);

  const fitted = design.map((row) => row.reduce((sum, x, j) => sum + x * (beta[j] ?? 0), 0));
  const residuals = response.map((y, i) => y - (fitted[i] ?? 0));
  const rss = residuals.reduce((sum, e, i) => sum + (w[i] ?? 0) * e * e, 0);
  const df = n - p;
  const variance = rss / df;
  const coefficients = columnNames.map((name, j) => {
    let diagonal = 0;
    for (let k = j; k < p; k += 1) diagonal += (inverse[j]?.[k] ?? 0) ** 2;
    const standardError = Math.sqrt(variance * diagonal);
    const estimate = beta[j] ?? 0;
    return { name, estimate, standardError, tValue: estimate / standardError };
  });

  const tss = totalSumOfSquares(response, w, input.hasIntercept);
  const rSquared = tss > 0 ? 1 - rss / tss : undefined;
  const adjustedRSquared =
    rSquared === undefined
      ? undefined
      : 1 - ((1 - rSquared) * (input.hasIntercept ? n - 1 : n)) / df;
  return {
    coefficients,
    fitted,
    residuals,
    observations: n,
    parameters: p,
    residualDegreesOfFreedom: df,
    weightedResidualSumOfSquares: rss,
    rSquared,
    adjustedRSquared,
    residualStandardError: Math.sqrt(variance),
  };
}

function checkFinite(input: WeightedLeastSquaresInput): void {
  input.response.forEach((y, i) => {
    if (!Number.isFinite(y))
      throw new DomainError(
        'non_finite_input',
        `række ${i + 1}: responsen er ikke et endeligt tal`,
      );
  });
  input.weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w <= 0)
      throw new DomainError(
        'non_positive_weight',
        `række ${i + 1}: vægten skal være et endeligt tal større end 0, ikke ${w}`,
      );
  });
  input.design.forEach((row, i) => {
    row.forEach((x, j) => {
      if (!Number.isFinite(x))
        throw new DomainError(
          'non_finite_input',
          `række ${i + 1}: "${input.columnNames[j] ?? j}" er ikke et endeligt tal`,
        );
    });
  });
}

function norm(values: readonly number[]): number {
  // Scaled to avoid overflow and underflow, as LINPACK's dnrm2.
  let scale = 0;
  for (const value of values) scale = Math.max(scale, Math.abs(value));
  if (scale === 0) return 0;
  let sum = 0;
  for (const value of values) sum += (value / scale) ** 2;
  return scale * Math.sqrt(sum);
}

/** v with (I − 2vvᵀ/vᵀv)x = −sign(x₀)‖x‖e₁, the sign chosen to avoid cancellation. */
function householderVector(x: readonly number[], xNorm: number): number[] {
  const v = [...x];
  const first = v[0] ?? 0;
  v[0] = first + (first >= 0 ? xNorm : -xNorm);
  return v;
}

/** Applies the reflection of `v` to rows `row` … of `column`, in place. */
function reflect(column: number[], row: number, v: readonly number[]): void {
  let vv = 0;
  let vx = 0;
  for (let i = 0; i < v.length; i += 1) {
    const vi = v[i] ?? 0;
    vv += vi * vi;
    vx += vi * (column[row + i] ?? 0);
  }
  if (vv === 0) return;
  const factor = (2 * vx) / vv;
  for (let i = 0; i < v.length; i += 1) {
    column[row + i] = (column[row + i] ?? 0) - factor * (v[i] ?? 0);
  }
}

function backSubstitute(r: (i: number, j: number) => number, b: readonly number[], p: number) {
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i -= 1) {
    let sum = b[i] ?? 0;
    for (let k = i + 1; k < p; k += 1) sum -= r(i, k) * (x[k] ?? 0);
    x[i] = sum / r(i, i);
  }
  return x;
}

/** R⁻¹ of the upper triangular R, row by row: (R⁻¹)ᵢₖ, zero below the diagonal. */
function invertUpperTriangular(r: (i: number, j: number) => number, p: number): number[][] {
  const inverse: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let k = 0; k < p; k += 1) {
    // Solve R x = e_k: column k of R⁻¹.
    for (let i = k; i >= 0; i -= 1) {
      let sum = i === k ? 1 : 0;
      for (let m = i + 1; m <= k; m += 1) sum -= r(i, m) * (inverse[m]?.[k] ?? 0);
      const row = inverse[i];
      if (row) row[k] = sum / r(i, i);
    }
  }
  return inverse;
}

/**
 * The kept columns (before `j`) that column `j` is a combination of: solve
 * R₁₁c = (Qᵀaⱼ)₁ over the kept columns and keep those whose contribution
 * |cₖ|·‖aₖ‖ is not negligible next to ‖aⱼ‖.
 */
function combinationOf(
  a: readonly (readonly number[])[],
  kept: readonly number[],
  j: number,
  originalNorms: readonly number[],
): number[] {
  const before = kept.filter((k) => k < j);
  const m = before.length;
  const r = (i: number, col: number): number => a[before[col] ?? 0]?.[i] ?? 0;
  const target = (a[j] ?? []).slice(0, m);
  const c = backSubstitute(r, target, m);
  const own = originalNorms[j] ?? 0;
  return before.filter(
    (k, index) => Math.abs(c[index] ?? 0) * (originalNorms[k] ?? 0) > 1e-6 * own,
  );
}

function totalSumOfSquares(
  response: readonly number[],
  w: readonly number[],
  hasIntercept: boolean,
): number {
  if (!hasIntercept) return response.reduce((sum, y, i) => sum + (w[i] ?? 0) * y * y, 0);
  const totalWeight = w.reduce((sum, value) => sum + value, 0);
  const mean = response.reduce((sum, y, i) => sum + (w[i] ?? 0) * y, 0) / totalWeight;
  return response.reduce((sum, y, i) => sum + (w[i] ?? 0) * (y - mean) ** 2, 0);
}
