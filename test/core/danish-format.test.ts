import { describe, expect, it } from 'vitest';
import { formatDanishNumber, formatDanishSigned } from '../../src/core/danish-format.js';
import { readMunicipalities } from '../../src/reference/municipalities.js';

describe('Danish number format', () => {
  it('groups thousands with a dot and uses a decimal comma', () => {
    expect(formatDanishNumber(1234)).toBe('1.234');
    expect(formatDanishNumber(24.75, 1)).toBe('24,8');
    expect(formatDanishNumber(1234567.891, 2)).toBe('1.234.567,89');
    expect(formatDanishNumber(-0.04, 1)).toBe('0,0');
  });

  it('signs differences', () => {
    expect(formatDanishSigned(1.24)).toBe('+1,2');
    expect(formatDanishSigned(-0.36)).toBe('-0,4');
    expect(formatDanishSigned(0.01)).toBe('0,0');
  });
});

describe('the shipped municipalities', () => {
  it('are the 98 municipalities with unique codes, regions and AMK', async () => {
    const municipalities = await readMunicipalities();
    expect(municipalities).toHaveLength(98);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(98);
    expect(municipalities.find((m) => m.code === 101)).toMatchObject({
      name: 'København',
      amk: 'AMK Øst',
    });
    expect(municipalities.every((m) => m.region !== '' && m.amk !== '')).toBe(true);
  });
});
