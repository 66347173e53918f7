/**
 * Which period of benefit rates the annual assessment (årlig opgørelse) of a
 * year compares.
 */
import { BEK_1409_2019, BEK_301_2023, type LegalSource } from '../rules/legal-source.js';
import { calendarYear, type BenchmarkPeriod } from './benchmark-period.js';

/** The legal source of {@link annualAssessmentPeriod}, in each version of the rules. */
export const ANNUAL_ASSESSMENT_PERIOD_SOURCES: readonly LegalSource[] = [
  {
    kind: 'citation',
    instrument: BEK_1409_2019,
    paragraph: '§ 2',
    stk: 1,
    quote:
      'Målingerne til de årlige opgørelser af beskæftigelsesindsatsen omfatter data for perioden 1. januar – 31. december og offentliggøres senest 1. april det følgende år.',
    note: 'Vejledningen til § 2; § 3, stk. 3: forventet ydelsesgrad er andelen "i løbet af året".',
  },
  {
    kind: 'citation',
    instrument: BEK_301_2023,
    paragraph: '§ 2',
    stk: 1,
    quote:
      'Målingerne til de årlige opgørelser af beskæftigelsesindsatsen omfatter data for perioden 1. januar – 31. december og offentliggøres senest den 1. april det følgende år.',
    note: 'Vejledningen til § 2; § 3, stk. 3: forventet ydelsesgrad er andelen "i løbet af året".',
  },
];

/**
 * The period whose actual and expected benefit rates the annual assessment of
 * `year` compares: the calendar year itself.
 *
 * bek. nr. 301 af 20/03/2023 § 2, stk. 1 (and bek. nr. 1409 af 16/12/2019
 * § 2, stk. 1), in the guidance: "Målingerne til de årlige opgørelser af
 * beskæftigelsesindsatsen omfatter data for perioden 1. januar – 31.
 * december". § 3, stk. 3 defines the expected benefit rate as the share
 * expected to have received benefits "i løbet af året".
 *
 * So an official Jobindsats figure can ground the result goal of `year` only
 * when its window is "1. kvartal Y - 4. kvartal Y"; a rolling window that
 * straddles two years (e.g. "3. kvartal 2020 - 2. kvartal 2021") cannot.
 */
export function annualAssessmentPeriod(year: number): BenchmarkPeriod {
  return calendarYear(year);
}
