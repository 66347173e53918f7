/**
 * Periods as Jobindsats and the ministry write them in published tables:
 * "3. kvartal 2020 - 2. kvartal 2021" (table Y30R21's rolling four
 * quarters), "1. halvår 2018 - 2. halvår 2018" (the ministry's benchmark
 * lists), "1. kvartal 2024", "1. halvår 2024", period codes "2020K3-2021K2"
 * or "2020Q3-2021Q2", and the project's own labels ("2024", "2024-H1").
 */
import {
  parsePeriodLabel,
  quarterIndex,
  quarterWindow,
  type BenchmarkPeriod,
} from './benchmark-period.js';

const DASH = '\\s*[-‐‑–—]\\s*';
const QUARTER = '([1-4])\\.\\s*kvartal\\s+(\\d{4})';
const HALF = '([12])\\.\\s*halvår\\s+(\\d{4})';
const CODE = '(\\d{4})\\s*[KQ]([1-4])';

const QUARTERS = new RegExp(`^${QUARTER}(?:${DASH}${QUARTER})?$`, 'iu');
const HALVES = new RegExp(`^${HALF}(?:${DASH}${HALF})?$`, 'iu');
const CODES = new RegExp(`^${CODE}(?:${DASH}${CODE})?$`, 'iu');

/** The period a published text names, or undefined when it is not one. */
export function parsePublishedPeriod(text: string): BenchmarkPeriod | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const own = parsePeriodLabel(trimmed);
  if (own) return own;
  const quarters = QUARTERS.exec(trimmed);
  if (quarters) {
    return window(
      quarterIndex(Number(quarters[2]), Number(quarters[1])),
      quarters[3] === undefined
        ? undefined
        : quarterIndex(Number(quarters[4]), Number(quarters[3])),
    );
  }
  const halves = HALVES.exec(trimmed);
  if (halves) {
    const firstHalf = Number(halves[1]);
    const first = quarterIndex(Number(halves[2]), firstHalf === 1 ? 1 : 3);
    const lastHalf = halves[3] === undefined ? firstHalf : Number(halves[3]);
    const lastYear = halves[4] === undefined ? Number(halves[2]) : Number(halves[4]);
    return window(first, quarterIndex(lastYear, lastHalf === 1 ? 2 : 4));
  }
  const codes = CODES.exec(trimmed);
  if (codes) {
    return window(
      quarterIndex(Number(codes[1]), Number(codes[2])),
      codes[3] === undefined ? undefined : quarterIndex(Number(codes[3]), Number(codes[4])),
    );
  }
  return undefined;
}

function window(first: number, last: number | undefined): BenchmarkPeriod | undefined {
  const end = last ?? first;
  return end < first ? undefined : quarterWindow(first, end);
}
