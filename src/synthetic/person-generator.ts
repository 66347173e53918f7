/**
 * One synthetic person's benefit history: the periods of receipt, with the
 * municipality they live in, and the exemptions registered during them.
 *
 * A person enters on a benefit on a date and then follows the spell model:
 * a spell (sometimes interrupted by a short gap, sometimes split into
 * touching periods for administrative reasons or by a move to another
 * municipality), then another benefit, or an exit and perhaps a return
 * after a longer gap. History is generated forward from the entry date; the
 * caller keeps the persons whose periods reach into the data period.
 */
import type { BenefitType } from '../core/domain/benefit-type.js';
import type { ExemptionReason } from '../core/domain/events.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { civilOf, dayNumberOf, type DayNumber } from '../core/calendar/day-number.js';
import type { SeededRandom } from '../core/random/seeded-random.js';
import { logNormal, uniformInteger, weightedChoice } from './distributions.js';
import { SPELL_MODELS, drawDuration, drawTransition } from './spell-model.js';

export interface GeneratedPeriod {
  readonly from: DayNumber;
  /** Last day; may lie after the data period (then written as ongoing). */
  readonly to: DayNumber;
  readonly type: BenefitType;
  readonly municipality: MunicipalityCode;
}

export interface GeneratedExemption {
  readonly reason: ExemptionReason;
  readonly from: DayNumber;
  readonly to: DayNumber;
}

export interface PersonHistory {
  readonly periods: readonly GeneratedPeriod[];
  readonly exemptions: readonly GeneratedExemption[];
}

export interface HistoryContext {
  /** The last day of the data period: nothing starts after it. */
  readonly lastDay: DayNumber;
  /** The first day events are kept from: exemptions are cut to start on or after it. */
  readonly eventsFirstDay: DayNumber;
  /** Where a person moving out of `from` moves to. */
  readonly pickDestination: (random: SeededRandom, from: MunicipalityCode) => MunicipalityCode;
}

/** Chance of moving to another municipality per 365 days on benefit. */
export const MOVE_RATE_PER_YEAR = 0.03;
/** Chance that a period of at least 200 days is split in two touching periods (administrative split). */
const ADMINISTRATIVE_SPLIT_CHANCE = 0.2;
/** Chance that a period running over New Year is split there. */
const YEAR_SPLIT_CHANCE = 0.4;
/** A person returns at most this many times. */
const MAXIMUM_RETURNS = 6;

const MUNICIPAL_TYPES: ReadonlySet<BenefitType> = new Set([
  'selvforsoergelse',
  'uddannelseshjaelp',
  'kontanthjaelp',
  'revalidering',
  'ressourceforloeb',
  'ledighedsydelse',
]);

/**
 * Stratified stand-ins for the draws that decide how many benefit days a
 * person adds up to: the spell's duration, where it leads and whether the
 * person returns (see municipality-generator.ts).
 */
export interface HistoryStrata {
  duration(type: BenefitType): number;
  transition(type: BenefitType): number;
  reentry(type: BenefitType): number;
}

/**
 * Generates the history of a person entering `entryType` on `entryDay` in
 * `home`. With `strata` the draws that decide the benefit days are
 * stratified; without, they are plain random.
 */
export function generatePerson(
  random: SeededRandom,
  context: HistoryContext,
  home: MunicipalityCode,
  entryType: BenefitType,
  entryDay: DayNumber,
  strata?: HistoryStrata,
): PersonHistory {
  const periods: GeneratedPeriod[] = [];
  const exemptions: GeneratedExemption[] = [];
  let municipality = home;
  let type = entryType;
  let day = entryDay;
  let returns = 0;
  while (day <= context.lastDay) {
    const model = SPELL_MODELS[type];
    const duration = drawDuration(random, type, strata?.duration(type));
    const spellStart = day;
    // One spell: one or two segments of receipt.
    const segments: [DayNumber, DayNumber][] = [];
    let interruption: number | undefined;
    for (const [range, chance] of model.interruptions) {
      if (random.chance(chance)) {
        interruption = uniformInteger(random, range.min, range.max);
        break;
      }
    }
    if (interruption !== undefined && duration >= 60) {
      const first = uniformInteger(random, 20, duration - 20);
      segments.push([day, day + first - 1]);
      segments.push([day + first + interruption, day + duration + interruption - 1]);
    } else segments.push([day, day + duration - 1]);
    let spellEnd = spellStart;
    for (const [from, to] of segments) {
      if (from > context.lastDay) break;
      municipality = addSegment(random, context, periods, { type, municipality, from, to });
      spellEnd = to;
    }
    addExemptions(random, context, exemptions, type, spellStart, spellEnd);
    if (spellEnd >= context.lastDay) break;
    const next = drawTransition(random, type, duration, strata?.transition(type));
    if (next) {
      day = spellEnd + 1 + next.gap;
      type = next.to;
      continue;
    }
    const returnDraw = strata ? strata.reentry(type) : random.next();
    if (returns >= MAXIMUM_RETURNS || returnDraw >= model.reentry.probability) break;
    returns += 1;
    const gap = Math.max(
      1,
      Math.round(logNormal(random, model.reentry.gapMedianDays, model.reentry.gapSigma)),
    );
    day = spellEnd + 1 + gap;
    type = weightedChoice(random, model.reentry.types);
  }
  return { periods, exemptions };
}

