/**
 * Reads official expected rates from a file in either form data.md allows:
 * a plain `expected_rates` CSV or a Jobindsats Y30R21 export. The form is
 * told by the header: a plain file has the columns `municipality` and
 * `expected_share`; anything else is read as Y30R21.
 */
import type { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { InputError } from '../files/input-error.js';
import { readInputBytes } from '../files/read-text-file.js';
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
