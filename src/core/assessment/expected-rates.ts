/**
 * The expected and actual benefit rates the annual assessment reads: the
 * calendar-year rates of any source (the benchmark model, or official
 * figures from an `expected_rates` file or Jobindsats table Y30R21; one
 * shape, `ExpectedRate` of core/benchmark/expected-rates.ts), indexed by
 * municipality and year.
 */
import { endYear, isCalendarYear, periodLabel } from '../benchmark/benchmark-period.js';
import type { ExpectedRate } from '../benchmark/expected-rates.js';
import type { MunicipalityCode } from '../domain/municipality.js';

/** The rates indexed by municipality and calendar year. */
export class ExpectedRates {
  private readonly byKey = new Map<string, ExpectedRate>();
  private readonly yearSet = new Set<number>();

  /** Every rate must be of a calendar year (§ 2: "perioden 1. januar – 31. december"). */
  constructor(rows: Iterable<ExpectedRate>) {
    for (const row of rows) {
      if (!isCalendarYear(row.period)) {
        throw new Error(
          `Not a calendar year: municipality ${row.municipality}, ${periodLabel(row.period)}`,
        );
      }
      const year = endYear(row.period);
      const key = `${row.municipality}|${year}`;
      if (this.byKey.has(key)) {
        throw new Error(`Duplicate expected rate: municipality ${row.municipality}, ${year}`);
      }
      this.byKey.set(key, row);
      this.yearSet.add(year);
    }
  }

  get(municipality: MunicipalityCode, year: number): ExpectedRate | undefined {
    return this.byKey.get(`${municipality}|${year}`);
  }

  /** The years that have at least one row, ascending. */
  years(): number[] {
    return [...this.yearSet].sort((a, b) => a - b);
  }
}
