/**
 * The result goal (resultatmål), bek. nr. 301 af 20/03/2023 § 4 (bek. nr.
 * 1409 af 16/12/2019 § 4 likewise): "Som resultatmål […] fastsættes, at
 * kommunens faktiske ydelsesgrad ikke må overstige kommunens forventede
 * samlede ydelsesgrad."
 */
import { endYear } from '../benchmark/benchmark-period.js';
import { describeSource, type ExpectedRate } from '../benchmark/expected-rates.js';

export interface ResultGoalAssessment {
  readonly year: number;
  readonly expectedShare: number;
  readonly actualShare: number;
  /** actual − expected, percentage points, unrounded. */
  readonly differencePoints: number;
  readonly expectedCount: number;
  readonly actualCount: number;
  /** actual − expected, full-time persons, unrounded. */
  readonly differencePersons: number;
  readonly met: boolean;
  /** Where the expected rate comes from (the model or the official figures). */
  readonly source: string;
}

/**
 * § 4: the actual benefit rate "ikke må overstige" the expected rate — met
 * when actual − expected ≤ 0. The unrounded shares are compared: a
 * municipality whose difference rounds to 0,0 can still miss the goal.
 */
export function resultGoalMet(actualShare: number, expectedShare: number): boolean {
  return actualShare - expectedShare <= 0;
}

export function assessResultGoal(rate: ExpectedRate): ResultGoalAssessment {
  return {
    year: endYear(rate.period),
    expectedShare: rate.expectedShare,
    actualShare: rate.actualShare,
    differencePoints: rate.actualShare - rate.expectedShare,
    expectedCount: rate.expectedCount,
    actualCount: rate.actualCount,
    differencePersons: rate.actualCount - rate.expectedCount,
    met: resultGoalMet(rate.actualShare, rate.expectedShare),
    source: describeSource(rate.source),
  };
}
