import { describe, expect, it } from 'vitest';
import type { BenefitType } from '../../../src/core/domain/benefit-type.js';
import {
  LISTED_BENEFITS,
  type ListedBenefit,
} from '../../../src/core/case-sample/listed-benefit.js';
import { DomainError } from '../../../src/core/domain-error.js';
import {
  drawCaseSample,
  type SamplePerson,
} from '../../../src/core/case-sample/draw-case-sample.js';
import { apportionByLargestRemainder } from '../../../src/core/case-sample/largest-remainder.js';
import { allocateSample } from '../../../src/core/case-sample/sample-allocation.js';
import { sampleSizeForType } from '../../../src/core/case-sample/sample-size.js';
import { stratifiedSizes } from '../../../src/core/case-sample/stratify.js';
import { rulesForAssessment } from '../../../src/core/rules/rules-in-force.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';
import { sampleReviewRule } from '../../../src/core/case-sample/sample-size.js';
import { formatParagraph } from '../../../src/core/rules/legal-source.js';

const RULES_2021 = rulesForAssessment(OFFICIAL_RULES, 2021);
const RULE = (() => {
  const rule = sampleReviewRule(RULES_2021).rule;
  if (!rule) throw new Error('the 2021 assessment has a sample review');
  return rule;
})();

/** `count` persons of one type; every `passiveEvery`-th is passive. */
function personsOf(benefit: BenefitType, count: number, passiveEvery = 3): SamplePerson[] {
  return Array.from({ length: count }, (_, index) => ({
    personId: `${benefit}-${String(index).padStart(5, '0')}`,
    benefit,
    passive: index % passiveEvery === 0,
  }));
}

describe('the sample size of a benefit type (§ 8: 15 %, at least 20, all when fewer)', () => {
  it.each([
    [10, 10],
    [19, 19],
    [20, 20],
    [21, 20],
    [133, 20],
    [134, 21],
  ])('n = %i gives %i cases', (population, size) => {
    expect(sampleSizeForType(population, RULE)).toBe(size);
  });

  it('rounds 15 % up in exact integer arithmetic: 140 → 21, 141 → 22, 1000 → 150', () => {
    expect(sampleSizeForType(140, RULE)).toBe(21);
    expect(sampleSizeForType(141, RULE)).toBe(22);
    expect(sampleSizeForType(1000, RULE)).toBe(150);
  });
});

describe('the cap of 300 cases in total', () => {
  it('is not applied when the sizes add up to 300 or less', () => {
    const allocation = allocateSample(
      new Map<ListedBenefit, number>([
        ['dagpenge', 1000],
        ['kontanthjaelp', 1000],
      ]),
      RULE,
    );
    expect(allocation.map((entry) => entry.size)).toEqual([150, 150]);
  });

  it('reduces the types above their floor in proportion, by largest remainder', () => {
    // Sizes 150 + 60 + 120 + 10 = 340 > 300. Floors 20 + 20 + 20 + 10 = 70, room 230.
    // Excess 130, 40, 100, 0 (sum 270): quotas 110.74, 34.07, 85.19 → 110, 34, 85 and the
    // one unit left goes to the largest remainder (dagpenge).
    const allocation = allocateSample(
      new Map<ListedBenefit, number>([
        ['dagpenge', 1000],
        ['sygedagpenge', 400],
        ['kontanthjaelp', 800],
        ['revalidering', 10],
      ]),
      RULE,
    );
    expect(allocation.map((entry) => [entry.benefit, entry.sizeBeforeCap, entry.size])).toEqual([
      ['dagpenge', 150, 131],
      ['sygedagpenge', 60, 54],
      ['kontanthjaelp', 120, 105],
      ['revalidering', 10, 10],
    ]);
  });

  it('breaks a tie between equal remainders by the order of the benefit types', () => {
    // 150 + 150 + 19 = 319; floors 59, room 241 shared 130 : 130 → 120.5 each.
    const allocation = allocateSample(
      new Map<ListedBenefit, number>([
        ['kontanthjaelp', 19],
        ['sygedagpenge', 1000],
        ['dagpenge', 1000],
      ]),
      RULE,
    );
    expect(allocation.map((entry) => [entry.benefit, entry.size])).toEqual([
      ['dagpenge', 141],
      ['sygedagpenge', 140],
      ['kontanthjaelp', 19],
    ]);
  });

  it('never reduces a benefit below min(20, n), even with all eight benefits of § 2, stk. 2', () => {
    const allocation = allocateSample(
      new Map(LISTED_BENEFITS.map((benefit, index) => [benefit, index === 0 ? 100000 : 140])),
      RULE,
    );
    expect(allocation.reduce((sum, entry) => sum + entry.size, 0)).toBe(300);
    expect(allocation.every((entry) => entry.size >= 20)).toBe(true);
  });
});

describe('largest-remainder apportionment', () => {
  it('shares in proportion and sums to the total', () => {
    expect(apportionByLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportionByLargestRemainder(7, [5, 2])).toEqual([5, 2]);
    expect(apportionByLargestRemainder(5, [0, 0])).toEqual([0, 0]);
  });
});

