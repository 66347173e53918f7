import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/core/calendar/iso-date.js';
import { cprShapedId, pseudonym } from '../../src/synthetic/person-ids.js';

describe('synthetic person identifiers', () => {
  it('are pseudonyms of fixed width that cannot be read as CPR numbers', () => {
    expect(pseudonym(1)).toBe('P000000001');
    expect(pseudonym(123_456_789)).toBe('P123456789');
    expect(pseudonym(42)).not.toMatch(/^\d{10}$/);
  });

  it('sort lexically in numeric order', () => {
    const numbers = [1, 9, 10, 99, 100, 12_345, 999_999];
    const ids = numbers.map(pseudonym);
    expect([...ids].sort()).toEqual(ids);
  });

  it('can be CPR-shaped: ten digits whose first six are a valid birth date', () => {
    for (const number of [0, 1, 9_999, 10_000, 1_234_567, 99_999_999]) {
      const id = cprShapedId(number);
      expect(id).toMatch(/^\d{10}$/);
      const [dd, mm, yy] = [id.slice(0, 2), id.slice(2, 4), id.slice(4, 6)];
      expect(parseIsoDate(`19${yy}-${mm}-${dd}`), id).toBeDefined();
    }
    expect(cprShapedId(0)).toBe('0101550000');
    expect(cprShapedId(10_001)).toBe('0201550001');
  });

  it('never give two persons the same CPR-shaped number', () => {
    const seen = new Set<string>();
    for (let number = 0; number < 200_000; number += 7) seen.add(cprShapedId(number));
    expect(seen.size).toBe(Math.ceil(200_000 / 7));
  });
});
