import { describe, expect, it } from 'vitest';
import { formatDanishNumber, formatDanishSigned } from '../../src/core/danish-format.js';

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
