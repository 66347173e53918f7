/**
 * Reads official expected rates from a file in either form data.md allows:
 * a plain `expected_rates` CSV or a Jobindsats Y30R21 export. The form is
 * told by the header: a plain file has the columns `municipality` and
 * `expected_share`; anything else is read as Y30R21. One reader serves the
 * benchmark and the assessment, so both accept the same files with the same
 * messages.
 *
 * The assessment of year Y uses the figure of calendar year Y (§ 2, stk. 3:
 * "data vedrørende målinger for perioden 1. januar – 31. december"); rolling
 * windows of a Y30R21 export are not years and are left out
 * (`readExpectedRates`, `assessmentRatesOf`).
 */
import { ExpectedRates } from '../core/assessment/expected-rates.js';
import { isCalendarYear } from '../core/benchmark/benchmark-period.js';
import type { ExpectedRate } from '../core/benchmark/expected-rates.js';
import { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { InputError } from '../files/input-error.js';
import { readInputBytes } from '../files/read-text-file.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { parseExpectedRatesCsv } from './read-expected-rates-csv.js';
import { decodeExport, parseY30R21, type OfficialFigures } from './read-y30r21.js';

/**
 * @param path where to read
 * @param file the name to use in messages and sources (as the user wrote it)
 */
export async function readOfficialFigures(
  path: string,
  file: string,
  codes: ReadonlySet<MunicipalityCode>,
  matcher: MunicipalityNameMatcher,
): Promise<OfficialFigures & { readonly table: 'Y30R21' | 'expected_rates' }> {
  const bytes = await readInputBytes(path, file);
  const { text, note } = decodeExport(bytes);
  if (text.trim() === '') throw new InputError({ file, reason: 'filen er tom' });
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const header = firstLine.split(/[;,]/).map((field) => field.trim().replace(/^"|"$/g, ''));
  if (header.includes('municipality') && header.includes('expected_share')) {
    if (note !== undefined) {
      throw new InputError({
        file,
        reason: 'filen er ikke gyldig UTF-8 (gem den som UTF-8, fx fra Excel: "CSV UTF-8")',
      });
    }
    return {
      table: 'expected_rates',
      rates: parseExpectedRatesCsv(file, text, codes, matcher),
      notes: [],
    };
  }
  const figures = parseY30R21(file, text, matcher);
  return {
    table: 'Y30R21',
    rates: figures.rates,
    notes: note === undefined ? figures.notes : [`${file}: ${note}`, ...figures.notes],
  };
}

/** The expected rates of the annual assessment from a file of official figures: every calendar year it has. */
export async function readExpectedRates(
  path: string,
  displayName: string,
  knownMunicipalities: ReadonlySet<number>,
): Promise<ExpectedRates> {
  const matcher = new MunicipalityNameMatcher(await readMunicipalities());
  const figures = await readOfficialFigures(path, displayName, knownMunicipalities, matcher);
  const rates = assessmentRatesOf(figures.rates);
  if (rates.years().length === 0) {
    throw new InputError({
      file: displayName,
      reason:
        'filen har ingen tal for et helt kalenderår (den årlige opgørelse bruger 1. januar – 31. december)',
    });
  }
  return rates;
}

/** The calendar-year rates of any source, as the assessment reads them. */
export function assessmentRatesOf(rates: readonly ExpectedRate[]): ExpectedRates {
  return new ExpectedRates(rates.filter((rate) => isCalendarYear(rate.period)));
}
