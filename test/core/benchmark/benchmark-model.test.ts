import { describe, expect, it } from 'vitest';
import {
  fitBenchmarkModel,
  MINIMUM_RESIDUAL_DEGREES_OF_FREEDOM,
  type BenchmarkObservation,
} from '../../../src/core/benchmark/benchmark-model.js';
import { calendarYear, halfYear } from '../../../src/core/benchmark/benchmark-period.js';

/** n municipalities with one covariate; codes 101, 102, …; shares from counts. */
function observations(
  rows: readonly { residents: number; count: number; x: number }[],
): BenchmarkObservation[] {
  return rows.map((row, i) => ({
    municipality: 101 + i,
    residents16To66: row.residents,
    actualCount: row.count,
    actualShare: (row.count / row.residents) * 100,
    covariates: [row.x],
  }));
}

const ROWS = [
  { residents: 40_000, count: 4_100, x: 5.1 },
  { residents: 12_500, count: 1_480, x: 9.8 },
  { residents: 250_000, count: 27_600, x: 8.0 },
  { residents: 8_000, count: 690, x: 3.2 },
  { residents: 31_000, count: 3_900, x: 11.4 },
  { residents: 19_000, count: 1_750, x: 6.3 },
  { residents: 66_000, count: 7_010, x: 7.7 },
  { residents: 23_500, count: 2_020, x: 4.4 },
  { residents: 15_000, count: 1_790, x: 10.2 },
  { residents: 47_000, count: 4_600, x: 6.9 },
  { residents: 9_800, count: 1_010, x: 8.8 },
  { residents: 120_000, count: 11_700, x: 5.9 },
  { residents: 28_000, count: 3_300, x: 12.0 },
  { residents: 35_500, count: 3_420, x: 7.1 },
];

