import { describe, expect, it } from 'vitest';
import { bestAndWorst, rankMunicipalities } from '../../../src/core/benchmark/rankings.js';

describe('rankings', () => {
  it('give tied municipalities the same rank and skip the next ("1, 2, 2, 4")', () => {
    const ranked = rankMunicipalities(
      [
        { municipality: 147, value: 3.5 },
        { municipality: 101, value: 1.25 },
        { municipality: 169, value: 2 },
        { municipality: 151, value: 2 },
      ],
      'lower-is-better',
    );
    expect(ranked.map((r) => [r.municipality, r.rank])).toEqual([
      [101, 1],
      [151, 2],
      [169, 2],
      [147, 4],
    ]);
  });

  it('rank the highest first when higher is better', () => {
    const ranked = rankMunicipalities(
      [
        { municipality: 101, value: 31.5 },
        { municipality: 147, value: 40.25 },
        { municipality: 151, value: 12 },
      ],
      'higher-is-better',
    );
    expect(ranked.map((r) => [r.municipality, r.rank])).toEqual([
      [147, 1],
      [101, 2],
      [151, 3],
    ]);
  });

  it('treat values within 1e-9 as a tie, and leave municipalities without a value unranked, last', () => {
    const ranked = rankMunicipalities(
      [
        { municipality: 400, value: undefined },
        { municipality: 101, value: 0.1 + 0.2 },
        { municipality: 147, value: 0.3 },
        { municipality: 153, value: 0.30000001 },
        { municipality: 155, value: undefined },
      ],
      'lower-is-better',
    );
    expect(ranked).toEqual([
      { municipality: 101, value: 0.1 + 0.2, rank: 1 },
      { municipality: 147, value: 0.3, rank: 1 },
      { municipality: 153, value: 0.30000001, rank: 3 },
      { municipality: 155, value: undefined, rank: undefined },
      { municipality: 400, value: undefined, rank: undefined },
    ]);
  });

  it('highlight the five best and the five worst, keeping a tie at the edge whole', () => {
    const values = [1, 2, 3, 4, 5, 5, 7, 8, 9, 10, 11, 12, 12, 14].map((value, i) => ({
      municipality: 101 + i,
      value,
    }));
    const { best, worst } = bestAndWorst(rankMunicipalities(values, 'lower-is-better'));
    expect(best.map((r) => r.municipality)).toEqual([101, 102, 103, 104, 105, 106]);
    expect(worst.map((r) => [r.municipality, r.rank])).toEqual([
      [114, 14],
      [112, 12],
      [113, 12],
      [111, 11],
      [110, 10],
    ]);
  });

  it('refuse a municipality ranked twice', () => {
    expect(() =>
      rankMunicipalities(
        [
          { municipality: 101, value: 1 },
          { municipality: 101, value: 2 },
        ],
        'lower-is-better',
      ),
    ).toThrow('kommune 101 har mere end én værdi i rangordningen');
  });
});
