import { describe, expect, it } from 'vitest';
import { amkNames, normaliseAmk, regionNames } from '../../src/reference/amk.js';
import { readMunicipalities } from '../../src/reference/municipalities.js';

const municipalities = await readMunicipalities();

describe('the names of the labour market offices', () => {
  it('are the three AMKs of the municipalities file, and its five regions apart', () => {
    expect(amkNames(municipalities)).toEqual(['AMK Midt-Nord', 'AMK Syd', 'AMK Øst']);
    expect(regionNames(municipalities)).toEqual([
      'Region Hovedstaden',
      'Region Midtjylland',
      'Region Nordjylland',
      'Region Sjælland',
      'Region Syddanmark',
    ]);
  });

  it('turn an AMK or a region, in any case and spacing, into the one stored AMK name', () => {
    expect(normaliseAmk('AMK Øst', municipalities)).toBe('AMK Øst');
    expect(normaliseAmk(' amk   midt-nord ', municipalities)).toBe('AMK Midt-Nord');
    expect(normaliseAmk('Region Hovedstaden', municipalities)).toBe('AMK Øst');
    expect(normaliseAmk('REGION SJÆLLAND', municipalities)).toBe('AMK Øst');
    expect(normaliseAmk('Region Nordjylland', municipalities)).toBe('AMK Midt-Nord');
    expect(normaliseAmk('Region Syddanmark', municipalities)).toBe('AMK Syd');
  });

  it('know no other name, and no region split between two AMKs', () => {
    expect(normaliseAmk('AMK Nord', municipalities)).toBeUndefined();
    expect(normaliseAmk('Hovedstaden', municipalities)).toBeUndefined();
    expect(normaliseAmk('', municipalities)).toBeUndefined();
    const split = municipalities.map((municipality) =>
      municipality.code === 101 ? { ...municipality, amk: 'AMK Syd' } : municipality,
    );
    expect(normaliseAmk('Region Hovedstaden', split)).toBeUndefined();
  });
});
