import { describe, expect, it } from 'vitest';
import {
  calendarYear,
  halfYear,
  quarterIndex,
  quarterWindow,
  type BenchmarkPeriod,
} from '../../../src/core/benchmark/benchmark-period.js';
import { expectedRatesForAssessment } from '../../../src/core/benchmark/expected-rates-for-assessment.js';
import type {
  ExpectedRate,
  ExpectedRateSource,
} from '../../../src/core/benchmark/expected-rates.js';

function rate(
  municipality: number,
  period: BenchmarkPeriod,
  source: ExpectedRateSource,
): ExpectedRate {
  return {
    municipality,
    period,
    residents16To66: undefined,
    expectedCount: 100,
    actualCount: 110,
    expectedShare: 10,
    actualShare: 11,
    differenceCount: 10,
    differencePoints: 1,
    rank: 1,
    source,
  };
}

const official = (period: string): ExpectedRateSource => ({
  kind: 'official',
  file: 'y30r21.csv',
  table: 'Y30R21',
  period,
});
const model: ExpectedRateSource = { kind: 'model', modelId: 'benchmark-2024-x', period: '2024' };
const rolling = quarterWindow(quarterIndex(2023, 3), quarterIndex(2024, 2));

describe('the expected rates of the annual assessment', () => {
  it('are the official figures of the calendar year when official figures are given', () => {
    const chosen = expectedRatesForAssessment(
      2024,
      [
        rate(147, calendarYear(2024), official('2024')),
        rate(101, calendarYear(2024), official('2024')),
        rate(101, rolling, official('2023Q3-2024Q2')),
      ],
      [rate(101, calendarYear(2024), model)],
    );
    expect(chosen.source).toBe('official');
    expect(chosen.rates.map((r) => [r.municipality, r.source.kind])).toEqual([
      [101, 'official'],
      [147, 'official'],
    ]);
  });

  it('are refused when the official figures lack the calendar year, naming the periods they have', () => {
    expect(() =>
      expectedRatesForAssessment(
        2024,
        [
          rate(101, rolling, official('2023Q3-2024Q2')),
          rate(101, calendarYear(2022), official('2022')),
        ],
        [rate(101, calendarYear(2024), model)],
      ),
    ).toThrow(
      'de officielle tal dækker ikke kalenderåret 2024 (1. kvartal 2024 - 4. kvartal 2024), som den årlige opgørelse bruger (§ 2); de dækker: 2022, 3. kvartal 2023 - 2. kvartal 2024',
    );
  });

  it('are the model’s when no official figures are given, and say so', () => {
    const chosen = expectedRatesForAssessment(2024, undefined, [
      rate(101, calendarYear(2024), model),
    ]);
    expect(chosen.source).toBe('model');
    expect(chosen.rates[0]?.source).toEqual(model);
  });

  it('are refused from a half-year model', () => {
    expect(() =>
      expectedRatesForAssessment(2024, undefined, [rate(101, halfYear(2024, 2), model)]),
    ).toThrow(
      'benchmarkmodellen er ikke estimeret for kalenderåret 2024 (1. kvartal 2024 - 4. kvartal 2024), som den årlige opgørelse bruger (§ 2); den dækker: 2. halvår 2024',
    );
  });
});