describe('the benchmark model', () => {
  const input = {
    period: calendarYear(2024),
    covariates: ['andel_ikke_vestlige'],
    observations: observations(ROWS),
  };

  it('expects for each municipality the weighted regression line of the closed-form formulas', () => {
    const model = fitBenchmarkModel(input);
    const w = ROWS.map((r) => r.residents);
    const x = ROWS.map((r) => r.x);
    const y = ROWS.map((r) => (r.count / r.residents) * 100);
    const sw = w.reduce((s, v) => s + v, 0);
    const xm = x.reduce((s, v, i) => s + (w[i] ?? 0) * v, 0) / sw;
    const ym = y.reduce((s, v, i) => s + (w[i] ?? 0) * v, 0) / sw;
    const slope =
      x.reduce((s, v, i) => s + (w[i] ?? 0) * (v - xm) * ((y[i] ?? 0) - ym), 0) /
      x.reduce((s, v, i) => s + (w[i] ?? 0) * (v - xm) ** 2, 0);
    expect(model.coefficients.map((c) => c.name)).toEqual(['intercept', 'andel_ikke_vestlige']);
    expect(model.coefficients[1]?.estimate).toBeCloseTo(slope, 11);
    expect(model.coefficients[0]?.estimate).toBeCloseTo(ym - slope * xm, 11);
    model.expectedRates.forEach((rate, i) => {
      const row = ROWS[i];
      if (!row) throw new Error('row');
      const expectedShare = ym + slope * (row.x - xm);
      expect(rate.municipality).toBe(101 + i);
      expect(rate.expectedShare).toBeCloseTo(expectedShare, 11);
      expect(rate.expectedCount).toBeCloseTo((expectedShare * row.residents) / 100, 8);
      expect(rate.actualCount).toBe(row.count);
      expect(rate.differenceCount).toBe(row.count - rate.expectedCount);
      expect(rate.differencePoints).toBe(rate.actualShare - rate.expectedShare);
    });
    expect(model.municipalities).toBe(14);
    expect(model.residualDegreesOfFreedom).toBe(12);
  });

  it('expects as many full-time persons nationally as there are, because it is weighted by residents', () => {
    const model = fitBenchmarkModel(input);
    const expected = model.expectedRates.reduce((s, r) => s + r.expectedCount, 0);
    const actual = model.expectedRates.reduce((s, r) => s + r.actualCount, 0);
    expect(Math.abs(expected - actual)).toBeLessThan(1e-6);
  });

  it('ranks 1 the municipality furthest below its expected rate and last the one furthest above', () => {
    const model = fitBenchmarkModel(input);
    const byDifference = [...model.expectedRates].sort(
      (a, b) => a.differencePoints - b.differencePoints,
    );
    expect(byDifference.map((r) => r.rank)).toEqual(ROWS.map((_, i) => i + 1));
    expect(byDifference[0]?.differencePoints).toBeLessThan(0);
    expect(byDifference[13]?.differencePoints).toBeGreaterThan(0);
  });

  it('says that each expected rate comes from this model and period', () => {
    const model = fitBenchmarkModel({ ...input, period: halfYear(2024, 2) });
    expect(model.id).toMatch(/^benchmark-2024-H2-[0-9a-f]{16}$/);
    for (const rate of model.expectedRates) {
      expect(rate.source).toEqual({ kind: 'model', modelId: model.id, period: '2024-H2' });
    }
  });

  it('is deterministic: permuted input gives the identical model, id and ranks', () => {
    const model = fitBenchmarkModel(input);
    const permuted = fitBenchmarkModel({
      ...input,
      observations: [...input.observations].reverse(),
    });
    expect(permuted).toEqual(model);
  });

  it('gets another id when any input value changes', () => {
    const changed = observations(ROWS.map((r, i) => (i === 3 ? { ...r, count: r.count + 1 } : r)));
    expect(fitBenchmarkModel({ ...input, observations: changed }).id).not.toBe(
      fitBenchmarkModel(input).id,
    );
  });

  it(`refuses fewer than ${MINIMUM_RESIDUAL_DEGREES_OF_FREEDOM} municipalities more than parameters`, () => {
    const few = { ...input, observations: input.observations.slice(0, 11) };
    expect(() => fitBenchmarkModel(few)).toThrow(
      'for få kommuner til benchmarkmodellen for 2024: 11 kommuner, men modellen har 2 parametre ' +
        '(konstantled og 1 kovariat) og kræver mindst 12 kommuner (mindst 10 flere end parametrene)',
    );
    expect(() =>
      fitBenchmarkModel({ ...input, observations: input.observations.slice(0, 12) }),
    ).not.toThrow();
  });

  it('refuses a covariate that duplicates another, naming both', () => {
    const duplicated = {
      period: calendarYear(2024),
      covariates: ['ledighed', 'ledighed_igen'],
      observations: input.observations.map((o) => ({
        ...o,
        covariates: [...o.covariates, o.covariates[0] ?? 0],
      })),
    };
    expect(() => fitBenchmarkModel(duplicated)).toThrow(
      'benchmarkmodellen for 2024 kan ikke estimeres, fordi rammevilkårene er kollineære: ' +
        '"ledighed_igen" er en linearkombination af "ledighed". Fjern kovariaten fra rammevilkårene',
    );
  });

  it('refuses a covariate that is the same in every municipality', () => {
    const constant = {
      period: halfYear(2023, 1),
      covariates: ['andel_ikke_vestlige', 'landsdel'],
      observations: input.observations.map((o) => ({ ...o, covariates: [...o.covariates, 3] })),
    };
    expect(() => fitBenchmarkModel(constant)).toThrow(
      'benchmarkmodellen for 1. halvår 2023 kan ikke estimeres, fordi rammevilkårene er kollineære: ' +
        '"landsdel" har samme værdi i alle kommuner. Fjern kovariaten fra rammevilkårene',
    );
  });

  it('refuses a covariate that is a shifted copy of another, mentioning the intercept', () => {
    const shifted = {
      period: calendarYear(2024),
      covariates: ['a', 'a_plus_2'],
      observations: input.observations.map((o) => ({
        ...o,
        covariates: [...o.covariates, (o.covariates[0] ?? 0) + 2],
      })),
    };
    expect(() => fitBenchmarkModel(shifted)).toThrow(
      '"a_plus_2" er en linearkombination af "a" (og konstantleddet)',
    );
  });

  it('refuses a value that is not a finite number, naming municipality and covariate', () => {
    const broken = observations(ROWS).map((o) =>
      o.municipality === 104 ? { ...o, covariates: [Number.NaN] } : o,
    );
    expect(() => fitBenchmarkModel({ ...input, observations: broken })).toThrow(
      'benchmarkmodellen for 2024, kommune 104: "andel_ikke_vestlige" skal være et endeligt tal, ikke NaN',
    );
  });

  it('refuses a municipality given twice', () => {
    const twice = [...input.observations, ...input.observations.slice(0, 1)];
    expect(() => fitBenchmarkModel({ ...input, observations: twice })).toThrow(
      'benchmarkmodellen for 2024, kommune 101: kommunen står mere end én gang',
    );
  });
});
