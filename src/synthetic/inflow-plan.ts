/**
 * How many people enter each benefit in each municipality, so that the stock
 * of full-time persons matches the municipality's target benefit rate and
 * type mix.
 *
 * In a steady state the benefit days per year of type σ are
 * Σ_τ entrants(τ) × E[days on σ | entry on τ]: people entering sygedagpenge
 * also fill jobafklaring and ressourceforløb later, dagpenge recipients
 * kontanthjælp, and so on. The expected days per entrant come from a Monte
 * Carlo run of the person generator with a fixed seed (the same in every run
 * and worker); the entrants are then solved for, kept non-negative, and
 * scaled so that the total matches the target exactly.
 */
import { BENEFIT_TYPES, type BenefitType } from '../core/domain/benefit-type.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { SeededRandom } from '../core/random/seeded-random.js';
import { typeMix, targetBenefitRate } from './benefit-rate-model.js';
import { CALIBRATION_SEED } from './design-seed.js';
import { REFERENCE_YEAR, residentsIn } from './framework-conditions.js';
import { generatePerson } from './person-generator.js';

/** Persons simulated per entry type for the calibration. */
const CALIBRATION_PERSONS = 6000;

export type BenefitDaysMatrix = Readonly<
  Record<BenefitType, Readonly<Record<BenefitType, number>>>
>;

let calibration: BenefitDaysMatrix | undefined;

function zeroRecord(): Record<BenefitType, number> {
  const record = {} as Record<BenefitType, number>;
  for (const type of BENEFIT_TYPES) record[type] = 0;
  return record;
}

/** Expected benefit days on each type (inner key) per person entering on a type (outer key). */
export function expectedBenefitDays(): BenefitDaysMatrix {
  if (calibration) return calibration;
  const random = new SeededRandom(CALIBRATION_SEED);
  const context = {
    lastDay: 2_000_000_000,
    eventsFirstDay: 0,
    pickDestination: (_random: SeededRandom, from: MunicipalityCode) => from,
  };
  const matrix = {} as Record<BenefitType, Record<BenefitType, number>>;
  for (const entry of BENEFIT_TYPES) {
    const days = zeroRecord();
    for (let person = 0; person < CALIBRATION_PERSONS; person += 1) {
      const history = generatePerson(random, context, 101, entry, 0);
      for (const period of history.periods)
        days[period.type] += (period.to - period.from + 1) / CALIBRATION_PERSONS;
    }
    matrix[entry] = days;
  }
  calibration = matrix;
  return matrix;
}

/**
 * Entrants per year on each benefit type in `code` at `scale`, in the
 * reference year (inflow factors by year come on top, spell-model.ts).
 */
export function entrantsPerYear(
  code: MunicipalityCode,
  scale: number,
): Readonly<Record<BenefitType, number>> {
  const residents = residentsIn(code, REFERENCE_YEAR, scale);
  const rate = targetBenefitRate(code) / 100;
  const mix = typeMix(code);
  const days = expectedBenefitDays();
  const target = zeroRecord();
  for (const type of BENEFIT_TYPES) target[type] = residents * rate * mix[type] * 365;
  const entrants = zeroRecord();
  for (const type of BENEFIT_TYPES) entrants[type] = target[type] / days[type][type];
  // Gauss–Seidel with a floor at zero.
  for (let iteration = 0; iteration < 200; iteration += 1) {
    for (const sigma of BENEFIT_TYPES) {
      let fromOthers = 0;
      for (const tau of BENEFIT_TYPES) {
        if (tau !== sigma) fromOthers += days[tau][sigma] * entrants[tau];
      }
      entrants[sigma] = Math.max(0, (target[sigma] - fromOthers) / days[sigma][sigma]);
    }
  }
  let produced = 0;
  let wanted = 0;
  for (const sigma of BENEFIT_TYPES) {
    wanted += target[sigma];
    for (const tau of BENEFIT_TYPES) produced += days[tau][sigma] * entrants[tau];
  }
  const factor = produced > 0 ? wanted / produced : 0;
  for (const type of BENEFIT_TYPES) entrants[type] *= factor;
  return entrants;
}
