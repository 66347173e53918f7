/**
 * Turns what an assessment or risk view lacks into input problems naming the
 * file and what is missing from it, so that incomplete files are refused with
 * a clear answer instead of a municipality being skipped silently.
 */
import { addMonths, monthIndex, type YearMonth } from '../core/calendar/year-month.js';
import type { MissingInput } from '../core/assessment/assessment-inputs.js';
import type { InputProblem } from '../files/input-error.js';

export interface InputFileNames {
  readonly focus: string;
  readonly rates: string;
}

/**
 * One problem per gap; with `ratesYears` (the years the rates file holds)
 * and a year missing from it altogether, first a problem that says which
 * years it holds and how to write the others in one file.
 */
export function missingInputProblems(
  missing: readonly MissingInput[],
  files: InputFileNames,
  nameOf: (municipality: number) => string,
  ratesYears?: readonly number[],
): InputProblem[] {
  return [
    ...ratesYearsHint(missing, files, ratesYears),
    ...missing.map((gap): InputProblem => {
      switch (gap.kind) {
        case 'rates':
          return {
            file: files.rates,
            reason: `mangler en række for ${nameOf(gap.municipality)}, år ${gap.year}`,
          };
        case 'rates_year':
          return {
            file: files.rates,
            reason: `har ingen forventede ydelsesgrader for ${gap.year} eller et tidligere år`,
          };
        case 'focus_measures':
          return {
            file: files.focus,
            reason:
              `mangler ${gap.months.length === 1 ? 'måneden' : 'månederne'} ${monthRanges(gap.months)} ` +
              `for ${nameOf(gap.municipality)}, mål "${gap.goal}", scope "all" ` +
              `(de indgår i fokusmålingen for ${gap.month})`,
          };
      }
    }),
  ];
}

function ratesYearsHint(
  missing: readonly MissingInput[],
  files: InputFileNames,
  ratesYears: readonly number[] | undefined,
): InputProblem[] {
  if (ratesYears === undefined) return [];
  const held = new Set(ratesYears);
  const absent = [...new Set(missing.flatMap((gap) => (gap.kind === 'rates' ? [gap.year] : [])))]
    .filter((year) => !held.has(year))
    .sort((a, b) => a - b);
  if (absent.length === 0) return [];
  return [
    {
      file: files.rates,
      reason:
        `filen har forventede ydelsesgrader for ${ratesYears.length === 0 ? 'ingen år' : yearList(ratesYears)}, ikke for ${yearList(absent)}; ` +
        'tilsyn benchmark --from ÅR --to ÅR --out FIL skriver flere år i én fil',
    },
  ];
}

/** `2021, 2023 og 2024` */
function yearList(years: readonly number[]): string {
  const texts = years.map(String);
  return texts.length <= 1
    ? (texts[0] ?? '')
    : `${texts.slice(0, -1).join(', ')} og ${texts[texts.length - 1] ?? ''}`;
}

/** `2021-01 – 2021-03, 2021-07` */
export function monthRanges(months: readonly YearMonth[]): string {
  const sorted = [...months].sort();
  const ranges: string[] = [];
  let start: YearMonth | undefined;
  let previous: YearMonth | undefined;
  const flush = () => {
    if (start === undefined || previous === undefined) return;
    ranges.push(start === previous ? start : `${start} – ${previous}`);
  };
  for (const month of sorted) {
    if (previous !== undefined && monthIndex(month) === monthIndex(addMonths(previous, 1))) {
      previous = month;
      continue;
    }
    flush();
    start = month;
    previous = month;
  }
  flush();
  return ranges.join(', ');
}
