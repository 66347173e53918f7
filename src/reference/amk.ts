/**
 * The labour market offices (AMK) and the names a user may give one by.
 *
 * One concept, one stored form: an AMK is stored by its name as in the
 * `amk` column of the municipalities file ("AMK Øst"). The `region` column
 * names something else, the administrative region ("Region Hovedstaden");
 * each region lies wholly within one AMK, so a region's name is accepted on
 * input as a way of naming its AMK and turned into that AMK's name.
 */
import type { Municipality } from '../core/domain/municipality.js';

/** The AMK names of the municipalities, sorted, each once. */
export function amkNames(municipalities: readonly Municipality[]): string[] {
  return [...new Set(municipalities.map((municipality) => municipality.amk))]
    .filter((amk) => amk !== '')
    .sort((a, b) => a.localeCompare(b, 'da'));
}

/** The region names of the municipalities, sorted, each once. */
export function regionNames(municipalities: readonly Municipality[]): string[] {
  return [...new Set(municipalities.map((municipality) => municipality.region))]
    .filter((region) => region !== '')
    .sort((a, b) => a.localeCompare(b, 'da'));
}

/**
 * The stored AMK name for `given`: an AMK name or a region name, compared
 * without regard to case and surrounding spaces. Undefined when it names
 * neither, or names a region whose municipalities belong to more than one AMK.
 */
export function normaliseAmk(
  given: string,
  municipalities: readonly Municipality[],
): string | undefined {
  const wanted = comparable(given);
  if (wanted === '') return undefined;
  const byAmk = amkNames(municipalities).find((amk) => comparable(amk) === wanted);
  if (byAmk !== undefined) return byAmk;
  const ofRegion = new Set(
    municipalities
      .filter((municipality) => comparable(municipality.region) === wanted)
      .map((municipality) => municipality.amk),
  );
  return ofRegion.size === 1 ? [...ofRegion][0] : undefined;
}

/** The municipalities an AMK covers, by the stored AMK name (exact). */
export function municipalitiesOfAmk(
  amk: string,
  municipalities: readonly Municipality[],
): Municipality[] {
  return municipalities.filter((municipality) => municipality.amk === amk);
}

function comparable(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
}
