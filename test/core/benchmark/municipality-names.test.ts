import { beforeAll, describe, expect, it } from 'vitest';
import {
  MunicipalityNameMatcher,
  municipalityNameKey,
} from '../../../src/core/benchmark/municipality-names.js';
import { readMunicipalities } from '../../../src/reference/municipalities.js';

let matcher: MunicipalityNameMatcher;

beforeAll(async () => {
  matcher = new MunicipalityNameMatcher(await readMunicipalities());
});

function codeOf(name: string): number | undefined {
  const match = matcher.match(name);
  return match.kind === 'municipality' ? match.code : undefined;
}

describe('municipality names', () => {
  it('match every one of the 98 official names to its own code', async () => {
    for (const municipality of await readMunicipalities()) {
      expect(codeOf(municipality.name), municipality.name).toBe(municipality.code);
    }
  });

  it.each([
    ['Vesthimmerland', 820],
    ['Vesthimmerlands Kommune', 820],
    ['Nordfyn', 480],
    ['Nordfyns Kommune', 480],
    ['Høje Tåstrup', 169],
    ['Høje-Tåstrup', 169],
    ['Høje Taastrup Kommune', 169],
    ['HØJE-TAASTRUP', 169],
    ['Aarhus', 751],
    ['Århus', 751],
    ['Århus Kommune', 751],
    ['Lyngby-Tårbæk', 173],
    ['Lyngby Taarbæk', 173],
    ['Ringkøbing-Skjern Kommune', 760],
    ['Ringkøbing Skjern', 760],
    ['Ikast-Brande', 756],
    ['Frederiksberg Kommune', 147],
    ['Bornholms Regionskommune', 400],
    ['Bornholm', 400],
    ['Københavns Kommune', 101],
    ['Koebenhavn', 101],
    ['Faaborg–Midtfyn', 430],
    ['Fåborg-Midtfyn', 430],
    ['Aabenraa', 580],
    ['Åbenrå', 580],
    ['Tårnby', 185],
    ['Taarnby', 185],
    ['  Ærø ', 492],
    ['Brønderslev-Dronninglund', 810],
  ])('read "%s" as municipality %i', (name, code) => {
    expect(codeOf(name)).toBe(code);
  });

  it.each(['Hele landet', 'Region Hovedstaden', 'Region Sjælland', 'AMK Øst', 'I alt', 'Uoplyst'])(
    'know that "%s" is not a municipality',
    (name) => {
      expect(matcher.match(name)).toEqual({ kind: 'not-a-municipality' });
    },
  );

  it('refuse Christiansø, which is not one of the 98 municipalities', () => {
    expect(matcher.match('Christiansø').kind).toBe('unknown');
  });

  it('suggest the closest official name for a misspelling, and none for a stranger', () => {
    expect(matcher.match('Vesthimerland')).toEqual({
      kind: 'unknown',
      suggestion: 'Vesthimmerlands',
    });
    expect(matcher.match('Silkebrog Kommune')).toEqual({
      kind: 'unknown',
      suggestion: 'Silkeborg',
    });
    expect(matcher.match('Atlantis')).toEqual({ kind: 'unknown', suggestion: undefined });
  });

  it('compare names by a key that forgets case, hyphens, "Kommune", aa/å and a genitive s', () => {
    expect(municipalityNameKey('Høje-Taastrup Kommune')).toBe(municipalityNameKey('høje tåstrup'));
    expect(municipalityNameKey('Nordfyns')).toBe('nordfyn');
  });
});