describe('stratification within a type', () => {
  it('shares the size between passive and non-passive cases in proportion', () => {
    expect(stratifiedSizes(20, 50, 150)).toEqual({ passive: 5, nonPassive: 15 });
    expect(stratifiedSizes(21, 50, 90)).toEqual({ passive: 8, nonPassive: 13 });
  });

  it('gives a tie to the passive stratum', () => {
    expect(stratifiedSizes(21, 50, 50)).toEqual({ passive: 11, nonPassive: 10 });
  });

  it('keeps at least one case of each stratum when both exist', () => {
    expect(stratifiedSizes(20, 1, 199)).toEqual({ passive: 1, nonPassive: 19 });
    expect(stratifiedSizes(20, 199, 1)).toEqual({ passive: 19, nonPassive: 1 });
  });

  it('takes everybody when the size covers the type, and one stratum when only one exists', () => {
    expect(stratifiedSizes(19, 4, 15)).toEqual({ passive: 4, nonPassive: 15 });
    expect(stratifiedSizes(20, 0, 300)).toEqual({ passive: 0, nonPassive: 20 });
  });
});

describe('the drawn sample', () => {
  const persons = [
    ...personsOf('dagpenge', 300),
    ...personsOf('kontanthjaelp', 12),
    ...personsOf('sygedagpenge', 50),
  ];
  const request = {
    municipality: 101,
    assessmentYear: 2021,
    rules: RULES_2021,
    benefits: ['kontanthjaelp', 'dagpenge'] as ListedBenefit[],
    goals: ['conversations' as const],
    persons,
    seed: 20220401,
  };

  it('draws per missed type, stratified, and all cases of a type with fewer than 20', () => {
    const sample = drawCaseSample(request);
    expect(
      sample.strata.map((s) => [
        s.benefit,
        s.population,
        s.size,
        s.passiveDrawn,
        s.nonPassiveDrawn,
      ]),
    ).toEqual([
      ['dagpenge', 300, 45, 15, 30],
      ['kontanthjaelp', 12, 12, 4, 8],
    ]);
    expect(sample.total).toBe(57);
    expect(sample.cases.filter((c) => c.benefit === 'kontanthjaelp')).toEqual(
      personsOf('kontanthjaelp', 12),
    );
    expect(sample.cases.every((c) => c.benefit !== 'sygedagpenge')).toBe(true);
    expect(new Set(sample.cases.map((c) => c.personId)).size).toBe(57);
    const dagpenge = sample.cases.filter((c) => c.benefit === 'dagpenge');
    expect(dagpenge.filter((c) => c.passive)).toHaveLength(15);
  });

  it('records the seed, the rule version, the parameters and the §', () => {
    const sample = drawCaseSample(request);
    expect(sample).toMatchObject({
      seed: 20220401,
      ruleVersion: 'v2021',
      parameters: { sharePercent: 15, minimumPerType: 20, maximumTotal: 300 },
      goals: ['conversations'],
      capApplied: false,
    });
    expect(formatParagraph(sample.legalBasis)).toBe('§ 8, stk. 2');
  });

  it('the same seed gives the same sample, whatever the order of the input', () => {
    const first = drawCaseSample(request);
    const shuffled = drawCaseSample({ ...request, persons: [...persons].reverse() });
    expect(shuffled.cases).toEqual(first.cases);
  });

  it('another seed gives another sample of the same sizes', () => {
    const first = drawCaseSample(request);
    const other = drawCaseSample({ ...request, seed: 7 });
    expect(other.strata).toEqual(first.strata);
    expect(other.cases).not.toEqual(first.cases);
  });

  it('under the 2023 rules there is no sample review to draw', () => {
    expect(() =>
      drawCaseSample({ ...request, rules: rulesForAssessment(OFFICIAL_RULES, 2022) }),
    ).toThrow(DomainError);
    expect(() =>
      drawCaseSample({ ...request, rules: rulesForAssessment(OFFICIAL_RULES, 2022) }),
    ).toThrow(
      'Reglerne i kraft 2023-04-01 (v2023, bek. nr. 301 af 20/03/2023) har ingen stikprøvegennemgang ved udvælgelse (lov om organisering og understøttelse af beskæftigelsesindsatsen m.v., kap. 3 a, som ændret ved lov nr. 295 af 20/03/2023 § 22 c).',
    );
  });

  it('samples jobafklaring and ressourceforløb together: § 2, stk. 2, nr. 7 is one benefit', () => {
    const sample = drawCaseSample({
      ...request,
      benefits: ['ressourceforloebsydelse'],
      persons: [...personsOf('jobafklaring', 12), ...personsOf('ressourceforloeb', 12)],
    });
    // 24 persons in one benefit: max(20, ⌈3.6⌉) = 20, not 12 + 12.
    expect(sample.strata.map((s) => [s.benefit, s.population, s.size])).toEqual([
      ['ressourceforloebsydelse', 24, 20],
    ]);
  });

  it('a seed outside 0 … 2^32 − 1 is refused', () => {
    expect(() => drawCaseSample({ ...request, seed: -1 })).toThrow(RangeError);
    expect(() => drawCaseSample({ ...request, seed: 2 ** 32 })).toThrow(RangeError);
  });
});
