import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/core/domain-error.js';
import {
  fitWeightedLeastSquares,
  SingularDesignError,
  type WeightedLeastSquaresFit,
} from '../../../src/core/benchmark/weighted-least-squares.js';

/** Relative agreement to 12 significant digits: what double arithmetic allows here. */
function expectClose(actual: number | undefined, expected: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(
    1e-12 * Math.max(1, Math.abs(expected)),
  );
}

function coefficient(fit: WeightedLeastSquaresFit, name: string) {
  const found = fit.coefficients.find((c) => c.name === name);
  if (!found) throw new Error(`no coefficient ${name}`);
  return found;
}

describe('weighted least squares', () => {
  // y = a + b·x on x = 0, 1, 2, 3 with weights 1, 2, 2, 1. By hand:
  // Σw = 6, x̄_w = 1.5, ȳ_w = 3, Sxy = Σw(x−x̄)(y−ȳ) = 8, Sxx = Σw(x−x̄)² = 5.5,
  // b = 16/11, a = 9/11; residuals 2/11, −3/11, 3/11, −2/11; Σwe² = 4/11;
  // Var(b) = Σwe²/(n−2)/Sxx = 4/121; Var(a) = Σwe²/(n−2)·(1/Σw + x̄²/Sxx) = 38/363;
  // TSS_w = 12, R² = 32/33; residual SE with weights of mean 1 = √((4/11)/1.5/2) = 2/√33.
  const simple = {
    columnNames: ['(konstant)', 'x'],
    design: [
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ],
    response: [1, 2, 4, 5],
    weights: [1, 2, 2, 1],
    hasIntercept: true,
  };

  it('solves a simple weighted regression to the hand-computed fractions', () => {
    const fit = fitWeightedLeastSquares(simple);
    expectClose(coefficient(fit, '(konstant)').estimate, 9 / 11);
    expectClose(coefficient(fit, 'x').estimate, 16 / 11);
    expectClose(coefficient(fit, 'x').standardError, 2 / 11);
    expectClose(coefficient(fit, 'x').tValue, 8);
    expectClose(coefficient(fit, '(konstant)').standardError, Math.sqrt(38 / 363));
    [9 / 11, 25 / 11, 41 / 11, 57 / 11].forEach((value, i) => {
      expectClose(fit.fitted[i], value);
    });
    [2 / 11, -3 / 11, 3 / 11, -2 / 11].forEach((value, i) => {
      expectClose(fit.residuals[i], value);
    });
    expectClose(fit.rSquared, 32 / 33);
    expectClose(fit.adjustedRSquared, 1 - ((1 / 33) * 3) / 2);
    expectClose(fit.residualStandardError, 2 / Math.sqrt(33));
    expect(fit.residualDegreesOfFreedom).toBe(2);
  });

  it('gives the same coefficients, errors and R² whatever the scale of the weights', () => {
    const scaled = fitWeightedLeastSquares({ ...simple, weights: [1000, 2000, 2000, 1000] });
    const plain = fitWeightedLeastSquares(simple);
    plain.coefficients.forEach((c, j) => {
      expectClose(scaled.coefficients[j]?.estimate, c.estimate);
      expectClose(scaled.coefficients[j]?.standardError, c.standardError);
    });
    expectClose(scaled.rSquared, plain.rSquared ?? Number.NaN);
    expectClose(scaled.residualStandardError, plain.residualStandardError);
  });

  it('agrees with the closed-form formulas of simple weighted regression on irregular data', () => {
    const x = [3.1, 7.4, 2.2, 9.9, 5.5, 6.1, 4.8, 8.3];
    const y = [10.2, 14.9, 8.1, 19.7, 12.0, 13.3, 12.8, 15.1];
    const w = [41_000, 9_500, 120_000, 15_200, 33_300, 58_000, 21_750, 7_900];
    const fit = fitWeightedLeastSquares({
      columnNames: ['(konstant)', 'x'],
      design: x.map((value) => [1, value]),
      response: y,
      weights: w,
      hasIntercept: true,
    });
    const sw = w.reduce((s, v) => s + v, 0);
    const xm = x.reduce((s, v, i) => s + (w[i] ?? 0) * v, 0) / sw;
    const ym = y.reduce((s, v, i) => s + (w[i] ?? 0) * v, 0) / sw;
    const sxx = x.reduce((s, v, i) => s + (w[i] ?? 0) * (v - xm) ** 2, 0);
    const sxy = x.reduce((s, v, i) => s + (w[i] ?? 0) * (v - xm) * ((y[i] ?? 0) - ym), 0);
    const slope = sxy / sxx;
    const intercept = ym - slope * xm;
    const rss = x.reduce(
      (s, v, i) => s + (w[i] ?? 0) * ((y[i] ?? 0) - intercept - slope * v) ** 2,
      0,
    );
    const tss = y.reduce((s, v, i) => s + (w[i] ?? 0) * (v - ym) ** 2, 0);
    const sigma2 = rss / (x.length - 2);
    expect(coefficient(fit, 'x').estimate).toBeCloseTo(slope, 11);
    expect(coefficient(fit, '(konstant)').estimate).toBeCloseTo(intercept, 11);
    expect(coefficient(fit, 'x').standardError).toBeCloseTo(Math.sqrt(sigma2 / sxx), 11);
    expect(coefficient(fit, '(konstant)').standardError).toBeCloseTo(
      Math.sqrt(sigma2 * (1 / sw + (xm * xm) / sxx)),
      11,
    );
    expect(fit.rSquared).toBeCloseTo(1 - rss / tss, 12);
    expect(fit.residualStandardError).toBeCloseTo(Math.sqrt(sigma2 / (sw / x.length)), 11);
  });

  // Two covariates orthogonal under the weights 1, 1, 1, 1, 2, so the weighted
  // normal equations are diagonal: β₀ = Σwy/Σw = 20/6, β₁ = Σwx₁y/Σwx₁² = 6/4,
  // β₂ = Σwx₂y/Σwx₂² = 4/4. Residuals 1/6, −5/6, −5/6, 1/6, 4/6: Σwe² = 7/3;
  // σ² (raw weights) = 7/6; Var(β₀) = 7/36, Var(β₁) = Var(β₂) = 7/24;
  // TSS_w = 46/3, R² = 39/46; with weights of mean 6/5 the residual SE is √35/6.
  it('solves a two-covariate weighted regression to the hand-computed fractions', () => {
    const fit = fitWeightedLeastSquares({
      columnNames: ['(konstant)', 'x1', 'x2'],
      design: [
        [1, -1, -1],
        [1, 1, -1],
        [1, -1, 1],
        [1, 1, 1],
        [1, 0, 0],
      ],
      response: [1, 3, 2, 6, 4],
      weights: [1, 1, 1, 1, 2],
      hasIntercept: true,
    });
    expectClose(coefficient(fit, '(konstant)').estimate, 10 / 3);
    expectClose(coefficient(fit, 'x1').estimate, 3 / 2);
    expectClose(coefficient(fit, 'x2').estimate, 1);
    expectClose(coefficient(fit, '(konstant)').standardError, Math.sqrt(7 / 36));
    expectClose(coefficient(fit, 'x1').standardError, Math.sqrt(7 / 24));
    expectClose(coefficient(fit, 'x2').standardError, Math.sqrt(7 / 24));
    expectClose(coefficient(fit, 'x2').tValue, 1 / Math.sqrt(7 / 24));
    [1 / 6, -5 / 6, -5 / 6, 1 / 6, 4 / 6].forEach((value, i) => {
      expectClose(fit.residuals[i], value);
    });
    expectClose(fit.weightedResidualSumOfSquares, (7 / 3) * (5 / 6));
    expectClose(fit.rSquared, 39 / 46);
    expectClose(fit.residualStandardError, Math.sqrt(35) / 6);
  });

  it('fits an exact linear relation perfectly: R² = 1 and no residual', () => {
    const rows = [
      [2, 10],
      [5, 3],
      [1, 7],
      [8, 8],
      [4, 1],
      [6, 12],
    ];
    const fit = fitWeightedLeastSquares({
      columnNames: ['(konstant)', 'a', 'b'],
      design: rows.map(([a = 0, b = 0]) => [1, a, b]),
      response: rows.map(([a = 0, b = 0]) => 2 + 3 * a - 0.5 * b),
      weights: [5, 1, 3, 2, 8, 4],
      hasIntercept: true,
    });
    expectClose(coefficient(fit, '(konstant)').estimate, 2);
    expectClose(coefficient(fit, 'a').estimate, 3);
    expectClose(coefficient(fit, 'b').estimate, -0.5);
    expectClose(fit.rSquared, 1);
    expect(fit.residualStandardError).toBeLessThan(1e-13);
  });

  it('uses Σwy² as the total sum of squares without an intercept', () => {
    // y = b·x through the origin, weights 1: b = Σxy/Σx² = (3 + 8 + 18)/(1 + 4 + 9) = 29/14.
    const fit = fitWeightedLeastSquares({
      columnNames: ['x'],
      design: [[1], [2], [3]],
      response: [3, 4, 6],
      weights: [1, 1, 1],
      hasIntercept: false,
    });
    const b = 29 / 14;
    expectClose(coefficient(fit, 'x').estimate, b);
    const rss = (3 - b) ** 2 + (4 - 2 * b) ** 2 + (6 - 3 * b) ** 2;
    expectClose(fit.rSquared, 1 - rss / (9 + 16 + 36));
  });

  it('refuses a covariate that duplicates another, naming both', () => {
    const fit = () =>
      fitWeightedLeastSquares({
        columnNames: ['(konstant)', 'ledighed', 'ledighed_kopi'],
        design: [
          [1, 2, 2],
          [1, 3, 3],
          [1, 5, 5],
          [1, 7, 7],
        ],
        response: [1, 2, 3, 5],
        weights: [1, 1, 1, 1],
        hasIntercept: true,
      });
    expect(fit).toThrow(SingularDesignError);
    expect(fit).toThrow(
      'designmatricen er singulær: "ledighed_kopi" er en linearkombination af "ledighed"',
    );
  });

  it('refuses a constant covariate as a combination of the intercept', () => {
    expect(() =>
      fitWeightedLeastSquares({
        columnNames: ['(konstant)', 'x', 'konstant'],
        design: [
          [1, 2, 4],
          [1, 3, 4],
          [1, 5, 4],
          [1, 7, 4],
        ],
        response: [1, 2, 3, 5],
        weights: [1, 2, 3, 4],
        hasIntercept: true,
      }),
    ).toThrow('designmatricen er singulær: "konstant" er en linearkombination af "(konstant)"');
  });

  it('names every column of a combination of several, and a column of zeros', () => {
    let error: unknown;
    try {
      fitWeightedLeastSquares({
        columnNames: ['(konstant)', 'a', 'b', 'a_plus_b', 'zero'],
        design: [
          [1, 1, 0, 1, 0],
          [1, 2, 1, 3, 0],
          [1, 0, 4, 4, 0],
          [1, 5, 2, 7, 0],
          [1, 3, 3, 6, 0],
          [1, 1, 9, 10, 0],
        ],
        response: [1, 2, 3, 4, 5, 6],
        weights: [1, 1, 1, 1, 1, 1],
        hasIntercept: true,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SingularDesignError);
    expect((error as SingularDesignError).dependent).toEqual([
      { column: 'a_plus_b', combinationOf: ['a', 'b'] },
      { column: 'zero', combinationOf: [] },
    ]);
    expect((error as Error).message).toBe(
      'designmatricen er singulær: "a_plus_b" er en linearkombination af "a" og "b"; "zero" er nul i alle rækker',
    );
  });

  it('refuses as many observations as parameters', () => {
    expect(() =>
      fitWeightedLeastSquares({
        columnNames: ['(konstant)', 'x'],
        design: [
          [1, 1],
          [1, 2],
        ],
        response: [1, 2],
        weights: [1, 1],
        hasIntercept: true,
      }),
    ).toThrow(
      'for få observationer: 2 observationer og 2 parametre (der skal være flere observationer end parametre)',
    );
  });

  it('refuses a weight that is not positive and a value that is not finite', () => {
    const base = {
      columnNames: ['(konstant)', 'x'],
      design: [
        [1, 1],
        [1, 2],
        [1, 4],
      ],
      response: [1, 2, 3],
      weights: [1, 1, 1],
      hasIntercept: true,
    };
    expect(() => fitWeightedLeastSquares({ ...base, weights: [1, 0, 1] })).toThrow(
      'række 2: vægten skal være et endeligt tal større end 0, ikke 0',
    );
    expect(() =>
      fitWeightedLeastSquares({
        ...base,
        design: [
          [1, 1],
          [1, Number.NaN],
          [1, 4],
        ],
      }),
    ).toThrow(new DomainError('non_finite_input', 'række 2: "x" er ikke et endeligt tal'));
  });

  it('is deterministic: the same input gives the same bits', () => {
    const first = fitWeightedLeastSquares(simple);
    const second = fitWeightedLeastSquares(simple);
    expect(second).toEqual(first);
  });
});
