import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/core/random/seeded-random.js';

describe('the seeded random generator', () => {
  it('gives the same sequence for the same seed', () => {
    const first = new SeededRandom(42);
    const second = new SeededRandom(42);
    const a = Array.from({ length: 100 }, () => first.nextUint32());
    const b = Array.from({ length: 100 }, () => second.nextUint32());
    expect(a).toEqual(b);
  });

  it('is pinned: these numbers must never change, or recorded samples could not be redrawn', () => {
    const random = new SeededRandom(20211231);
    expect(Array.from({ length: 4 }, () => random.nextUint32())).toMatchInlineSnapshot(`
      [
        3553137985,
        2971792558,
        2916516075,
        4230057808,
      ]
    `);
  });

  it('gives different sequences for different seeds and different streams', () => {
    expect(new SeededRandom(1).nextUint32()).not.toBe(new SeededRandom(2).nextUint32());
    expect(new SeededRandom(1, 0).nextUint32()).not.toBe(new SeededRandom(1, 1).nextUint32());
  });

  it('draws integers uniformly below a bound', () => {
    const random = new SeededRandom(7);
    const counts = new Array<number>(10).fill(0);
    for (let index = 0; index < 100_000; index += 1) {
      const value = random.nextInt(10);
      counts[value] = (counts[value] ?? 0) + 1;
    }
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('samples distinct items without changing the input', () => {
    const items = Array.from({ length: 50 }, (_, index) => index);
    const sample = new SeededRandom(3).sample(items, 20);
    expect(new Set(sample).size).toBe(20);
    expect(items).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect(new SeededRandom(3).sample(items, 80)).toHaveLength(50);
  });
});
