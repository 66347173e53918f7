/**
 * The expected rates the annual assessment and the risk view use, read from a
 * file of official figures: a plain `expected_rates` file (data.md; also as
 * `tilsyn benchmark --out` writes it) or a Jobindsats Y30R21 export. One
 * reader serves the benchmark and the assessment, so both accept the same
 * files with the same messages.
 *
 * The assessment of year Y uses the figure of calendar year Y (§ 2, stk. 3:
 * "data vedrørende målinger for perioden 1. januar – 31. december"); rolling
 * windows of a Y30R21 export are not years and are left out.
 */
import {
  ExpectedRates,
  type ExpectedRate as AssessmentRate,
} from '../core/assessment/expected-rates.js';
import { endYear, isCalendarYear } from '../core/benchmark/benchmark-period.js';
import { describeSource, type ExpectedRate } from '../core/benchmark/expected-rates.js';
import { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import { readOfficialFigures } from './read-official-figures.js';
import { InputError } from '../files/input-error.js';
import { readMunicipalities } from '../reference/municipalities.js';

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

/** The calendar-year rates of any source, as the assessment reads them, each naming its source. */
export function assessmentRatesOf(rates: readonly ExpectedRate[]): ExpectedRates {
  return new ExpectedRates(
    rates
      .filter((rate) => isCalendarYear(rate.period))
      .map((rate): AssessmentRate => ({
        municipality: rate.municipality,
        year: endYear(rate.period),
        expectedCount: rate.expectedCount,
        actualCount: rate.actualCount,
        expectedShare: rate.expectedShare,
        actualShare: rate.actualShare,
        source: describeSource(rate.source),
      })),
  );
}