/**
 * Adds the periods of one segment of receipt [from, to], split at a move
 * (the new period has the new municipality, touching) and sometimes for
 * administrative reasons. Returns the municipality at the end.
 */
function addSegment(
  random: SeededRandom,
  context: HistoryContext,
  periods: GeneratedPeriod[],
  segment: {
    readonly type: BenefitType;
    readonly municipality: MunicipalityCode;
    readonly from: DayNumber;
    readonly to: DayNumber;
  },
): MunicipalityCode {
  const { type, municipality, from, to } = segment;
  const length = to - from + 1;
  const visibleEnd = Math.min(to, context.lastDay);
  let current = municipality;
  let start = from;
  if (length >= 30 && random.chance(Math.min(0.5, (MOVE_RATE_PER_YEAR * length) / 365))) {
    const moveDay = uniformInteger(random, from + 10, Math.min(to, from + length - 10));
    if (moveDay <= visibleEnd) {
      periods.push({ from: start, to: moveDay - 1, type, municipality: current });
      current = context.pickDestination(random, current);
      start = moveDay;
    }
  }
  const remaining = to - start + 1;
  if (remaining >= 200 && random.chance(ADMINISTRATIVE_SPLIT_CHANCE)) {
    const split = uniformInteger(random, start + 60, to - 60);
    if (split <= visibleEnd) {
      periods.push({ from: start, to: split - 1, type, municipality: current });
      start = split;
    }
  }
  // Registers record receipt per calendar year: a period running over New
  // Year is often two touching periods.
  let year = civilOf(start).year + 1;
  for (let newYear = dayNumberOf(year, 1, 1); newYear <= Math.min(to, visibleEnd);) {
    if (random.chance(YEAR_SPLIT_CHANCE)) {
      periods.push({ from: start, to: newYear - 1, type, municipality: current });
      start = newYear;
    }
    year += 1;
    newYear = dayNumberOf(year, 1, 1);
  }
  periods.push({ from: start, to, type, municipality: current });
  return current;
}

/**
 * Exemptions during a spell: sickness (sygdom) and other reasons count as
 * exempt days; standby (opfølgning uden kontakt) and barsel are dead days.
 * A few long "other" exemptions cover most of a spell, so that the person
 * falls out of the target group by the 50 % rule. Exemptions never overlap
 * and are cut to the event period.
 */
function addExemptions(
  random: SeededRandom,
  context: HistoryContext,
  exemptions: GeneratedExemption[],
  type: BenefitType,
  spellStart: DayNumber,
  spellEnd: DayNumber,
): void {
  const end = Math.min(spellEnd, context.lastDay);
  const length = end - spellStart + 1;
  if (length < 30 || end < context.eventsFirstDay) return;
  const years = Math.min(3, length / 365);
  const municipal = MUNICIPAL_TYPES.has(type);
  const candidates: [ExemptionReason, number, number, number][] = [];
  if (municipal || type === 'dagpenge') candidates.push(['sygdom', 0.06 * years, 14, 90]);
  if (['uddannelseshjaelp', 'kontanthjaelp', 'selvforsoergelse', 'dagpenge'].includes(type))
    candidates.push(['barsel', 0.035 * years, 120, 330]);
  if (['kontanthjaelp', 'ressourceforloeb', 'jobafklaring', 'sygedagpenge'].includes(type))
    candidates.push(['standby', 0.035 * years, 60, 270]);
  candidates.push(['other', 0.03 * years, 30, 180]);
  const placed: GeneratedExemption[] = [];
  for (const [reason, chance, minimum, maximum] of candidates) {
    if (!random.chance(chance)) continue;
    const duration = Math.min(length - 1, uniformInteger(random, minimum, maximum));
    const from = spellStart + random.nextInt(Math.max(1, length - duration));
    place(placed, { reason, from, to: from + duration - 1 });
  }
  if (municipal && length >= 400 && random.chance(0.03)) {
    const share = 0.55 + 0.25 * random.next();
    const from = spellStart + random.nextInt(Math.max(1, Math.floor(length * 0.1)));
    place(placed, { reason: 'other', from, to: Math.min(end, from + Math.round(length * share)) });
  }
  placed.sort((a, b) => a.from - b.from);
  for (const exemption of placed) {
    if (exemption.to < context.eventsFirstDay) continue;
    exemptions.push({ ...exemption, from: Math.max(exemption.from, context.eventsFirstDay) });
  }
}

function place(placed: GeneratedExemption[], candidate: GeneratedExemption): void {
  for (const existing of placed) {
    if (candidate.from <= existing.to && existing.from <= candidate.to) return;
  }
  placed.push(candidate);
}
