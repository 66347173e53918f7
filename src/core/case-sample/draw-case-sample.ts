/**
 * The independent sample case review at selection, bek. nr. 1409 af
 * 16/12/2019 § 8 (2019 rules only): the cases to review, drawn at random,
 * stratified, and reproducible from a recorded seed.
 *
 * The unit is the benefit listed in § 2, stk. 2 (`ListedBenefit`; the two
 * kinds of ressourceforløbsydelse are one). The draw: persons are sorted by
 * `personId` (so the order of the input file does not matter); then, for
 * each listed benefit in the order of § 2, stk. 2 and within it the passive
 * stratum before the non-passive one, the stratum's cases are drawn with one
 * `SeededRandom(seed)` (partial Fisher–Yates). The same persons and seed give
 * the same sample on every machine.
 */
import type { BenefitType } from '../domain/benefit-type.js';
import { DomainError } from '../domain-error.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import { SeededRandom } from '../random/seeded-random.js';
import { decisionBasis } from '../rules/decision-basis.js';
import { formatCitation, type LegalSource } from '../rules/legal-source.js';
import type { RuleVersionId } from '../rules/rule-version.js';
import type { RulesInForce } from '../rules/rules-in-force.js';
import { LISTED_BENEFIT_OF, LISTED_BENEFITS, type ListedBenefit } from './listed-benefit.js';
import { allocateSample } from './sample-allocation.js';
import { sampleReviewRule, type SampleReviewRule } from './sample-size.js';
import { stratifiedSizes } from './stratify.js';

/** A person in the target group at 31 December of the assessment year. */
export interface SamplePerson {
  readonly personId: string;
  readonly benefit: BenefitType;
  /** Passive for at least one of the goals the municipality missed. */
  readonly passive: boolean;
}

export interface CaseSampleRequest {
  readonly municipality: MunicipalityCode;
  /** The assessment year whose assessment selected the municipality. */
  readonly assessmentYear: number;
  /** The rules whose sample parameters apply. */
  readonly rules: RulesInForce;
  /** The listed benefits (§ 2, stk. 2) in which the municipality missed a focus goal at that assessment. */
  readonly benefits: readonly ListedBenefit[];
  /** The focus goals whose passive persons make up the passive stratum. */
  readonly goals: readonly FocusGoal[];
  /** The target group at 31 December; persons of other benefits are left out. */
  readonly persons: readonly SamplePerson[];
  /** An integer 0 … 4 294 967 295. */
  readonly seed: number;
}

export interface CaseSampleStratum {
  readonly benefit: ListedBenefit;
  readonly population: number;
  readonly passive: number;
  readonly nonPassive: number;
  readonly sizeBeforeCap: number;
  readonly size: number;
  readonly passiveDrawn: number;
  readonly nonPassiveDrawn: number;
}

export interface CaseSample {
  readonly municipality: MunicipalityCode;
  readonly assessmentYear: number;
  readonly ruleVersion: RuleVersionId;
  readonly parameters: SampleReviewRule;
  readonly legalBasis: LegalSource;
  readonly seed: number;
  readonly goals: readonly FocusGoal[];
  readonly strata: readonly CaseSampleStratum[];
  readonly total: number;
  /** Whether the cap on the total reduced the sizes. */
  readonly capApplied: boolean;
  /** The drawn cases, by listed benefit (order of § 2, stk. 2), then person id. */
  readonly cases: readonly SamplePerson[];
}

export const MAXIMUM_SEED = 4294967295;

export function drawCaseSample(request: CaseSampleRequest): CaseSample {
  const { rules, seed } = request;
  const { rule: parameters, source } = sampleReviewRule(rules);
  if (parameters === undefined) {
    throw new DomainError(
      'no_sample_case_review',
      `Reglerne i kraft ${rules.date} (${rules.version.id}, ${rules.version.instrument.citation}) har ingen ` +
        `stikprøvegennemgang ved udvælgelse (${formatCitation(source)}).`,
    );
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAXIMUM_SEED) {
    throw new RangeError(`The seed must be an integer 0 … ${MAXIMUM_SEED}, got ${seed}`);
  }
  const included = new Set(request.benefits);
  const listedOf = (person: SamplePerson) => LISTED_BENEFIT_OF[person.benefit];
  const seen = new Set<string>();
  for (const person of request.persons) {
    if (seen.has(person.personId)) throw new Error(`Person ${person.personId} is given twice`);
    seen.add(person.personId);
  }
  const persons = request.persons
    .filter((person) => included.has(listedOf(person)))
    .sort((a, b) => compareIds(a.personId, b.personId));
  const populations = new Map<ListedBenefit, number>();
  for (const benefit of LISTED_BENEFITS) {
    if (included.has(benefit))
      populations.set(benefit, persons.filter((person) => listedOf(person) === benefit).length);
  }
  const allocation = allocateSample(populations, parameters);
  const random = new SeededRandom(seed);
  const strata: CaseSampleStratum[] = [];
  const cases: SamplePerson[] = [];
  for (const { benefit, population, sizeBeforeCap, size } of allocation) {
    const ofType = persons.filter((person) => listedOf(person) === benefit);
    const passive = ofType.filter((person) => person.passive);
    const nonPassive = ofType.filter((person) => !person.passive);
    const sizes = stratifiedSizes(size, passive.length, nonPassive.length);
    const drawn = [
      ...random.sample(passive, sizes.passive),
      ...random.sample(nonPassive, sizes.nonPassive),
    ].sort((a, b) => compareIds(a.personId, b.personId));
    cases.push(...drawn);
    strata.push({
      benefit,
      population,
      passive: passive.length,
      nonPassive: nonPassive.length,
      sizeBeforeCap,
      size,
      passiveDrawn: sizes.passive,
      nonPassiveDrawn: sizes.nonPassive,
    });
  }
  const legalBasis = decisionBasis(rules, 'sample_review') ?? source;
  return {
    municipality: request.municipality,
    assessmentYear: request.assessmentYear,
    ruleVersion: rules.version.id,
    parameters,
    legalBasis,
    seed,
    goals: request.goals,
    strata,
    total: cases.length,
    capApplied: allocation.some((entry) => entry.size < entry.sizeBeforeCap),
    cases,
  };
}

/** Code-unit order, the same on every machine and locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
