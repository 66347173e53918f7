/**
 * Monthly counts per municipality, month and scope (measures.md § 6): the
 * flat accumulators the pass over persons adds into, and merging partial
 * accumulators (from worker threads). Every cell is an integer count, so the
 * sums are exact and identical whatever the order or the number of workers.
 */
import { FOCUS_GOALS } from '../domain/focus-goal.js';
import { benchmarkFieldCount } from './benchmark-measures.js';
import { EARLY_EFFORT_FIELDS } from './early-effort.js';
import type { MeasureContext } from './measure-context.js';

/** Goal indices in the accumulators (the order of `FOCUS_GOALS`). */
export const OFFERS_GOAL = FOCUS_GOALS.indexOf('offers');
export const CONVERSATIONS_GOAL = FOCUS_GOALS.indexOf('conversations');

export interface MeasureAccumulators {
  readonly municipalityCount: number;
  readonly monthCount: number;
  readonly scopeCount: number;
  /** Persons in the target group: [municipality][month][scope]. */
  readonly focusTarget: Int32Array;
  /** Of those, passive: [municipality][month][scope][goal]. */
  readonly focusPassive: Int32Array;
  /** Benefit days: [municipality][rate period]. */
  readonly benefitDays: Float64Array;
  /** Early effort: [municipality][month][scope][field]. */
  readonly earlyEffort: Int32Array;
  /** Benchmark measures: [municipality][month][scope][field]. */
  readonly benchmark: Float64Array;
}

export function createAccumulators(context: MeasureContext): MeasureAccumulators {
  const municipalityCount = context.municipalities.length;
  const monthCount = context.monthCount;
  const scopeCount = context.scopes.length;
  const cells = municipalityCount * monthCount * scopeCount;
  return {
    municipalityCount,
    monthCount,
    scopeCount,
    focusTarget: new Int32Array(cells),
    focusPassive: new Int32Array(cells * FOCUS_GOALS.length),
    benefitDays: new Float64Array(municipalityCount * context.ratePeriods.length),
    earlyEffort: new Int32Array(cells * EARLY_EFFORT_FIELDS),
    benchmark: new Float64Array(cells * benchmarkFieldCount(context)),
  };
}

/** The cell of (municipality index, month offset, scope index). */
export function cellOf(
  accumulators: MeasureAccumulators,
  municipality: number,
  monthOffset: number,
  scope: number,
): number {
  return (municipality * accumulators.monthCount + monthOffset) * accumulators.scopeCount + scope;
}

/** Adds `from` into `into` (same context). */
export function mergeAccumulators(into: MeasureAccumulators, from: MeasureAccumulators): void {
  addInto(into.focusTarget, from.focusTarget);
  addInto(into.focusPassive, from.focusPassive);
  addInto(into.benefitDays, from.benefitDays);
  addInto(into.earlyEffort, from.earlyEffort);
  addInto(into.benchmark, from.benchmark);
}

function addInto<T extends Int32Array | Float64Array>(into: T, from: T): void {
  if (into.length !== from.length)
    throw new Error('Accumulators of different shapes cannot be merged');
  for (let index = 0; index < into.length; index += 1)
    into[index] = (into[index] ?? 0) + (from[index] ?? 0);
}

/**
 * Counts a person in the target group of `municipality` at month
 * `monthOffset`, under "all", the type's group and the type (§ 1: every
 * measure is reported for the municipality as a whole, per group and per type).
 */
export function addToFocusMeasures(
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  municipality: number,
  monthOffset: number,
  benefit: number,
  passiveForOffers: boolean,
  passiveForConversations: boolean,
): void {
  const base = (municipality * accumulators.monthCount + monthOffset) * accumulators.scopeCount;
  addFocusCell(accumulators, base, passiveForOffers, passiveForConversations);
  addFocusCell(
    accumulators,
    base + (context.scopeOfGroupOfType[benefit] ?? 0),
    passiveForOffers,
    passiveForConversations,
  );
  addFocusCell(
    accumulators,
    base + (context.scopeOfType[benefit] ?? 0),
    passiveForOffers,
    passiveForConversations,
  );
}

function addFocusCell(
  accumulators: MeasureAccumulators,
  cell: number,
  passiveForOffers: boolean,
  passiveForConversations: boolean,
): void {
  accumulators.focusTarget[cell] = (accumulators.focusTarget[cell] ?? 0) + 1;
  const goals = cell * 2;
  if (passiveForOffers)
    accumulators.focusPassive[goals + OFFERS_GOAL] =
      (accumulators.focusPassive[goals + OFFERS_GOAL] ?? 0) + 1;
  if (passiveForConversations)
    accumulators.focusPassive[goals + CONVERSATIONS_GOAL] =
      (accumulators.focusPassive[goals + CONVERSATIONS_GOAL] ?? 0) + 1;
}

/** The passive share in percent; undefined when the target group is empty (§ 6). */
export function passiveShare(passive: number, target: number): number | undefined {
  return target === 0 ? undefined : (passive / target) * 100;
}
