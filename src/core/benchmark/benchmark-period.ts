/**
 * The period a benefit rate and its expected value refer to: a run of whole
 * calendar quarters. The project fits its model per calendar year (`2024`)
 * and half-year (`2024-H1`, `2024-H2`); Jobindsats publishes table Y30R21 for
 * rolling windows of four quarters ("3. kvartal 2020 - 2. kvartal 2021",
 * label `2020Q3-2021Q2`). One representation holds them all, so that an
 * imported window that is exactly a calendar year *is* that year.
 */

/** Quarters counted from year 0: `year × 4 + (quarter − 1)`. */
export type QuarterIndex = number;

export interface BenchmarkPeriod {
  readonly firstQuarter: QuarterIndex;
  /** Inclusive. */
  readonly lastQuarter: QuarterIndex;
}

export function quarterIndex(year: number, quarter: number): QuarterIndex {
  if (!Number.isInteger(year) || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`Not a quarter: ${year} Q${quarter}`);
  }
  return year * 4 + (quarter - 1);
}

export function yearOfQuarter(index: QuarterIndex): number {
  return Math.floor(index / 4);
}

/** 1 … 4. */
export function quarterOfQuarter(index: QuarterIndex): number {
  return index - yearOfQuarter(index) * 4 + 1;
}

export function quarterWindow(first: QuarterIndex, last: QuarterIndex): BenchmarkPeriod {
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first) {
    throw new RangeError(`Not a window of quarters: ${first} … ${last}`);
  }
  return { firstQuarter: first, lastQuarter: last };
}

/** The calendar year `year`: 1st to 4th quarter. */
export function calendarYear(year: number): BenchmarkPeriod {
  return quarterWindow(quarterIndex(year, 1), quarterIndex(year, 4));
}

/** The first (quarters 1–2) or second (quarters 3–4) half of `year`. */
export function halfYear(year: number, half: 1 | 2): BenchmarkPeriod {
  return half === 1
    ? quarterWindow(quarterIndex(year, 1), quarterIndex(year, 2))
    : quarterWindow(quarterIndex(year, 3), quarterIndex(year, 4));
}

export function isCalendarYear(period: BenchmarkPeriod): boolean {
  return (
    quarterOfQuarter(period.firstQuarter) === 1 && period.lastQuarter === period.firstQuarter + 3
  );
}

/** The half (1 or 2) when the period is exactly a half-year, else undefined. */
export function halfOf(period: BenchmarkPeriod): 1 | 2 | undefined {
  if (period.lastQuarter !== period.firstQuarter + 1) return undefined;
  const quarter = quarterOfQuarter(period.firstQuarter);
  if (quarter === 1) return 1;
  if (quarter === 3) return 2;
  return undefined;
}

/** The calendar year the period ends in. */
export function endYear(period: BenchmarkPeriod): number {
  return yearOfQuarter(period.lastQuarter);
}

export function samePeriod(a: BenchmarkPeriod, b: BenchmarkPeriod): boolean {
  return a.firstQuarter === b.firstQuarter && a.lastQuarter === b.lastQuarter;
}

/** Chronological: by last quarter, then by first quarter. */
export function comparePeriods(a: BenchmarkPeriod, b: BenchmarkPeriod): number {
  return a.lastQuarter - b.lastQuarter || a.firstQuarter - b.firstQuarter;
}

/**
 * The label used in files and JSON: `2024`, `2024-H1`, `2024-H2`, a single
 * quarter `2024Q3`, or any other window `2020Q3-2021Q2`.
 */
export function periodLabel(period: BenchmarkPeriod): string {
  const year = yearOfQuarter(period.firstQuarter);
  if (isCalendarYear(period)) return String(year);
  const half = halfOf(period);
  if (half !== undefined) return `${year}-H${half}`;
  const first = `${year}Q${quarterOfQuarter(period.firstQuarter)}`;
  if (period.lastQuarter === period.firstQuarter) return first;
  return `${first}-${yearOfQuarter(period.lastQuarter)}Q${quarterOfQuarter(period.lastQuarter)}`;
}

const YEAR_LABEL = /^(\d{4})$/;
const HALF_LABEL = /^(\d{4})-H([12])$/;
const QUARTER_LABEL = /^(\d{4})Q([1-4])(?:-(\d{4})Q([1-4]))?$/;

/** Reads a label written by {@link periodLabel}; undefined for anything else. */
export function parsePeriodLabel(text: string): BenchmarkPeriod | undefined {
  const trimmed = text.trim();
  const year = YEAR_LABEL.exec(trimmed);
  if (year) return calendarYear(Number(year[1]));
  const half = HALF_LABEL.exec(trimmed);
  if (half) return halfYear(Number(half[1]), half[2] === '1' ? 1 : 2);
  const quarters = QUARTER_LABEL.exec(trimmed);
  if (quarters) {
    const first = quarterIndex(Number(quarters[1]), Number(quarters[2]));
    const last =
      quarters[3] === undefined ? first : quarterIndex(Number(quarters[3]), Number(quarters[4]));
    return last < first ? undefined : quarterWindow(first, last);
  }
  return undefined;
}

/** Danish, for reports and messages: `2024`, `1. halvår 2024`, `3. kvartal 2020 - 2. kvartal 2021`. */
export function danishPeriodName(period: BenchmarkPeriod): string {
  const year = yearOfQuarter(period.firstQuarter);
  if (isCalendarYear(period)) return String(year);
  const half = halfOf(period);
  if (half !== undefined) return `${half}. halvår ${year}`;
  const first = `${quarterOfQuarter(period.firstQuarter)}. kvartal ${year}`;
  if (period.lastQuarter === period.firstQuarter) return first;
  return `${first} - ${quarterOfQuarter(period.lastQuarter)}. kvartal ${yearOfQuarter(period.lastQuarter)}`;
}
