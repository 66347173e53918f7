import { describe, expect, it } from 'vitest';
import { readMunicipalities } from '../../src/reference/municipalities.js';

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
