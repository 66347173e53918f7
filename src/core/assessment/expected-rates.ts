/**
 * The expected and actual benefit rates of the result goal (the
 * `expected_rates` file of data.md; Jobindsats table Y30R21): per municipality
 * and year, in full-time persons and in percent of the residents aged 16–66.
 */
import type { MunicipalityCode } from '../domain/municipality.js';

export interface ExpectedRate {
  readonly municipality: MunicipalityCode;
  readonly year: number;
  /** Expected full-time persons on benefits, from the framework conditions. */
  readonly expectedCount: number;
  /** Actual full-time persons on benefits. */
  readonly actualCount: number;
  /** Expected benefit rate, percent. */
  readonly expectedShare: number;
  /** Actual benefit rate, percent. */
  readonly actualShare: number;
  /**
   * Where the expected rate comes from, in words: the benchmark model and its
   * id, or the file of official figures (issue: every result says its source).
   */
  readonly source: string;
}

/** The rates indexed by municipality and year. */
export class ExpectedRates {
  private readonly byKey = new Map<string, ExpectedRate>();
  private readonly yearSet = new Set<number>();

  constructor(rows: Iterable<ExpectedRate>) {
    for (const row of rows) {
      const key = `${row.municipality}|${row.year}`;
      if (this.byKey.has(key)) {
        throw new Error(`Duplicate expected rate: municipality ${row.municipality}, ${row.year}`);
      }
      this.byKey.set(key, row);
      this.yearSet.add(row.year);
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
