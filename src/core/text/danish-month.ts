/**
 * Months and dates in Danish words for report and letter content.
 */
import { DANISH_MONTHS } from '../calendar/iso-date.js';
import { monthNumberOf, yearOf, type YearMonth } from '../calendar/year-month.js';

/** "december 2024" */
export function danishMonth(month: YearMonth): string {
  return `${DANISH_MONTHS[monthNumberOf(month) - 1] ?? ''} ${yearOf(month)}`;
}

/** "dec 24" — a short label for chart axes and table headers. */
export function shortDanishMonth(month: YearMonth): string {
  const name = DANISH_MONTHS[monthNumberOf(month) - 1] ?? '';
  return `${name.slice(0, 3)} ${String(yearOf(month) % 100).padStart(2, '0')}`;
}
