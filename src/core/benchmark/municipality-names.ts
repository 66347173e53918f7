/**
 * Matching municipality names as they appear in published tables
 * (Jobindsats exports, spreadsheets) to the 98 official municipalities.
 *
 * Names are compared by a key that forgets what varies between sources:
 * - case, and Unicode composition;
 * - a trailing "Kommune" or "Regionskommune" ("Bornholms Regionskommune");
 * - spaces, hyphens, dashes, dots and apostrophes ("Høje Tåstrup",
 *   "Høje-Taastrup");
 * - the old spelling "aa" for "å" ("Aarhus"/"Århus", "Taastrup"/"Tåstrup",
 *   "Taarbæk"/"Tårbæk"), and "oe"/"ae" for "ø"/"æ" and "ö"/"ä" for "ø"/"æ";
 * - a genitive "s" at the end ("Vesthimmerlands"/"Vesthimmerland",
 *   "Nordfyns"/"Nordfyn", "Københavns Kommune").
 * The keys of the 98 names are distinct (checked when a matcher is built),
 * so a key names at most one municipality.
 *
 * Areas that are not municipalities — the whole country, regions, labour
 * market offices, "uoplyst" — are recognised as such, so that importers can
 * skip them with a note. Any other name that matches no municipality is
 * unknown, with the closest official name as a suggestion. Christiansø is
 * not one of the 98 municipalities (it is administered by the state) and is
 * therefore unknown.
 */
import type { MunicipalityCode } from '../domain/municipality.js';

export interface NamedMunicipality {
  readonly code: MunicipalityCode;
  readonly name: string;
}

export type AreaMatch =
  | { readonly kind: 'municipality'; readonly code: MunicipalityCode; readonly name: string }
  | { readonly kind: 'not-a-municipality' }
  | { readonly kind: 'unknown'; readonly suggestion: string | undefined };

/** Former names still met in older tables, by key. */
const FORMER_NAMES: readonly (readonly [string, MunicipalityCode])[] = [
  // Brønderslev-Dronninglund Kommune was renamed Brønderslev in 2011.
  ['brønderslevdronninglund', 810],
];

const NOT_MUNICIPALITIES = new Set([
  'helelandet',
  'landet',
  'landetialt',
  'danmark',
  'ialt',
  'total',
  'landsgennemsnit',
  'uoplyst',
  'uoplystkommune',
  'ukendtkommune',
  'udenforkommunerne',
]);

/** The comparison key of a name (see the module comment). */
export function municipalityNameKey(name: string): string {
  const words = name
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s\-‐‑–—.,'’"]+/u)
    .filter((word) => word !== '');
  while (words.length > 1 && /^(regions)?kommune$/.test(words[words.length - 1] ?? '')) {
    words.pop();
  }
  const joined = words
    .join('')
    .replace(/aa/g, 'å')
    .replace(/oe/g, 'ø')
    .replace(/ae/g, 'æ')
    .replace(/ö/g, 'ø')
    .replace(/ä/g, 'æ');
  return joined.length > 1 ? joined.replace(/s$/, '') : joined;
}

export class MunicipalityNameMatcher {
  private readonly byKey = new Map<string, NamedMunicipality>();
  private readonly municipalities: readonly NamedMunicipality[];

  constructor(municipalities: readonly NamedMunicipality[]) {
    this.municipalities = [...municipalities].sort((a, b) => a.code - b.code);
    for (const municipality of this.municipalities) {
      const key = municipalityNameKey(municipality.name);
      const other = this.byKey.get(key);
      if (other) {
        throw new RangeError(
          `Municipality names "${other.name}" and "${municipality.name}" have the same key "${key}"`,
        );
      }
      this.byKey.set(key, municipality);
    }
    for (const [key, code] of FORMER_NAMES) {
      const municipality = this.municipalities.find((m) => m.code === code);
      if (municipality && !this.byKey.has(key)) this.byKey.set(key, municipality);
    }
  }

  match(name: string): AreaMatch {
    const key = municipalityNameKey(name);
    const found = this.byKey.get(key);
    if (found) return { kind: 'municipality', code: found.code, name: found.name };
    if (isNotAMunicipality(key)) return { kind: 'not-a-municipality' };
    return { kind: 'unknown', suggestion: this.closest(key) };
  }

  /** The official name closest to `key` by edit distance, if reasonably close. */
  private closest(key: string): string | undefined {
    let best: NamedMunicipality | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const municipality of this.municipalities) {
      const distance = editDistance(key, municipalityNameKey(municipality.name));
      if (distance < bestDistance) {
        best = municipality;
        bestDistance = distance;
      }
    }
    const allowed = Math.max(2, Math.floor(key.length / 3));
    return best && bestDistance <= allowed ? best.name : undefined;
  }
}

function isNotAMunicipality(key: string): boolean {
  return (
    NOT_MUNICIPALITIES.has(key) ||
    key.startsWith('region') ||
    key.startsWith('amk') ||
    key.startsWith('arbejdsmarkedskontor')
  );
}

/** Levenshtein distance over UTF-16 code units (Danish letters are single units after NFC). */
function editDistance(x: string, y: string): number {
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}
